import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '@/tests/support/module-imports';
import { parseTerms, settle, templateTerms, type PaymentTerms } from '@/lib/terms';
import { codedProblem, messageIn, messageText } from './engine-message';
import { isTextKey } from './local-text';
import en from '@/messages/en.json';
import { keyPaths } from './text-catalogue';

const terms = { ...templateTerms('two-way-quality-index', 'en'), from: 2021, to: 2030 } as PaymentTerms;
const withFormula = (expr: string, name = 'payment'): unknown => ({ ...terms, formulas: [...terms.formulas.filter((f) => f.name !== name), { name, expr }] });

function problemsOf(document: unknown) {
  const outcome = parseTerms(document);
  return outcome.ok ? [] : outcome.problems;
}

const HAN = /[\u4e00-\u9fff]/;

describe('the codes of lib/terms in the reader’s language', () => {
  it('has both languages for every code lib/terms can say', () => {
    const dir = path.resolve(import.meta.dirname, '../terms');
    const codes = new Set(sourceFiles(dir).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/'(engine\.[\w.]+)'/g)].map((m) => m[1]!)));
    expect(codes.size).toBeGreaterThan(60);
    const missing = [...codes].filter((code) => !isTextKey(code) || keyPaths(en).get(code) !== code);
    expect(missing).toEqual([]);
  });

  it('gives refusals with their position and hint in Chinese, names as written', () => {
    const [unknown] = problemsOf(withFormula('amout * 2'));
    expect(unknown?.path).toBe('formulas[1].expr');
    expect(messageIn(unknown!, 'zh')).toBe('未知名称“amout”（公式“payment”第 1 个字符处）；是否应为“amount”？');
    expect(messageIn(unknown!, 'en')).toBe('unknown name "amout" at position 1 in formula "payment"; did you mean "amount"?');
    expect(messageIn(problemsOf(withFormula('(P <= 1) + 1'))[0]!, 'zh')).toBe('"+" 需要数字，但其左侧是条件（真/假）（公式“payment”第 1 个字符处）');
    expect(messageIn(problemsOf(withFormula('left + 1'))[0]!, 'zh')).toBe('未知名称“left”（公式“payment”第 1 个字符处）');
    expect(messageIn(problemsOf(withFormula('(1 + 2'))[0]!, 'zh')).toBe('语法错误：缺少右括号 ")"（公式“payment”第 7 个字符处）');
    expect(messageIn(problemsOf(withFormula('round(1, 2, 3)'))[0]!, 'zh')).toBe('round() 需要 1 或 2 个参数，实际为 3 个（公式“payment”第 1 个字符处）');
  });

  it('gives a failed year in Chinese, and a problem for the API in both languages', () => {
    const failing = parseTerms(withFormula('codmn / (tp - tp)'));
    if (!failing.ok) throw new Error('expected terms that parse');
    const year = settle(failing.terms, { '2024': { codmn: '2', nh3n: '0.1', tn: '1', tp: '0.02' } }).years.find((y) => y.year === 2024);
    expect(year && 'error' in year && messageIn(year.error, 'zh')).toBe('除数为零（公式“payment”，2024 年）');
    const problem = codedProblem(problemsOf({ ...terms, to: 2020 })[0]!, 'terms.to');
    expect(problem).toMatchObject({ field: 'terms.to', message: '2020 is before from 2021', text: { key: 'engine.beforeFrom', values: { to: 2020, from: 2021 } } });
  });

  it('refuses a code the catalogue does not have instead of showing it', () => {
    expect(() => messageText({ code: 'engine.noSuchThing', params: {} })).toThrow(/no catalogue message/);
  });

  it('renders every problem of randomly broken terms in both languages', () => {
    const fields = ['format', 'name', 'unit', 'formulas', 'constants', 'indicators', 'from', 'to', 'extra'];
    const junk = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.integer(),
      fc.double(),
      fc.string({ maxLength: 8 }),
      fc.constant([]),
      fc.constant({}),
      fc.constant({ x: 'y' }),
      fc.constant([{ name: 'payment', expr: 'x +' }]),
    );
    const formula = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('1 +', '(1 + 2', '1 ? 2', '"a', '1 @ 2', 'a[1]', 'x.y', '50%', '1; 2', 'min()', '2 3', '('.repeat(120)));
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...fields), junk, { maxKeys: 3 }), formula, (broken, expr) => {
        for (const p of [...problemsOf({ ...terms, ...broken }), ...problemsOf(withFormula(expr))]) {
          expect(messageIn(p, 'en').length).toBeGreaterThan(0);
          expect(messageIn(p, 'zh')).toMatch(HAN);
        }
      }),
      { numRuns: 300 },
    );
  });
});
