import { describe, expect, it } from 'vitest';
import { miyunDocument, shiyanDocument, shiyanScenario } from './fixtures';
import { english } from '../../tests/support/english';
import type { CodedProblem } from './problem';
import { MAX_DOCUMENT_BYTES, parseScenario, parseScenarioText } from './schema';
import { serializeScenario } from './serialize';

/** A small valid document; each test breaks one thing. */
function doc(): Record<string, unknown> {
  return {
    format: 'pes-scenario/1',
    name: 'test',
    currency: 'CNY',
    unit: 1000,
    priceBase: '2000 constant prices',
    startYear: 2003,
    endYear: 2020,
    paymentStartYear: 2010,
    catchUpYears: 3,
    discountRate: '0.03',
    costs: [
      { code: 'C_f', label: 'forest', values: { '2003-2010': '100' } },
      { code: 'C_s', label: 'soil', values: { '2003-2010': 200, '2011-2020': '300.5' } },
      { code: 'C_q', label: 'monitoring', values: { '2005': '1' } },
      { code: 'C_IO', label: 'industry', values: { '2011-2020': '50' } },
    ],
    subsidies: [{ code: 'C_s', label: 'soil programme', values: { '2003-2010': '20' } }],
    alpha: { ED: { '2003-2020': '0.15' }, IO: { '2003-2010': 0.2 } },
    alphaOverrides: { C_sa: { '2003-2020': '0.6' } },
    benefits: [{ label: 'avoided treatment', values: { '2010-2020': '900' } }],
    downstreamCosts: [{ label: 'monitoring', values: { '2010-2020': '20' } }],
    waterVolume: { '2010-2015': '9500000000', '2016-2020': 13e9 },
  };
}

function problemsOf(input: unknown): CodedProblem[] {
  const r = parseScenario(input);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.problems;
}

const line = (p: CodedProblem) => `${p.path}: ${english(p)}`;

/** Applies a change to a fresh valid document and returns the problem lines. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test breaks the document at an arbitrary path
function refuse(change: (d: Record<string, any>) => void): string[] {
  const d = doc();
  change(d);
  return problemsOf(d).map(line);
}

describe('parseScenario: valid documents', () => {
  it('accepts the base document, normalising numbers to decimal strings', () => {
    const r = parseScenario(doc());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.costs[1]!.values).toEqual({ '2003-2010': '200', '2011-2020': '300.5' });
    expect(r.scenario.alpha.IO).toEqual({ '2003-2010': '0.2' });
    expect(r.scenario.waterVolume).toEqual({ '2010-2015': '9500000000', '2016-2020': '13000000000' });
  });

  it('accepts the fixtures', () => {
    expect(parseScenario(shiyanDocument()).ok).toBe(true);
    expect(parseScenario(miyunDocument()).ok).toBe(true);
  });

  it('accepts exponent notation and signs, and canonicalises "2015-2015" to "2015"', () => {
    const r = parseScenario({ ...doc(), costs: [{ code: 'C_f', label: 'x', values: { '2015-2015': '1.50e3', '2016': '-2', '2017': '+0.10' } }] });
    expect(r.ok && r.scenario.costs[0]!.values).toEqual({ '2015': '1500', '2016': '-2', '2017': '0.1' });
  });

  it('needs no catchUpYears or discountRate without back-pay years', () => {
    expect(parseScenario({ ...doc(), paymentStartYear: undefined, catchUpYears: undefined, discountRate: undefined }).ok).toBe(true);
    expect(parseScenario({ ...doc(), paymentStartYear: 2003, catchUpYears: undefined, discountRate: undefined }).ok).toBe(true);
  });

  it('defaults subsidies and alphaOverrides to empty', () => {
    const r = parseScenario({ ...doc(), subsidies: undefined, alphaOverrides: undefined });
    expect(r.ok && [r.scenario.subsidies, r.scenario.alphaOverrides]).toEqual([[], {}]);
  });
});

describe('parseScenario: every rule names the field', () => {
  it('a value that is not a number', () => {
    expect(refuse((d) => (d.costs[3].values['2011-2020'] = 'abc'))).toEqual(['costs[3].values["2011-2020"]: not a number']);
  });

  it.each([['NaN'], ['Infinity'], ['0x10'], [''], [' 1'], ['1,000'], [true], [null], [{}]])('rejects %j as a number', (bad) => {
    expect(refuse((d) => (d.costs[0].values['2003-2010'] = bad))).toEqual(['costs[0].values["2003-2010"]: not a number']);
  });

  it('rejects huge exponents and unsafe JSON integers', () => {
    expect(refuse((d) => (d.costs[0].values['2003-2010'] = '1e999'))[0]).toMatch(/^costs\[0\]\.values\["2003-2010"\]: 1e999 is out of range/);
    expect(refuse((d) => (d.costs[0].values['2003-2010'] = 2 ** 60))[0]).toMatch(/write it as a decimal string/);
  });

  it('α outside [0, 1]', () => {
    expect(refuse((d) => (d.alpha.ED = { '2003-2050': '1.4' }))).toContain('alpha.ED["2003-2050"]: 1.4 is not between 0 and 1');
    expect(refuse((d) => (d.alphaOverrides.C_sa['2003-2020'] = -0.1))).toEqual(['alphaOverrides.C_sa["2003-2020"]: -0.1 is not between 0 and 1']);
  });

  it('rates and weights outside [0, 1]', () => {
    expect(refuse((d) => (d.discountRate = '1.5'))).toEqual(['discountRate: 1.5 is not between 0 and 1']);
    expect(refuse((d) => (d.bargainingWeight = '-0.5'))).toEqual(['bargainingWeight: -0.5 is not between 0 and 1']);
  });

  it('overlapping year ranges within one item', () => {
    expect(refuse((d) => (d.costs[1].values['2008'] = '5'))).toEqual(['costs[1].values["2008"]: overlaps "2003-2010" (both cover 2008)']);
    expect(refuse((d) => (d.waterVolume['2015-2016'] = '5'))).toEqual([
      'waterVolume["2015-2016"]: overlaps "2010-2015" (both cover 2015)',
      'waterVolume["2016-2020"]: overlaps "2015-2016" (both cover 2016)',
    ]);
  });

  it('the same years in two different items are fine', () => {
    expect(parseScenario({ ...doc(), costs: [...(doc().costs as object[]), { code: 'C_f', label: 'forest 2', values: { '2003-2010': '1' } }] }).ok).toBe(true);
  });

  it('malformed year keys', () => {
    expect(refuse((d) => (d.costs[0].values['2003–2010'] = '1'))).toEqual(['costs[0].values["2003–2010"]: not a year or year range (write "2015" or "2003-2010")']);
    expect(refuse((d) => (d.costs[0].values = { '2010-2003': '1' }))).toEqual(['costs[0].values["2010-2003"]: range runs backwards (2010 > 2003)']);
  });

  it('a year outside startYear..endYear', () => {
    expect(refuse((d) => (d.costs[0].values = { '2001-2004': '1' }))).toEqual(['costs[0].values["2001-2004"]: year 2001 is outside startYear..endYear (2003..2020)']);
    expect(refuse((d) => (d.benefits[0].values = { '2021': '1' }))).toEqual(['benefits[0].values["2021"]: year 2021 is outside startYear..endYear (2003..2020)']);
    expect(refuse((d) => (d.alpha.ED = { '2003-2050': '0.1' }))).toEqual(['alpha.ED["2003-2050"]: year 2050 is outside startYear..endYear (2003..2020)']);
    expect(refuse((d) => (d.periods = [{ label: 'p', from: 2000, to: 2010 }]))).toEqual(['periods[0]: 2000-2010 is outside startYear..endYear (2003..2020)']);
    expect(refuse((d) => (d.paymentStartYear = 2030))).toEqual(['paymentStartYear: 2030 is outside startYear..endYear (2003..2020)']);
  });

  it('endYear before startYear', () => {
    expect(refuse((d) => (d.endYear = 2000))).toEqual(['endYear: 2000 is before startYear 2003']);
  });

  it('an unknown category code', () => {
    expect(refuse((d) => (d.costs[2].code = 'C_x'))[0]).toMatch(/^costs\[2\]\.code: unknown category code "C_x" \(one of C_f, C_s/);
    expect(refuse((d) => (d.subsidies[0].code = 'ED'))[0]).toMatch(/^subsidies\[0\]\.code: unknown category code "ED"/);
    expect(refuse((d) => (d.alphaOverrides.C_zz = { '2003': '0.1' }))[0]).toMatch(/^alphaOverrides\.C_zz: unknown category code/);
    expect(refuse((d) => (d.alpha.XX = { '2003': '0.1' }))[0]).toMatch(/^alpha\.XX: unknown group \(one of ED, PD, AD, IO, AO\)/);
  });

  it('catchUpYears missing or < 1 while back-pay years exist', () => {
    expect(refuse((d) => delete d.catchUpYears)).toEqual(['catchUpYears: missing: required when back-pay years exist (paymentStartYear 2010 > startYear 2003)']);
    expect(refuse((d) => (d.catchUpYears = 0))).toEqual(['catchUpYears: must be at least 1: required when back-pay years exist (paymentStartYear 2010 > startYear 2003)']);
    expect(refuse((d) => (d.catchUpYears = 1.5))).toEqual(['catchUpYears: not a whole number']);
  });

  it('discountRate missing while back-pay years exist', () => {
    expect(refuse((d) => delete d.discountRate)).toEqual(['discountRate: missing: required when back-pay years exist (paymentStartYear 2010 > startYear 2003)']);
  });

  it('water volume must be positive', () => {
    expect(refuse((d) => (d.waterVolume['2010-2015'] = '0'))).toEqual(['waterVolume["2010-2015"]: 0 is not positive']);
  });

  it('required fields, wrong types, unknown fields, format', () => {
    expect(refuse((d) => delete d.name)).toEqual(['name: missing (required)']);
    expect(refuse((d) => (d.costs = {}))).toEqual(['costs: expected a list, got an object']);
    expect(refuse((d) => (d.startYear = '2003'))).toEqual(['startYear: not a whole year']);
    expect(refuse((d) => (d.unit = 0))).toEqual(['unit: 0 is not a positive whole number']);
    expect(refuse((d) => (d.colour = 'red'))).toEqual(['colour: unknown field: "colour"']);
    expect(refuse((d) => (d.costs[0].note = 'x'))).toEqual(['costs[0].note: unknown field: "note"']);
    expect(refuse((d) => (d.format = 'pes-scenario/2'))).toEqual(['format: must be "pes-scenario/1"']);
    expect(refuse((d) => (d.costs[0].label = ''))).toEqual(['costs[0].label: must not be empty']);
    expect(problemsOf(null).map(line)).toEqual(['(document): expected an object, got null']);
  });

  it('lists every problem at once', () => {
    const lines = refuse((d) => {
      d.costs[0].values['2003-2010'] = 'x';
      d.costs[1].code = 'nope';
      d.alpha.ED['2003-2020'] = '2';
    });
    expect(lines).toHaveLength(3);
  });
});

describe('parseScenarioText', () => {
  it('refuses a document over 5 MB before parsing it', () => {
    const big = '{"format":"pes-scenario/1","name":"' + 'x'.repeat(MAX_DOCUMENT_BYTES) + '"}';
    expect(parseScenarioText(big)).toMatchObject({ ok: false, problems: [{ path: '(document)', code: 'engine.largerThanMb', params: { mb: 5 } }] });
  });

  it('counts bytes, not characters', () => {
    const name = 'é'.repeat(MAX_DOCUMENT_BYTES / 2); // 2 bytes each: 5 MB of name alone
    const r = parseScenarioText(JSON.stringify({ ...doc(), name }));
    expect(r.ok).toBe(false);
  });

  it('reports invalid JSON without throwing', () => {
    const r = parseScenarioText('{"format": ');
    expect(r.ok).toBe(false);
    expect(!r.ok && english(r.problems[0]!)).toMatch(/^not valid JSON/);
  });

  it('never throws on odd input', () => {
    for (const text of ['', 'null', '[]', '"x"', '1', '{"costs":[null]}', '{"alpha":{"ED":[1]}}']) expect(parseScenarioText(text).ok).toBe(false);
    expect(parseScenarioText(42 as unknown as string).ok).toBe(false);
  });
});

describe('serializeScenario', () => {
  it('round-trips export → import unchanged', () => {
    const s = shiyanScenario();
    const text = serializeScenario(s);
    const back = parseScenarioText(text);
    expect(back.ok && back.scenario).toEqual(s);
    expect(back.ok && serializeScenario(back.scenario)).toBe(text);
  });

  it('writes values maps in year order and numbers as decimal strings', () => {
    const r = parseScenario({ ...doc(), costs: [{ code: 'C_f', label: 'x', values: { '2011-2012': 2, '2005': '1.0', '2003-2004': 3 } }] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(serializeScenario(r.scenario)).toContain('"values": { "2003-2004": "3", "2005": "1", "2011-2012": "2" }');
  });
});

describe('one pass reports every problem', () => {
  it('reports the document rules together with problems of single fields', () => {
    const outcome = parseScenario({
      format: 'pes-scenario/1',
      name: 'mixed problems',
      currency: 'CNY',
      unit: 1000,
      priceBase: '2000 prices',
      startYear: 2003,
      endYear: 2010,
      paymentStartYear: 2005,
      costs: [{ code: 'C_f', label: 'Forest', values: { '2003-2004': '5', '2004': '1', '2012': '3' } }],
      alpha: { ED: { '2003-2010': '0.4' } },
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map((p) => p.path).sort()).toEqual(['catchUpYears', 'costs[0].values["2004"]', 'costs[0].values["2012"]', 'discountRate'].sort());
  });
});
