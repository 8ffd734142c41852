import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioText, shiyanDocument } from '@/lib/engine';
import { parseTerms, parseTermsText, settle, templateTerms, type PaymentTerms } from '@/lib/terms';
import { engineMessageIn, engineMessageText } from './engine-text';
import { inEnglish } from './local-text';
import { engineTexts } from './texts/engine';

const base = shiyanDocument() as Record<string, unknown>;
const terms = { ...templateTerms('two-way-quality-index', 'en'), from: 2021, to: 2030 } as PaymentTerms;
const withFormula = (expr: string, name = 'payment'): unknown => ({ ...terms, formulas: [...terms.formulas.filter((f) => f.name !== name), { name, expr }] });

/** Bad scenario and terms documents, one or more problems each: what the engines say of them is the corpus. */
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
  const termsDocuments: unknown[] = [
    { ...terms, format: 'payment-terms/0', from: 2030.5, to: 2020, unit: 'x', extra: 1 },
    { ...terms, from: 2030, to: 2020 },
    { ...terms, constants: { __x: '1', 'bad name': '2', min: '3', k: 0.5, payment: 'x' }, indicators: { k: 'mg/L', tp: 7 } },
    { ...terms, formulas: [] },
    { ...terms, formulas: [{ name: 'a', expr: '1' }] },
    { ...terms, formulas: [{ name: 'payment', expr: '1' }, { name: 'payment', expr: '2' }, { name: 'codmn', expr: '1' }] },
    withFormula('1 +'),
    withFormula('amout * 2'),
    withFormula('payment + 1'),
    withFormula('later + 1'),
    withFormula('x.y'),
    withFormula('a[1]'),
    withFormula('a = 1'),
    withFormula('f(x) = 1'),
    withFormula('{a: 1}'),
    withFormula('[1, 2]'),
    withFormula('1:3'),
    withFormula('1 < 2 < 3'),
    withFormula('50%'),
    withFormula('"text"'),
    withFormula('0x10'),
    withFormula('1e999'),
    withFormula('min'),
    withFormula('foo(1)'),
    withFormula('round(1, 2, 3)'),
    withFormula('1 > 0'),
    withFormula('(1 > 0) + 1'),
    withFormula('1 ? 2 : 3'),
    withFormula('1 > 0 ? 2 : 1 > 0'),
    withFormula('1 and 2'),
    withFormula('(1 > 0) == 1'),
    withFormula('1 / 0'),
    withFormula('2 3'),
    withFormula('1; 2'),
    withFormula('!1'),
    withFormula('1 | 2'),
    withFormula('('.repeat(40) + '1' + ')'.repeat(40)),
    withFormula(''),
    withFormula('1 + '.repeat(400) + '1'),
    ...['1 +', '(1 + 2', '1 + )', '1 ? 2', '"a', '1 = = 2', '1 @ 2', '1..2'].map((expr) => withFormula(expr)),
    null,
  ];
  const messages = [
    ...scenarios.flatMap((doc) => {
      const outcome = parseScenario(doc);
      return outcome.ok ? [] : outcome.problems.map((p) => p.message);
    }),
    ...termsDocuments.flatMap((doc) => {
      const outcome = parseTerms(doc);
      return outcome.ok ? [] : outcome.problems.map((p) => p.message);
    }),
    ...['', '{', 'x'.repeat(6 * 1024 * 1024)].flatMap((raw) => {
      const a = parseScenarioText(raw);
      const b = parseTermsText(raw);
      return [...(a.ok ? [] : a.problems), ...(b.ok ? [] : b.problems)].map((p) => p.message);
    }),
  ];
  // Settling: a year without data, and formulas that fail on the year's values.
  const failing = parseTerms(withFormula('codmn / (tp - tp)'));
  if (failing.ok) {
    const run = settle(failing.terms, { '2024': { codmn: '2', nh3n: '0.1', tn: '1', tp: '0.02' } });
    for (const year of run.years) if ('error' in year && typeof year.error === 'string') messages.push(year.error);
  }
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
    expect(messages.length).toBeGreaterThan(60);
    const unmatched = messages.filter((message) => engineMessageText(message) === null);
    expect(unmatched).toEqual([]);
  });

  it('matches any problem of a randomly broken scenario or terms document', () => {
    const fields = ['format', 'name', 'startYear', 'endYear', 'unit', 'paymentStartYear', 'catchUpYears', 'discountRate', 'bargainingWeight', 'costs', 'alpha', 'formulas', 'constants', 'from', 'to'];
    const junk = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.string({ maxLength: 8 }), fc.constant([]), fc.constant({}), fc.constant({ x: 'y' }));
    fc.assert(
      fc.property(fc.constantFrom<Record<string, unknown>>(base, terms as unknown as Record<string, unknown>), fc.dictionary(fc.constantFrom(...fields), junk, { maxKeys: 4 }), (document, broken) => {
        const outcome = 'formulas' in document ? parseTerms({ ...document, ...broken }) : parseScenario({ ...document, ...broken });
        const unmatched = outcome.ok ? [] : outcome.problems.map((p) => p.message).filter((message) => engineMessageText(message) === null);
        expect(unmatched).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('gives nested messages in Chinese, and keeps names and values as written', () => {
    expect(engineMessageIn('unknown name "amout" at position 1 in formula "payment"; did you mean "amount"?', 'zh')).toBe('未知名称“amout”（公式“payment”第 1 个字符处）；是否应为“amount”？');
    expect(engineMessageIn('"+" needs numbers, but its left side is a condition (true/false)', 'zh')).toBe('"+" 需要数字，但其左侧是条件（真/假）');
    expect(engineMessageIn('unknown name "left" at position 1', 'zh')).toBe('未知名称“left”（第 1 个字符处）');
    expect(engineMessageIn('expected a list, got an object', 'zh')).toBe('应为列表，实际为对象');
    expect(engineMessageIn('syntax error: Parenthesis ) expected at position 7 in formula "payment"', 'zh')).toBe('语法错误：缺少右括号 ")"（公式“payment”第 7 个字符处）');
    expect(engineMessageIn('something the engines never say', 'zh')).toBe('something the engines never say');
    expect(engineMessageIn('not a number', 'en')).toBe('not a number');
  });
});
