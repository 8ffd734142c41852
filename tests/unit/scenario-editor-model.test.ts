import { describe, expect, it } from 'vitest';
import { fromMessage, render } from '../../lib/domain/local-text';
import { english } from '../support/english';
import {
  addItem,
  addOverride,
  afterDuplicate,
  afterRemove,
  calculatorIsCurrent,
  carryCalculatorInputs,
  checkCell,
  duplicateItem,
  explainPeriod,
  formatPrice,
  groupDigits,
  groupSubtotals,
  groupedIndexes,
  periodSpans,
  removeItem,
  removeOverride,
  rowKey,
  sameIndex,
  setAlphaSpan,
  setItemSpan,
  setSetting,
  setSpan,
  setWaterVolumeSpan,
  spanAverage,
  spanValue,
  splitSpanIntoYears,
  tidyValues,
  toScenarioDocument,
  updateItem,
  yearSpans,
  yearValue,
  type CalculatorInputs,
} from '../../components/scenario-editor/model';
import { D, areaTimesUnitCost, computeScenario, parseScenario, shiyanDocument } from '../../lib/engine';

const shiyan = () => toScenarioDocument(shiyanDocument());

describe('reading a span', () => {
  const values = { '2003-2010': '158266', '2011-2020': '171729' };

  it('sees a period value filling its years, and nothing where no key covers', () => {
    expect(spanValue(values, 2003, 2010)).toEqual({ kind: 'uniform', value: '158266' });
    expect(spanValue(values, 2005, 2005)).toEqual({ kind: 'uniform', value: '158266' });
    expect(spanValue(values, 2021, 2030)).toEqual({ kind: 'empty' });
    expect(yearValue(values, 2011)).toBe('171729');
    expect(yearValue(values, 2030)).toBeUndefined();
  });

  it('reads a key wider than the period (α over 2003-2050) as the period value', () => {
    expect(spanValue({ '2003-2050': '0.15' }, 2011, 2020)).toEqual({ kind: 'uniform', value: '0.15' });
  });

  it('reports differing years as mixed with the exact annual average (missing years as 0)', () => {
    const v = spanValue({ '2003-2004': '1', '2005-2010': '2' }, 2003, 2010);
    expect(v.kind).toBe('mixed');
    expect(v.kind === 'mixed' && v.average.toString()).toBe('1.75');
    const partial = spanValue({ '2003': '10' }, 2003, 2010);
    expect(partial.kind === 'mixed' && partial.average.toString()).toBe('1.25');
    expect(spanAverage(values, 2003, 2020).eq(new D(158266 * 8 + 171729 * 10).div(18))).toBe(true);
  });

  it('treats equal values written differently as uniform', () => {
    expect(spanValue({ '2003-2005': '1.50', '2006-2010': '1.5' }, 2003, 2010)).toEqual({ kind: 'uniform', value: '1.50' });
  });
});

describe('writing a span', () => {
  it('sets a period value, replacing the keys inside it', () => {
    const out = setSpan({ '2003-2010': '1', '2011-2020': '2' }, 2011, 2020, '5');
    expect(out).toEqual({ '2003-2010': '1', '2011-2020': '5' });
  });

  it('splits a key that reaches outside the span, keeping the other years', () => {
    expect(setSpan({ '2003-2050': '0.15' }, 2011, 2020, '0.3')).toEqual({ '2003-2010': '0.15', '2011-2020': '0.3', '2021-2050': '0.15' });
    // (A plain year key is listed first by JavaScript whatever the insertion order; the meaning is what counts.)
    expect(setSpan({ '2003-2010': '1' }, 2005, 2005, '9')).toEqual({ '2003-2004': '1', '2005': '9', '2006-2010': '1' });
  });

  it('removes the years on a blank text', () => {
    expect(setSpan({ '2003-2010': '1', '2011-2020': '2' }, 2003, 2010, '  ')).toEqual({ '2011-2020': '2' });
    expect(setSpan({ '2003-2010': '1' }, 2004, 2009, '')).toEqual({ '2003': '1', '2010': '1' });
  });

  it('merges a per-year edit that was undone back into the period key, but never across periods', () => {
    const periods = [
      { from: 2003, to: 2010 },
      { from: 2011, to: 2020 },
    ];
    const edited = setSpan({ '2003-2010': '1', '2011-2020': '1' }, 2005, 2005, '9', periods);
    expect(edited).toEqual({ '2003-2004': '1', '2005': '9', '2006-2010': '1', '2011-2020': '1' });
    expect(setSpan(edited, 2005, 2005, '1', periods)).toEqual({ '2003-2010': '1', '2011-2020': '1' });
    expect(tidyValues({ '2003-2004': '1', '2005-2006': '1' }, [{ from: 2003, to: 2004 }])).toEqual({ '2003-2004': '1', '2005-2006': '1' });
  });

  it('splits a span into single years that keep their values', () => {
    const out = splitSpanIntoYears({ '2003-2005': '7', '2006-2010': '8' }, 2003, 2006);
    expect(out).toEqual({ '2003': '7', '2004': '7', '2005': '7', '2006': '8', '2007-2010': '8' });
    expect(spanValue(out, 2003, 2010)).toEqual(spanValue({ '2003-2005': '7', '2006-2010': '8' }, 2003, 2010));
  });

  it('writes keys in year order and keeps an invalid key for the engine to report', () => {
    const out = setSpan({ '2031-2040': '3', '2003-2010': '1', soon: '4' }, 2011, 2020, '2');
    expect(Object.keys(out)).toEqual(['2003-2010', '2011-2020', '2031-2040', 'soon']);
  });
});

describe('document edits', () => {
  it('sets one cell of a row without touching other rows or the original document', () => {
    const doc = shiyan();
    const next = setItemSpan(doc, 'costs', 0, 2003, 2010, '200000');
    expect(next.costs[0]!.values['2003-2010']).toBe('200000');
    expect(doc.costs[0]!.values['2003-2010']).toBe('158266');
    expect(next.costs[1]).toBe(doc.costs[1]);
    expect(parseScenario(next).ok).toBe(true);
  });

  it('adds, duplicates and removes rows', () => {
    const doc = shiyan();
    const added = addItem(doc, 'costs', 'New item', 'C_t');
    expect(added.costs.at(-1)).toEqual({ code: 'C_t', label: 'New item', values: {} });
    const dup = duplicateItem(doc, 'costs', 1, (l) => `${l} (copy)`);
    expect(dup.costs).toHaveLength(doc.costs.length + 1);
    expect(dup.costs[2]).toEqual({ ...doc.costs[1], label: 'Water and soil conservation (copy)' });
    expect(dup.costs[2]!.values).not.toBe(doc.costs[1]!.values);
    const removed = removeItem(doc, 'costs', 0);
    expect(removed.costs[0]).toBe(doc.costs[1]);
    expect(removeItem(doc, 'costs', 99)).toBe(doc);
    const benefit = addItem(doc, 'benefits', 'Avoided treatment cost');
    expect(benefit.benefits).toEqual([{ label: 'Avoided treatment cost', values: {} }]);
  });

  it('edits label and category', () => {
    const next = updateItem(shiyan(), 'subsidies', 0, { code: 'C_f', label: 'Forest grant' });
    expect(next.subsidies![0]).toMatchObject({ code: 'C_f', label: 'Forest grant' });
  });

  it('edits α per group and period, overrides, water volume and settings', () => {
    let doc = setAlphaSpan(shiyan(), 'ED', 2011, 2020, '0.25');
    expect(doc.alpha.ED).toEqual({ '2003-2010': '0.15', '2011-2020': '0.25', '2021-2050': '0.15' });
    doc = addOverride(doc, 'C_sa');
    expect(doc.alphaOverrides).toEqual({ C_sa: {} });
    expect(parseScenario(doc).ok).toBe(true);
    doc = removeOverride(doc, 'C_sa');
    expect(doc.alphaOverrides).toEqual({});
    doc = setWaterVolumeSpan(doc, 2041, 2050, '14000000000');
    expect(doc.waterVolume).toEqual({ '2014-2030': '9500000000', '2031-2040': '13000000000', '2041-2050': '14000000000' });
    doc = setSetting(doc, 'paymentStartYear', '2015');
    expect(doc.paymentStartYear).toBe(2015);
    doc = setSetting(doc, 'bargainingWeight', '');
    expect('bargainingWeight' in doc).toBe(false);
    expect(parseScenario(doc).ok).toBe(true);
  });

  it('normalises JSON numbers of a raw document to decimal text', () => {
    const doc = toScenarioDocument({ format: 'pes-scenario/1', costs: [{ code: 'C_f', label: 'x', values: { '2003': 12.5 } }], alpha: { ED: { '2003': 0.1 } }, discountRate: 0.03 });
    expect(doc.costs[0]!.values).toEqual({ '2003': '12.5' });
    expect(doc.alpha.ED).toEqual({ '2003': '0.1' });
    expect(doc.discountRate).toBe('0.03');
  });
});

describe('columns and subtotals', () => {
  it('uses the scenario periods, or one period over all years, and offers the years', () => {
    const doc = shiyan();
    expect(periodSpans(doc).map((s) => s.id)).toEqual(['2003-2010', '2011-2020', '2021-2030', '2031-2040', '2041-2050']);
    expect(periodSpans({ ...doc, periods: undefined }).map((s) => [s.from, s.to])).toEqual([[2003, 2050]]);
    expect(yearSpans(doc)).toHaveLength(48);
  });

  it('sums each group per period in decimals (paper Table 3, P1)', () => {
    const doc = shiyan();
    const { byGroup, total } = groupSubtotals(doc.costs, periodSpans(doc));
    expect(byGroup.ED.perSpan[0]!.toString()).toBe(String(158266 + 1920238 + 1411410));
    expect(byGroup.PD.perSpan[0]!.toString()).toBe(String(1331292 + 504133 + 799226));
    expect(byGroup.AO.perSpan[1]!.toString()).toBe('19920000');
    expect(byGroup.AO.perSpan[2]!.toString()).toBe('0');
    expect(byGroup.ED.count).toBe(3);
    // The engine agrees: direct + opportunity cost of 2003 = the P1 total.
    const year = computeScenario(shiyanScenarioParsed()).years[0]!;
    expect(total[0]!.eq(year.directCost.plus(year.opportunityCost))).toBe(true);
  });

  it('keeps exact decimals where binary floats would drift', () => {
    const items = [
      { code: 'C_f', label: 'a', values: { '2003': '0.1' } },
      { code: 'C_s', label: 'b', values: { '2003': '0.2' } },
    ];
    expect(groupSubtotals(items, [{ id: '2003', label: '2003', from: 2003, to: 2003 }]).byGroup.ED.perSpan[0]!.toString()).toBe('0.3');
  });

  it('orders rows by group and category, unknown codes last', () => {
    const items = [
      { code: 'C_AO', label: 'a', values: {} },
      { code: 'C_f', label: 'b', values: {} },
      { code: 'C_x', label: 'c', values: {} },
      { code: 'C_p', label: 'd', values: {} },
    ];
    expect(
      groupedIndexes(items)
        .filter((g) => g.indexes.length)
        .map((g) => [g.group, g.indexes]),
    ).toEqual([
      ['ED', [1]],
      ['PD', [3]],
      ['AO', [0]],
      [null, [2]],
    ]);
  });
});

function shiyanScenarioParsed() {
  const parsed = parseScenario(shiyanDocument());
  if (!parsed.ok) throw new Error('fixture');
  return parsed.scenario;
}

describe('cell checks', () => {
  it('refuses what the engine would refuse, with a reason', () => {
    expect(checkCell('12a', 'amount')).toEqual({ ok: false, problem: 'notANumber' });
    expect(checkCell('1,000', 'amount')).toEqual({ ok: false, problem: 'notANumber' });
    expect(checkCell('1e99', 'amount')).toEqual({ ok: false, problem: 'outOfRange' });
    expect(checkCell('1.5', 'fraction')).toEqual({ ok: false, problem: 'notBetween01' });
    expect(checkCell('0', 'positive')).toEqual({ ok: false, problem: 'notPositive' });
    expect(checkCell('203', 'year')).toEqual({ ok: false, problem: 'notAYear' });
    expect(checkCell('2.5', 'count')).toEqual({ ok: false, problem: 'notAWholeNumber' });
    expect(checkCell('', 'amount')).toEqual({ ok: true });
    expect(checkCell(' -12.50 ', 'amount')).toEqual({ ok: true });
  });

  it('groups digits for display without a JS number', () => {
    expect(groupDigits('19920000')).toBe('19,920,000');
    expect(groupDigits('-1234567.891')).toBe('-1,234,567.891');
    expect(groupDigits('123456789012345678901234.5')).toBe('123,456,789,012,345,678,901,234.5');
    expect(groupDigits('abc')).toBe('abc');
  });
});

describe('calculator inputs beside the document', () => {
  const doc = shiyan();
  const input = { unit: 1000, lines: [{ label: 'Plot 1', area: { '2003-2010': '100' }, unitCost: { '2003-2010': '1500' } }] };
  const outcome = areaTimesUnitCost(input);
  if (!outcome.ok) throw new Error('calculator');
  const entry = { calculator: 'areaTimesUnitCost' as const, input, appliedValues: outcome.result.values };
  const inputs: CalculatorInputs = { [rowKey('costs', 1, doc.costs[1]!)]: entry, 'subsidies[0]|C_s|x': entry };

  it('fills a row with the calculator values (area × unit cost / unit)', () => {
    expect(outcome.result.values).toEqual({ '2003-2010': '150' });
    expect(calculatorIsCurrent(entry, { '2003-2010': '150.0' })).toBe(true);
    expect(calculatorIsCurrent(entry, { '2003-2010': '151' })).toBe(false);
  });

  it('follows its row when rows are removed, duplicated or relabelled', () => {
    const removed = removeItem(doc, 'costs', 0);
    const carried = carryCalculatorInputs(inputs, 'costs', doc.costs, removed.costs, afterRemove(0));
    expect(Object.keys(carried).sort()).toEqual([rowKey('costs', 0, doc.costs[1]!), 'subsidies[0]|C_s|x'].sort());

    const dup = duplicateItem(doc, 'costs', 1);
    const carriedDup = carryCalculatorInputs(inputs, 'costs', doc.costs, dup.costs, afterDuplicate(1));
    expect(carriedDup[rowKey('costs', 1, dup.costs[1]!)]).toBe(entry);
    expect(carriedDup[rowKey('costs', 2, dup.costs[2]!)]).toBe(entry);

    const gone = carryCalculatorInputs(inputs, 'costs', doc.costs, removeItem(doc, 'costs', 1).costs, afterRemove(1));
    expect(Object.keys(gone)).toEqual(['subsidies[0]|C_s|x']);

    const relabelled = updateItem(doc, 'costs', 1, { label: 'Soil' });
    const carriedLabel = carryCalculatorInputs(inputs, 'costs', doc.costs, relabelled.costs, sameIndex);
    expect(carriedLabel['costs[1]|C_s|Soil']).toBe(entry);
  });
});

describe('results helpers', () => {
  it('explains a period figure as the average of its years', () => {
    const r = computeScenario(shiyanScenarioParsed());
    const e = explainPeriod(r, 0, 'lowerBound')!;
    expect(e.years).toHaveLength(8);
    expect(e.value).toBe(r.periods[0]!.lowerBound.toString());
    expect(english(e.substituted)).toContain('/ 8 =');
    expect(english(e.formula)).toBe('A_PES(2003–2010) = Σ_t A_PES(t) / 8  (annual average over the period)');
    expect(render(fromMessage(e.formula), 'zh')).toBe('A_PES(2003—2010) = Σ_t A_PES(t) / 8（时段内各年的平均值）');
    const price = explainPeriod(r, 0, 'pricePerM3')!;
    expect(price.value).toBe('null');
    expect(render(fromMessage(price.substituted), 'zh')).toBe('价格(2003—2010) 为空：时段内并非每年都有数值');
  });

  it('formats a price per m³ with 2 to 4 decimals', () => {
    expect(formatPrice('1.5', 'en')).toBe('1.50');
    expect(formatPrice('0.123456', 'zh')).toBe('0.1235');
    expect(formatPrice('1234.1', 'en')).toBe('1,234.10');
  });
});
