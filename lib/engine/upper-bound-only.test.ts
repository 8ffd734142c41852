import { describe, expect, it } from 'vitest';
import { computeScenario, statesLowerBound, toResultCsv, toResultJson } from './compute';
import { shiyanDocument } from './fixtures';
import { parseScenario, type Scenario } from './schema';
import { serializeScenario } from './serialize';

/** Downstream's own scenario: its benefits and its own costs, no upstream cost copied. */
export const downstreamOnly = {
  format: 'pes-scenario/1',
  name: 'Beijing benefits',
  currency: 'CNY',
  unit: 1000,
  priceBase: '2000 constant prices',
  startYear: 2014,
  endYear: 2020,
  periods: [{ label: '2014–2016', from: 2014, to: 2016 }],
  benefits: [
    { kind: 'avoidedTreatment', label: 'Avoided treatment', values: { '2014-2020': '900000' } },
    { label: 'Unspecified benefit', values: { '2014-2016': '100000' } },
  ],
  downstreamCosts: [{ label: 'Monitoring', values: { '2014-2020': '20000' } }],
  waterVolume: { '2014-2020': '9500000000' },
};

function parsed(document: unknown): Scenario {
  const r = parseScenario(document);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scenario;
}

describe('a scenario that states only the upper bound', () => {
  it('is valid without costs and α', () => {
    const s = parsed(downstreamOnly);
    expect(s.costs).toEqual([]);
    expect(s.alpha).toEqual({});
    expect(s.benefits![0]!.kind).toBe('avoidedTreatment');
    expect(s.benefits![1]!.kind).toBeUndefined();
  });

  it('has an upper bound per year and period, and its lower bound is null (not stated), never 0', () => {
    const r = computeScenario(parsed(downstreamOnly));
    expect(r.lowerBoundStated).toBe(false);
    const json = toResultJson(r);
    expect(statesLowerBound(json)).toBe(false);
    expect(json).toMatchObject({ lowerBoundStated: false, backPayAnnuity: null, totals: { lowerBound: null, payment: null, directCost: '0' } });
    expect(json.years[0]).toMatchObject({ year: 2014, upperBound: '980000', lowerBound: null, payment: null, pricePerM3: null, suggestedPayment: null, feasible: null });
    expect(json.years[6]).toMatchObject({ year: 2020, upperBound: '880000', lowerBound: null });
    expect(json.periods[0]).toMatchObject({ label: '2014–2016', upperBound: '980000', lowerBound: null, payment: null, pricePerM3: null });
    // The CSV leaves the cell empty, as for any null.
    expect(toResultCsv(r).split('\n')[1]).toBe('2014,0,0,0,0,,980000,,,,');
  });

  it('a scenario with costs still states its lower bound, and its result has no marker', () => {
    const json = toResultJson(computeScenario(parsed(shiyanDocument())));
    expect(statesLowerBound(json)).toBe(true);
    expect('lowerBoundStated' in json).toBe(false);
  });

  it('a benefit kind round-trips through the canonical text; an unknown kind is refused by name', () => {
    const s = parsed(downstreamOnly);
    const text = serializeScenario(s);
    expect(text).toContain('"kind": "avoidedTreatment"');
    expect(parsed(JSON.parse(text))).toEqual(s);
    const bad = parseScenario({ ...downstreamOnly, benefits: [{ kind: 'tourism', label: 'x', values: {} }] });
    expect(bad).toMatchObject({ ok: false, problems: [{ path: 'benefits[0].kind', code: 'engine.unknownBenefitKind' }] });
  });

  it('costs without α stay valid, as α = 0 (a missing group means 0)', () => {
    const doc = { ...(shiyanDocument() as Record<string, unknown>) };
    delete doc.alpha;
    const s = parsed(doc);
    expect(computeScenario(s).lowerBoundStated).toBe(true);
  });
});
