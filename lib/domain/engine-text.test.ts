import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioText, shiyanDocument } from '@/lib/engine';
import { engineMessageIn, engineMessageText } from './engine-text';
import { inEnglish } from './local-text';
import { engineTexts } from './texts/engine';

const base = shiyanDocument() as Record<string, unknown>;
/** Bad scenario documents, one or more problems each: what the engine says of them is the corpus. (Payment terms say codes: lib/domain/engine-message.test.ts.) */
function engineMessages(): string[] {
  const scenarios: unknown[] = [
    { ...base, startYear: 2003.5, endYear: 'x', unit: -3, format: 'pes-scenario/0' },
    { ...base, endYear: 1990 },
    { ...base, paymentStartYear: 2060 },
    { ...base, paymentStartYear: 2010, catchUpYears: undefined, discountRate: undefined },
    { ...base, paymentStartYear: 2010, catchUpYears: 0, discountRate: '0.05' },
    { ...base, catchUpYears: -1.5, discountRate: '1.5', bargainingWeight: 'half' },
    { ...base, periods: [{ label: '', from: 2030, to: 2020 }, { label: 'P', from: 1990, to: 2000 }, { label: 'Q', from: 99, to: 2020 }] },
    { ...base, costs: [{ code: 'C_x', label: 'x', values: { '2003-2010': '1', '2005': '2', '2010-2003': 'x', y: '1', '2060': '1e99', '2004': 9007199254740993 } }] },
    { ...base, alpha: { G9: { '2003-2050': '0.5' }, G1: { '2003-2050': '2' } }, alphaOverrides: { C_zz: {} }, waterVolume: { '2003-2050': '0' } },
    { ...base, costs: 'none', subsidies: {}, name: 7, extra: true },
    null,
  ];
  const messages = [
    ...scenarios.flatMap((doc) => {
      const outcome = parseScenario(doc);
      return outcome.ok ? [] : outcome.problems.map((p) => p.message);
    }),
    ...['', '{', 'x'.repeat(6 * 1024 * 1024)].flatMap((raw) => {
      const a = parseScenarioText(raw);
      return (a.ok ? [] : a.problems).map((p) => p.message);
    }),
  ];
  return messages;
}

describe('the engines’ messages in the reader’s language', () => {
  it('reads each template back into its own key and values', () => {
    const wrong: string[] = [];
    for (const key of Object.keys(engineTexts) as (keyof typeof engineTexts)[]) {
      // A value per placeholder, none of them a message of its own.
      const values = Object.fromEntries([...engineTexts[key].en.matchAll(/\{(\w+)\}/g)].map((m, i) => [m[1]!, ['position', 'index', 'max', 'mb', 'year'].includes(m[1]!) ? String(10 + i) : `v${i}q`]));
      const english = inEnglish({ key, values });
      const read = engineMessageText(english);
      if (read?.key !== key || inEnglish(read) !== english) wrong.push(`${key}: "${english}" read as ${read?.key ?? 'nothing'}`);
    }
    expect(wrong).toEqual([]);
  });

  it('matches everything the engines say of bad documents', () => {
    const messages = [...new Set(engineMessages())];
    expect(messages.length).toBeGreaterThan(20);
    const unmatched = messages.filter((message) => engineMessageText(message) === null);
    expect(unmatched).toEqual([]);
  });

  it('matches any problem of a randomly broken scenario document', () => {
    const fields = ['format', 'name', 'startYear', 'endYear', 'unit', 'paymentStartYear', 'catchUpYears', 'discountRate', 'bargainingWeight', 'costs', 'alpha'];
    const junk = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.string({ maxLength: 8 }), fc.constant([]), fc.constant({}), fc.constant({ x: 'y' }));
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...fields), junk, { maxKeys: 4 }), (broken) => {
        const outcome = parseScenario({ ...base, ...broken });
        const unmatched = outcome.ok ? [] : outcome.problems.map((p) => p.message).filter((message) => engineMessageText(message) === null);
        expect(unmatched).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('gives nested messages in Chinese, and keeps names and values as written', () => {
    expect(engineMessageIn('expected a list, got an object', 'zh')).toBe('应为列表，实际为对象');
    expect(engineMessageIn('something the engines never say', 'zh')).toBe('something the engines never say');
    expect(engineMessageIn('not a number', 'en')).toBe('not a number');
  });
});
