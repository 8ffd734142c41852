import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messageIn } from '@/lib/domain/engine-message';
import { MAX_DOCUMENT_BYTES, compileTerms, parseTerms, parseTermsText, TermsError, type PaymentTerms, type Problem } from './schema';

/** Problems in English, as the `pes` CLI prints them. */
const english = (problems: Problem[]) => problems.map((p) => ({ path: p.path, message: messageIn(p, 'en') }));
const inEnglish = <T extends { ok: boolean }>(outcome: T) => ('problems' in outcome ? { ...outcome, problems: english(outcome.problems as Problem[]) } : outcome);

const fixture = readFileSync(path.join(import.meta.dirname, 'fixtures/two-way-terms.json'), 'utf8');
const doc = (): PaymentTerms => JSON.parse(fixture) as PaymentTerms;

function problems(json: unknown): string[] {
  const r = parseTerms(json);
  if (r.ok) throw new Error('expected problems');
  return english(r.problems).map((p) => `${p.path}: ${p.message}`);
}

describe('parseTerms', () => {
  it('accepts the example of the format document', () => {
    const r = parseTermsText(fixture);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.terms.constants.k).toBe('0.9');
    expect(r.terms.formulas.map((f) => f.name)).toEqual(['P', 'payment']);
    expect(r.terms.unit).toBe(1);
  });

  it('normalises decimal strings and defaults empty maps', () => {
    const r = parseTerms({ ...doc(), constants: { ...doc().constants, k: '0.90', amount: '2e8' } });
    expect(r.ok && r.terms.constants).toMatchObject({ k: '0.9', amount: '200000000' });
    const bare = parseTerms({ format: 'payment-terms/1', name: 'x', currency: 'CNY', unit: '1', from: 2020, to: 2020, formulas: [{ name: 'payment', expr: '1000' }] });
    expect(bare.ok && bare.terms).toMatchObject({ constants: {}, indicators: {}, unit: 1 });
  });

  it('names the field of every problem in one pass', () => {
    const d = doc();
    const bad = {
      ...d,
      to: 2017,
      unit: 0,
      constants: { ...d.constants, k: 'abc', amount: 200000000, 'bad name': '1' },
      indicators: { ...d.indicators, '2x': 'mg/L', year: 'mg/L', tp: 5 },
      formulas: [d.formulas[0], { name: 'payment', expr: 'P <= 1 ? amout : -amount' }, { name: 'P', expr: '1' }, { name: 'x', expr: '' }, { name: 'y' }],
      extra: true,
    };
    expect(problems(bad)).toEqual(
      expect.arrayContaining([
        'to: 2017 is before from 2018',
        'unit: 0 is not a positive whole number',
        'constants.k: not a decimal number',
        'constants.amount: not a decimal number (write it as a string in quotes, e.g. "0.9")',
        'constants["bad name"]: "bad name" is not a name (letters, digits and _, not starting with a digit)',
        'indicators["2x"]: "2x" is not a name (letters, digits and _, not starting with a digit)',
        'indicators.year: "year" is reserved',
        'indicators.tp: expected its unit as text, e.g. "mg/L" (may be "")',
        'formulas[1].expr: unknown name "amout" at position 10 in formula "payment"; did you mean "amount"?',
        'formulas[2].name: "P" is already the name of formulas[0]',
        'formulas[3].expr: must not be empty',
        'formulas[4].expr: missing (required)',
        'extra: unknown field: "extra"',
      ]),
    );
  });

  it('requires a formula named payment and unique names across constants, indicators and formulas', () => {
    const d = doc();
    expect(problems({ ...d, formulas: [d.formulas[0]] })).toContain('formulas: no formula named "payment" (the amount due each year)');
    expect(problems({ ...d, indicators: { ...d.indicators, k: 'mg/L' } })).toContain('indicators.k: "k" is already a constant');
    expect(problems({ ...d, formulas: [{ name: 'codmn', expr: '1' }, ...d.formulas] })).toContain('formulas[0].name: "codmn" is already an indicator');
    expect(problems({ ...d, formulas: [] })).toContain('formulas: at least one formula (one named "payment")');
  });

  it('refuses a reference to a later formula and division by a zero constant at save time', () => {
    const d = doc();
    expect(problems({ ...d, formulas: [{ name: 'payment', expr: 'P <= 1 ? amount : -amount' }, d.formulas[0]] })).toEqual([
      'formulas[0].expr: "P" is a later formula (formulas[1]) at position 1 in formula "payment"; a formula may only use the formulas before it',
    ]);
    const slash = d.formulas[0]!.expr.indexOf('/c0_tp') + 1;
    expect(slash).toBe(76);
    expect(problems({ ...d, constants: { ...d.constants, c0_tp: '0' } })).toEqual([`formulas[0].expr: division by zero at position ${slash} in formula "P"`]);
  });

  it('does not repeat a bad constant as an unknown name in formulas', () => {
    const d = doc();
    expect(problems({ ...d, constants: { ...d.constants, k: 'NaN' } })).toEqual(['constants.k: not a decimal number']);
  });

  it.each([
    ['NaN', 'not a decimal number'],
    ['Infinity', 'not a decimal number'],
    ['-Infinity', 'not a decimal number'],
    ['0x10', 'not a decimal number'],
    ['1,000', 'not a decimal number'],
    [' 1', 'not a decimal number'],
    ['', 'not a decimal number'],
    ['1e31', '1e31 is out of range (magnitude must be between 1e-30 and 1e30)'],
    ['1e-99999999999', '1e-99999999999 is out of range (magnitude must be between 1e-30 and 1e30)'],
  ])('refuses the constant %j', (value, message) => {
    expect(problems({ ...doc(), constants: { ...doc().constants, k: value } })).toContain(`constants.k: ${message}`);
  });

  it('keeps every digit of a long constant', () => {
    const long = '123456789012345678901234567890.123456789012345678901234567890123';
    const r = parseTerms({ ...doc(), constants: { ...doc().constants, amount: long } });
    expect(r.ok && r.terms.constants.amount).toBe(long);
  });

  it('refuses the years in the wrong order and a format it does not know', () => {
    expect(problems({ ...doc(), from: 2021, to: 2020 })).toEqual(['to: 2020 is before from 2021']);
    expect(problems({ ...doc(), format: 'payment-terms/2' })).toEqual(['format: must be "payment-terms/1"']);
    expect(problems({ ...doc(), from: 99 })).toContain('from: not a four-digit year');
  });

  it('refuses a document over 5 MB before parsing it', () => {
    const big = JSON.stringify({ ...doc(), name: 'x'.repeat(MAX_DOCUMENT_BYTES) });
    expect(inEnglish(parseTermsText(big))).toEqual({ ok: false, problems: [{ path: '(document)', message: 'larger than 5 MB' }] });
    // Multi-byte text is measured in UTF-8 bytes, not characters.
    const wide = JSON.stringify({ ...doc(), name: '水'.repeat(Math.ceil(MAX_DOCUMENT_BYTES / 3) + 10) });
    expect(wide.length).toBeLessThan(MAX_DOCUMENT_BYTES);
    expect(parseTermsText(wide).ok).toBe(false);
  });

  it('reports invalid JSON and non-text', () => {
    expect(parseTermsText('{').ok).toBe(false);
    expect(inEnglish(parseTermsText(42 as unknown as string))).toEqual({ ok: false, problems: [{ path: '(document)', message: 'not text' }] });
    expect(problems(null)).toEqual(['(document): expected an object, got null']);
  });
});

describe('prototype pollution', () => {
  it('refuses __proto__, constructor and prototype as names, harmlessly', () => {
    const text = fixture.replace('"k": "0.9"', '"k": "0.9", "__proto__": { "polluted": "1" }, "constructor": "2"').replace('"codmn": "mg/L"', '"codmn": "mg/L", "prototype": "x"');
    const r = parseTermsText(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = english(r.problems).map((p) => `${p.path}: ${p.message}`);
    expect(lines).toContain('constants.__proto__: "__proto__" is reserved (names may not start with "__")');
    expect(lines).toContain('constants.__proto__: not a decimal number');
    expect(lines).toContain('constants.constructor: "constructor" is reserved');
    expect(lines).toContain('indicators.prototype: "prototype" is reserved');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses a top-level __proto__ and formulas named after object properties', () => {
    const top = parseTermsText(fixture.replace('"name"', '"__proto__": { "polluted": true }, "name"'));
    expect(top.ok).toBe(false);
    const named = parseTerms({ ...doc(), formulas: [...doc().formulas, { name: 'toString', expr: '1' }, { name: '__proto__', expr: '1' }] });
    expect(named.ok).toBe(false);
    if (!named.ok) expect(named.problems.map((p) => p.path)).toEqual(['formulas[2].name', 'formulas[3].name']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not resolve a formula name through Object.prototype', () => {
    expect(problems({ ...doc(), formulas: [{ name: 'payment', expr: 'constructor + hasOwnProperty' }] })[0]).toMatch(/unknown name "constructor"/);
  });
});

describe('robustness (property-based)', () => {
  it('never throws on random JSON and always answers ok or problems', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const r = parseTerms(json);
        expect(r.ok ? 'terms' in r : r.problems.length > 0).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const r = parseTermsText(text);
        expect(r.ok || r.problems.length > 0).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on random variations of a valid document', () => {
    const anything = fc.oneof(fc.jsonValue(), fc.constantFrom('__proto__', 'constructor', 'NaN', 'Infinity', '-0', '1e999', 1e308, -0, '0x10', '', ' '));
    const key = fc.constantFrom('format', 'name', 'currency', 'unit', 'from', 'to', 'constants', 'indicators', 'formulas', '__proto__', 'constructor');
    const expr = fc.oneof(fc.string(), fc.constantFrom('k * codmn', 'import("fs")', 'amount.constructor', 'P = 1', '1/0', '[1]', '"x"', 'x'.repeat(20_000)));
    fc.assert(
      fc.property(key, anything, expr, fc.string({ maxLength: 10 }), anything, (field, value, formula, constName, constValue) => {
        const d = doc() as unknown as Record<string, unknown>;
        const variant = { ...d, [field]: value, constants: { ...(d.constants as object), [constName]: constValue }, formulas: [{ name: 'payment', expr: formula }] };
        const r = parseTerms(variant);
        if (!r.ok) for (const p of english(r.problems)) expect(typeof p.path === 'string' && typeof p.message === 'string').toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('survives deeply nested JSON and huge numbers', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5_000; i++) deep = [deep];
    expect(parseTerms({ ...doc(), constants: deep }).ok).toBe(false);
    expect(parseTermsText('['.repeat(100_000) + ']'.repeat(100_000)).ok).toBe(false);
    expect(problems({ ...doc(), unit: 1e300 })).toEqual(['unit: 1e+300 is not a positive whole number']);
    expect(problems({ ...doc(), from: 1e300 })).toContain('from: not a four-digit year');
    expect(problems({ ...doc(), constants: { ...doc().constants, k: '9'.repeat(40) } })[0]).toMatch(/out of range/);
    expect(problems({ ...doc(), formulas: [{ name: 'payment', expr: '9'.repeat(40) }] })[0]).toMatch(/out of range .* at position 1 in formula "payment"/);
    expect(problems({ ...doc(), formulas: [{ name: 'payment', expr: '('.repeat(500) + '1' + ')'.repeat(500) }] })[0]).toMatch(/nests brackets/);
    expect(problems({ ...doc(), formulas: Array.from({ length: 201 }, (_, i) => ({ name: `f${i}`, expr: '1' })) })).toContain('formulas: more than 200 formulas');
  });
});

describe('compileTerms', () => {
  it('lists the indicators the formulas read, and throws TermsError for invalid terms', () => {
    const d = doc();
    const compiled = compileTerms({ ...d, indicators: { ...d.indicators, unused: 'm³' } });
    expect(compiled.needs).toEqual(['codmn', 'nh3n', 'tn', 'tp']);
    expect(compiled.usesScheduled).toBe(false);
    expect(() => compileTerms({ ...d, to: 1 } as PaymentTerms)).toThrow(TermsError);
  });
});
