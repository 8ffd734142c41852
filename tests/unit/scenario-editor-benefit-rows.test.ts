import { describe, expect, it } from 'vitest';
import {
  addItem,
  calculatorIsCurrent,
  defaultCalculator,
  fillRowFromCalculator,
  itemValuePath,
  setBenefitKind,
  toScenarioDocument,
  writeCell,
  type ScenarioDocument,
} from '../../components/scenario-editor/model';
import { prepareVersion } from '../../lib/domain/scenario-version';
import { parseScenario, priceTimesVolume, shiyanDocument } from '../../lib/engine';

// Benefit rows of the editor (issue 14 item 4): what each measures, kept in the version document,
// and the upper-bound calculators filling a row as if each value had been typed.

/** The paper's scenario with two benefit rows the user added. */
function withBenefits(): ScenarioDocument {
  let doc = toScenarioDocument(shiyanDocument());
  doc = addItem(doc, 'benefits', '水处理成本');
  doc = addItem(doc, 'benefits', '支付意愿');
  return writeCell(doc, itemValuePath('benefits', 0, { from: 2003, to: 2010 }), '500');
}

describe('setBenefitKind', () => {
  it('sets the kind of one benefit row and leaves the other rows, its label and values as they were', () => {
    const doc = withBenefits();
    const next = setBenefitKind(doc, 0, 'avoidedTreatment');
    expect(next.benefits![0]).toEqual({ kind: 'avoidedTreatment', label: '水处理成本', values: doc.benefits![0]!.values });
    expect(next.benefits![1]).toBe(doc.benefits![1]);
    expect(doc.benefits![0]).not.toHaveProperty('kind');
    expect(next.costs).toBe(doc.costs);
  });

  it('"not specified" removes the kind from the item instead of writing an empty one', () => {
    const kinded = setBenefitKind(withBenefits(), 1, 'willingnessToPay');
    const cleared = setBenefitKind(kinded, 1, undefined);
    expect(Object.keys(cleared.benefits![1]!)).toEqual(['label', 'values']);
    expect(parseScenario(cleared).ok).toBe(true);
  });

  it('a row that does not exist leaves the document as it is', () => {
    const doc = withBenefits();
    expect(setBenefitKind(doc, 5, 'nextBestSupply')).toBe(doc);
  });

  it('round-trips through the stored version: the canonical document keeps the kind and reopens with it', () => {
    const doc = setBenefitKind(setBenefitKind(withBenefits(), 0, 'avoidedTreatment'), 1, 'ecosystemServiceValue');
    const prepared = prepareVersion(doc);
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
    const reopened = toScenarioDocument(prepared.document);
    expect(reopened.benefits!.map((b) => b.kind)).toEqual(['avoidedTreatment', 'ecosystemServiceValue']);
    // The kind is part of what the version's hash is taken over: another kind is another document.
    const other = prepareVersion(setBenefitKind(doc, 0, 'nextBestSupply'));
    expect(other.ok && other.documentHash).not.toBe(prepared.documentHash);
  });
});

describe('a calculator filling a benefit row', () => {
  const outcome = priceTimesVolume({ unit: 1000, pricePerM3: { '2003-2010': '0.9', '2011-2050': '1.2' }, volume: { '2003-2050': '1000000' } });
  if (!outcome.ok) throw new Error('calculator');

  it('writes each value into the row, replacing what the row held, and the row reads as the calculator’s', () => {
    const doc = withBenefits();
    const fill = fillRowFromCalculator(doc, 'benefits', 0, outcome.result.values);
    expect(fill.flagged).toEqual([]);
    // 0.9 · 1 000 000 / 1000 = 900; 1.2 · 1 000 000 / 1000 = 1200; the 500 typed before is gone.
    expect(fill.document.benefits![0]!.values).toEqual({ '2003-2010': '900', '2011-2050': '1200' });
    expect(
      calculatorIsCurrent({ calculator: 'priceTimesVolume', input: outcome.result.inputs, appliedValues: outcome.result.values, note: outcome.result.note }, fill.document.benefits![0]!.values),
    ).toBe(true);
    expect(fill.document.benefits![1]).toBe(doc.benefits![1]);
  });

  it('a negative value waits in its cell for a confirmation and a value that is no number is refused; neither reaches the document', () => {
    const doc = withBenefits();
    const fill = fillRowFromCalculator(doc, 'benefits', 0, { '2003-2010': '-40', '2011-2020': '12abc', '2021-2050': '7' });
    expect(fill.document.benefits![0]!.values).toEqual({ '2021-2050': '7' });
    expect(fill.flagged).toEqual([
      { path: itemValuePath('benefits', 0, { from: 2003, to: 2010 }), text: '-40', problem: 'negative', value: '-40' },
      { path: itemValuePath('benefits', 0, { from: 2011, to: 2020 }), text: '12abc', problem: 'notANumber' },
    ]);
    expect(fill.written).toEqual([itemValuePath('benefits', 0, { from: 2021, to: 2050 })]);
  });

  it('a row that is gone is not written', () => {
    const doc = withBenefits();
    expect(fillRowFromCalculator(doc, 'benefits', 9, outcome.result.values)).toEqual({ document: doc, written: [], flagged: [] });
  });

  it('is compared year by year, so a row tidied into its periods is still the calculator’s', () => {
    const entry = { calculator: 'priceTimesVolume' as const, input: outcome.result.inputs, appliedValues: { '2003': '5', '2004-2010': '5' }, note: outcome.result.note };
    expect(calculatorIsCurrent(entry, { '2003-2010': '5.0' })).toBe(true);
    expect(calculatorIsCurrent(entry, { '2003-2010': '5', '2011': '1' })).toBe(false);
    expect(calculatorIsCurrent(entry, { '2003-2009': '5' })).toBe(false);
  });

  it('suggests the calculator the row’s kind calls for', () => {
    expect(defaultCalculator(undefined, 'avoidedTreatment')).toBe('avoidedCostTimesVolume');
    expect(defaultCalculator(undefined, 'willingnessToPay')).toBe('priceTimesVolume');
    expect(defaultCalculator(undefined)).toBe('priceTimesVolume');
    expect(defaultCalculator('C_m')).toBe('peopleTimesCompensation');
  });
});
