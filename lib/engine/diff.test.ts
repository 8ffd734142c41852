import { describe, expect, it } from 'vitest';
import { diffScenarios } from './diff';
import { shiyanDocument, shiyanScenario } from './fixtures';
import { parseScenario, type Scenario } from './schema';

type Values = Record<string, string>;
/** The parts of the Shiyan document the tests change. */
interface Doc {
  endYear: number;
  catchUpYears: number;
  discountRate: string;
  costs: { code: string; label: string; values: Values }[];
  subsidies: unknown[];
  benefits?: { label: string; values: Values }[];
  alpha: Record<string, Values>;
  alphaOverrides: Record<string, Values>;
  waterVolume: Values;
}

function variant(change: (d: Doc) => void): Scenario {
  const d = shiyanDocument() as Doc;
  change(d);
  const r = parseScenario(d);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scenario;
}

describe('diffScenarios', () => {
  const a = shiyanScenario();

  it('finds nothing between equal scenarios, or after re-keying ranges into single years', () => {
    expect(diffScenarios(a, a)).toMatchObject({ items: [], assumptions: [], outputs: { years: [] } });
    const rekeyed = variant((d) => {
      const forest = d.costs[0]!;
      forest.values = { ...Object.fromEntries(Array.from({ length: 8 }, (_, i) => [String(2003 + i), '158266'])), ...forest.values };
      delete forest.values['2003-2010'];
    });
    expect(diffScenarios(a, rekeyed).items).toEqual([]);
  });

  it('lists changed item values by year and how the outputs moved', () => {
    const b = variant((d) => (d.costs[0]!.values['2021-2030'] = '181400'));
    const diff = diffScenarios(a, b);
    expect(diff.items).toEqual([
      { list: 'costs', change: 'changed', code: 'C_f', label: 'Forest construction', indexA: 0, indexB: 0, values: [{ from: 2021, to: 2030, before: '181399', after: '181400' }] },
    ]);
    expect(diff.outputs.years.map((y) => y.year)).toEqual(Array.from({ length: 10 }, (_, i) => 2021 + i));
    // +1 of cost, α_ED 0.15 → lower bound +0.85
    expect(diff.outputs.years[0]!.lowerBound.delta).toBe('0.85');
    expect(diff.outputs.totals.lowerBound.delta).toBe('8.5');
    expect(diff.outputs.totals.backPayAnnuity.delta).toBe('0');
    expect(diff.outputs.totals.upperBound).toEqual({ before: null, after: null, delta: null });
  });

  it('lists added and removed items, matched by code + label', () => {
    const b = variant((d) => {
      d.costs[0]!.label = 'Forest construction (revised)';
      d.subsidies.pop();
      d.benefits = [{ label: 'Avoided treatment cost', values: { '2014-2050': '900000' } }];
    });
    const diff = diffScenarios(a, b);
    expect(diff.items.map((i) => `${i.list} ${i.change} ${i.code ?? ''} ${i.label}`)).toEqual([
      'costs removed C_f Forest construction',
      'costs added C_f Forest construction (revised)',
      'subsidies removed C_IO National subsidy: Grain-to-Green',
      'benefits added  Avoided treatment cost',
    ]);
    expect(diff.items[3]!.values).toEqual([{ from: 2014, to: 2050, before: null, after: '900000' }]);
    const y2014 = diff.outputs.years.find((y) => y.year === 2014)!;
    expect(y2014.upperBound).toEqual({ before: null, after: '900000', delta: null });
    expect(diff.outputs.totals.upperBound.after).toBe('33300000');
  });

  it('matches duplicate code + label items in order', () => {
    const dup = (second: string) =>
      variant((d) => {
        d.costs.push({ code: 'C_t', label: 'R&D', values: { '2003': '1' } }, { code: 'C_t', label: 'R&D', values: { '2003': second } });
      });
    const diff = diffScenarios(dup('2'), dup('3'));
    expect(diff.items).toEqual([expect.objectContaining({ change: 'changed', indexA: 10, indexB: 10, values: [{ from: 2003, to: 2003, before: '2', after: '3' }] })]);
  });

  it('lists assumption changes: rates, years, α by group and year, overrides, volumes', () => {
    const b = variant((d) => {
      d.discountRate = '0.04';
      d.catchUpYears = 5;
      d.alpha.IO!['2031-2040'] = '0.55';
      d.alphaOverrides = { C_sa: { '2003-2010': '0.5' } };
      d.waterVolume['2031-2050'] = '12000000000';
    });
    const diff = diffScenarios(a, b);
    expect(diff.assumptions).toEqual([
      { field: 'catchUpYears', before: '7', after: '5' },
      { field: 'discountRate', before: '0.03', after: '0.04' },
      { field: 'alpha.IO', before: '0.5', after: '0.55', years: { from: 2031, to: 2040 } },
      { field: 'alphaOverrides.C_sa', before: null, after: '0.5', years: { from: 2003, to: 2010 } },
      { field: 'waterVolume', before: '13000000000', after: '12000000000', years: { from: 2031, to: 2050 } },
    ]);
    expect(diff.outputs.totals.backPayAnnuity.delta).not.toBe('0');
    const y = diff.outputs.years.find((x) => x.year === 2031)!;
    expect(y.pricePerM3.before).not.toBe(y.pricePerM3.after);
  });

  it('compares different year ranges (missing years are null)', () => {
    const b = variant((d) => {
      d.endYear = 2051;
    });
    const diff = diffScenarios(a, b);
    expect(diff.assumptions).toEqual([{ field: 'endYear', before: '2050', after: '2051' }]);
    expect(diff.outputs.years.map((y) => y.year)).toEqual([2051]);
    expect(diff.outputs.years[0]!.lowerBound).toEqual({ before: null, after: '0', delta: null });
  });
});
