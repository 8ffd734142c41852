import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from './errors';
import { inEnglish, problem, problemIn, render, safeParseIn, say, text } from './local-text';
import { textCatalogue, textParts, type TextKey } from './text-catalogue';

/** The names of the values a message reads, whatever ICU element they sit in. */
function argumentsOf(source: string): string[] {
  const names = new Set<string>();
  const visit = (elements: unknown[]) => {
    for (const element of elements as { type: number; value?: unknown; options?: Record<string, { value: unknown[] }> }[]) {
      if (typeof element.value === 'string' && element.type !== 0 && element.type !== 7) names.add(element.value);
      for (const option of Object.values(element.options ?? {})) visit(option.value);
    }
  };
  visit(new IntlMessageFormat(source, 'en').getAst());
  return [...names].sort();
}

describe('the catalogue of server messages', () => {
  const keys = Object.keys(textCatalogue) as TextKey[];

  it('reads the same values in English and Chinese, so no value is lost in translation', () => {
    const differing = keys.filter((key) => argumentsOf(textCatalogue[key].en).join() !== argumentsOf(textCatalogue[key].zh).join());
    expect(differing).toEqual([]);
  });

  it('has no Chinese message left in English', () => {
    // Field names, codes and file formats stay as they are; English prose does not.
    const prose = /\b(the|is|are|must|be|not|of|and|or|with|to|an?|has|have|this|that|it|no|give|write)\b/i;
    const withoutValues = (message: string) => message.replace(/\{[^{}]*\}|'\{[^']*\}'|"[^"]*"|“[^”]*”|\w+\.\.\w+/g, '');
    const untranslated = keys.filter((key) => {
      const { en, zh } = textCatalogue[key];
      const wordsOnly = /[A-Za-z]/.test(withoutValues(en)) && !/[^\x00-\x7F]/.test(withoutValues(en).replace(/[–’]/g, ''));
      return prose.test(withoutValues(zh)) || (wordsOnly && !/[\u4e00-\u9fff]/.test(zh) && !/^(right|move|offerState)\./.test(key));
    });
    expect(untranslated).toEqual([]);
  });

  it('holds each key in one part only', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [part, texts] of Object.entries(textParts)) {
      for (const key of Object.keys(texts)) {
        if (seen.has(key)) twice.push(`${key}: ${seen.get(key)} and ${part}`);
        seen.set(key, part);
      }
    }
    expect(twice).toEqual([]);
  });

  it('uses every message it holds', () => {
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== 'generated') walk(full);
        else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !full.endsWith('text-catalogue.ts')) sources.push(readFileSync(full, 'utf8'));
      }
    };
    const root = path.resolve(import.meta.dirname, '../..');
    for (const dir of ['lib', 'app']) walk(path.join(root, dir));
    const all = sources.join('\n');
    // Keys built from a value (`thing.${what}`, `side.${side}`) are used through their prefix; the
    // engines' templates all at once, by lib/domain/engine-text.ts (its test checks them).
    const unused = keys.filter((key) => !key.startsWith('engine.') && !all.includes(`'${key}'`) && !all.includes(`\`${key.split('.')[0]}.\${`));
    expect(unused).toEqual([]);
  });
});

describe('a message in the reader’s language', () => {
  it('renders values, nested messages and lists in either language', () => {
    const message = text('unknownIndicator', { indicator: 'cod', known: ['codmn', 'tp'] });
    expect(render(message, 'en')).toBe('unknown indicator "cod" (the agreement\'s terms declare codmn, tp)');
    expect(render(message, 'zh')).toBe('未知指标“cod”（协议条款声明的指标为：codmn、tp）');
    const none = text('unknownIndicator', { indicator: 'cod', known: text('noIndicatorsDeclared') });
    expect(render(none, 'zh')).toContain('无：协议条款不考核任何指标');
  });

  it('writes years as they are and counts with plurals', () => {
    const message = text('cannotSettleYet', { year: 2024, count: 1, problems: { lines: [text('yearNotOver', { year: 2024 })] } });
    expect(inEnglish(message)).toBe('2024 cannot be settled yet (1 problem, nothing was saved): 2024 is not over yet: a year is settled once it has closed');
    const two = text('cannotSettleYet', { year: 2024, count: 2, problems: { lines: ['a', 'b'] } });
    expect(inEnglish(two)).toContain('(2 problems, nothing was saved): a; b');
    expect(render(two, 'zh')).toBe('2024 年尚不能结算（共 2 处问题，未保存任何内容）：a；b');
  });

  it('keeps a problem’s field for machines and says where it is for readers', () => {
    const atCell = problem('row 3, column C (value)', text('valueEmpty'), text('at.namedCell', { row: 3, column: 'C', name: 'value' }));
    expect(atCell.message).toBe('the value is empty');
    expect(problemIn(atCell, 'en')).toEqual({ field: 'row 3, column C (value)', message: 'the value is empty' });
    expect(problemIn(atCell, 'zh')).toEqual({ field: '第 3 行 C 列（value）', message: '数值为空' });
    expect(problemIn({ field: 'terms.payment', message: 'unknown name "x"' }, 'zh')).toEqual({ field: 'terms.payment', message: 'unknown name "x"' });
  });

  it('gives domain errors in either language, English by default', () => {
    const missing = new NotFoundError('settlement');
    expect(missing.message).toBe('No settlement with that id is visible to you.');
    expect(missing.messageIn('zh')).toBe('找不到该编号的结算，或您无权查看。');

    const single = new ValidationError(text('fileEmpty'), 'file');
    expect(single.message).toBe('file: the file is empty');
    expect(single.messageIn('zh')).toBe('file：文件为空');
    expect(single.problemsIn('zh')).toEqual([{ field: 'file', message: '文件为空' }]);

    const listed = ValidationError.listing([problem('year', text('yearNotOver', { year: 2030 })), problem('amount', text('amountNotPositive'))], (lines) => text('paymentNotRecorded', { problems: lines }));
    expect(listed.field).toBe('year');
    expect(listed.message).toBe('the payment was not recorded: year: 2030 is not over yet: a year is settled once it has closed; amount: must be more than 0 (record the direction separately)');
    expect(listed.messageIn('zh')).toBe('付款未登记：year：2030 年尚未结束：年度结束后方可结算；amount：必须大于 0（付款方向另行选择）');

    const plain = new ValidationError('made elsewhere', 'x');
    expect(plain.messageIn('zh')).toBe('x: made elsewhere');
  });
});

describe('a schema’s messages', () => {
  it('are made in the language of the request being parsed, English anywhere else', async () => {
    const { ZRecordPayment } = await import('./fund-schemas');
    const body = { year: 2024.5, funder: 'CITY', amount: '1', paidOn: '2024-02-30', reference: 'x' };
    const listed = (parsed: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) => (parsed.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    const messages = () => listed(ZRecordPayment.safeParse(body));
    expect(messages()).toEqual(['year: must be a whole year', 'funder: must be one of CENTRAL, DOWNSTREAM, UPSTREAM', 'paidOn: is not a date in the calendar']);
    // zod makes the messages when the error is first read: read here, after the parse, they are still Chinese.
    const inChinese = safeParseIn('zh', ZRecordPayment, body);
    expect(listed(inChinese)).toEqual(['year: 必须是整数年份', 'funder: 必须是以下之一：CENTRAL、DOWNSTREAM、UPSTREAM', 'paidOn: 不是日历上存在的日期']);
    expect(listed(safeParseIn('en', ZRecordPayment, body))[0]).toBe('year: must be a whole year');
    // Once the parse is over, messages are English again.
    expect(messages()[0]).toBe('year: must be a whole year');
    expect(say('mustBeYear').error()).toBe('must be a year');
  });
});
