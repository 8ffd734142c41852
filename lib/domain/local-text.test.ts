import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from './errors';
import { z } from 'zod';
import { inEnglish, problem, problemIn, problemLine, render, text } from './local-text';
import { schemaProblems } from './schema-problems';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';
import { codeNamespaces, textEntries, textNamespaces, type TextKey } from './text-catalogue';

/** The names of the values a message reads, whatever ICU element they sit in. */
function argumentsOf(source: string): string[] {
  const names = new Set<string>();
  const visit = (elements: unknown[]) => {
    for (const element of elements as { type: number; value?: unknown; options?: Record<string, { value: unknown[] }>; children?: unknown[] }[]) {
      // A tag (type 8, <code>…</code>) is markup, not a value: the values inside it count.
      if (element.type === 8) visit(element.children ?? []);
      else if (typeof element.value === 'string' && element.type !== 0 && element.type !== 7) names.add(element.value);
      for (const option of Object.values(element.options ?? {})) visit(option.value);
    }
  };
  visit(new IntlMessageFormat(source, 'en').getAst());
  return [...names].sort();
}

describe('the catalogue of server messages', () => {
  const textCatalogue = Object.fromEntries(textEntries(en, zh)) as unknown as Record<TextKey, { en: string; zh: string }>;
  const keys = Object.keys(textCatalogue) as TextKey[];

  it('reads the same values in English and Chinese, so no value is lost in translation', () => {
    const differing = keys.filter((key) => argumentsOf(textCatalogue[key].en).join() !== argumentsOf(textCatalogue[key].zh).join());
    expect(differing).toEqual([]);
  });

  it('has no Chinese message left in English', () => {
    // Field names, codes and file formats stay as they are; English prose does not.
    const prose = /\b(the|is|are|must|be|not|of|and|or|with|to|an?|has|have|this|that|it|no|give|write)\b/i;
    const withoutValues = (message: string) => message.replace(/<code>[\s\S]*?<\/code>|`[^`]*`|\{[^{}]*\}|'\{[^']*\}'|"[^"]*"|“[^”]*”|\w+\.\.\w+/g, '');
    const untranslated = keys.filter((key) => {
      const { en, zh } = textCatalogue[key];
      const wordsOnly = /[A-Za-z]/.test(withoutValues(en)) && !/[^\x00-\x7F]/.test(withoutValues(en).replace(/[–’]/g, ''));
      return prose.test(withoutValues(zh)) || (wordsOnly && !/[\u4e00-\u9fff]/.test(zh) && !/^(right|move|offerState)\./.test(key));
    });
    expect(untranslated).toEqual([]);
  });

  it('holds each key in one namespace only', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    const leaves = (tree: object, prefix: string): string[] =>
      Object.entries(tree).flatMap(([name, value]) => (typeof value === 'string' ? [`${prefix}${name}`] : leaves(value as object, `${prefix}${name}.`)));
    for (const namespace of [...textNamespaces, ...codeNamespaces]) {
      const inside = (codeNamespaces as readonly string[]).includes(namespace)
        ? leaves({ [namespace]: (en as Record<string, object>)[namespace]! }, '')
        : leaves((en as Record<string, object>)[namespace]!, '');
      for (const key of inside) {
        if (seen.has(key)) twice.push(`${key}: ${seen.get(key)} and ${namespace}`);
        seen.set(key, namespace);
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
        else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !full.endsWith('text-catalogue.ts') && !full.endsWith('local-text.ts')) sources.push(readFileSync(full, 'utf8'));
      }
    };
    const root = path.resolve(import.meta.dirname, '../..');
    for (const dir of ['lib', 'app']) walk(path.join(root, dir));
    const all = sources.join('\n');
    // Keys built from a value (`thing.${what}`, `side.${side}`, a field's label by labelOf('field')) are used through their prefix; the
    // engines' codes come from lib/engine and lib/terms (lib/domain/engine-message.test.ts checks them).
    const unused = keys.filter((key) => !key.startsWith('engine.') && !all.includes(`'${key}'`) && !all.includes(`\`${key.split('.')[0]}.\${`) && !all.includes(`labelOf('${key.split('.')[0]}')`));
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
    expect(single.message).toBe('File: the file is empty');
    expect(single.messageIn('zh')).toBe('文件：文件为空');
    expect(single.problemsIn('zh')).toEqual([{ field: 'file', label: '文件', message: '文件为空' }]);

    const listed = ValidationError.listing([problem('year', text('yearNotOver', { year: 2030 })), problem('amount', text('amountNotPositive'))], (lines) =>
      text('paymentNotRecorded', { problems: lines }),
    );
    expect(listed.field).toBe('year');
    expect(listed.message).toBe('the payment was not recorded: year: 2030 is not over yet: a year is settled once it has closed; amount: must be more than 0 (record the direction separately)');
    expect(listed.messageIn('zh')).toBe('付款未登记：year：2030 年尚未结束：年度结束后方可结算；amount：必须大于 0（付款方向另行选择）');

    const plain = new ValidationError('made elsewhere', 'x');
    expect(plain.messageIn('zh')).toBe('x: made elsewhere');
  });
});

describe('a schema’s messages', () => {
  it('are codes until the edge renders them, in either language, each field named by its label', async () => {
    const { ZRecordPayment } = await import('./fund-schemas');
    const body = { year: 2024.5, funder: 'CITY', amount: '1', paidOn: '2024-02-30', reference: 'x' };
    const parsed = ZRecordPayment.safeParse(body);
    expect(parsed.success).toBe(false);
    // No language is chosen while parsing: the issue carries the catalogue key and its values.
    expect(parsed.error!.issues.map((issue) => issue.message).every((message) => !/whole year|整数年份/.test(message))).toBe(true);
    const problems = schemaProblems(parsed.error!.issues, body);
    expect(problems.map((p) => problemIn(p, 'en'))).toEqual([
      { field: 'year', label: 'Year', message: 'must be a whole year' },
      { field: 'funder', label: 'Funder', message: 'must be CENTRAL, DOWNSTREAM or UPSTREAM' },
      { field: 'paidOn', label: 'Paid on', message: 'is not a date in the calendar' },
    ]);
    expect(problems.map((p) => problemIn(p, 'zh'))).toEqual([
      { field: 'year', label: '年份', message: '必须是整数年份' },
      { field: 'funder', label: '出资方', message: '必须是出资方之一：中央财政 `CENTRAL`、下游方 `DOWNSTREAM` 或上游方 `UPSTREAM`' },
      { field: 'paidOn', label: '支付日期', message: '不是日历上存在的日期' },
    ]);
    expect(render(problemLine(problems[0]!), 'zh')).toBe('年份：必须是整数年份');
  });

  it('gives zod’s own checks in the catalogue’s words, not zod’s English', () => {
    const schema = z.strictObject({ count: z.number(), name: z.string().max(3) });
    const problems = schemaProblems(schema.safeParse({ name: 'long', extra: 1 }).error!.issues, { name: 'long', extra: 1 });
    expect(problems.map((p) => problemIn(p, 'zh'))).toEqual([
      { field: 'count', label: '“count”', message: '必填' },
      { field: 'name', label: '名称', message: '不得超过 3 个字符' },
      { field: 'extra', label: '“extra”', message: '不是此请求的字段' },
    ]);
    expect(problemIn(problems[0]!, 'en').message).toBe('is required');
  });

  it('names an offer’s schedule row by its years', async () => {
    const { ZSchedule } = await import('./offer-schedule');
    const body = {
      schedule: [
        { from: 2014, to: 2020, amount: '1' },
        { from: 2018, to: 2030, amount: 'lots' },
      ],
    };
    const parsed = z.strictObject({ schedule: ZSchedule }).safeParse(body);
    const problems = schemaProblems(parsed.error!.issues, body);
    expect(problems.map((p) => [p.field, problemIn(p, 'zh').label, problemIn(p, 'en').label])).toEqual([['schedule.1', '2018—2030 年的时段', 'the period 2018–2030']]);
    const overlapping = {
      schedule: [
        { from: 2014, to: 2020, amount: '1' },
        { from: 2018, to: 2030, amount: '2' },
      ],
    };
    const [overlap] = schemaProblems(z.strictObject({ schedule: ZSchedule }).safeParse(overlapping).error!.issues, overlapping);
    expect(problemIn(overlap!, 'zh')).toEqual({ field: 'schedule.1.from', label: '2018—2030 年的开始年份', message: '与 2014–2020 年重叠' });
    expect(problemIn(overlap!, 'en')).toEqual({ field: 'schedule.1.from', label: 'First year for 2018–2030', message: 'overlaps 2014–2020' });
  });
});
