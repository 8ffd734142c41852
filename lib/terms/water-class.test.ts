import { describe, expect, it } from 'vitest';
import { messageIn } from '@/lib/domain/engine-message';
import type { Message } from '../engine/problem';
import { TD } from './decimal';
import { EvaluationError, compileExpression, describeRefusal, evaluateExpression, printExpression, type Scope } from './expression';
import { nameProblem } from './names';
import { WATER_INDICATORS, classLimits, waterClass } from './water-class';

const english = (what: Message) => messageIn(what, 'en');

const scope: Scope = {
  constants: new Set(['k', 'three']),
  known: new Map([
    ['k', new TD('0.9')],
    ['three', new TD('3')],
  ]),
  indicators: new Set(['codmn', 'tp', 'tn']),
  earlier: new Set(),
  later: new Map(),
};
const values: Record<string, string> = { k: '0.9', three: '3', codmn: '2.31', tp: '0.026', tn: '0.6' };

function compiled(expr: string) {
  const r = compileExpression(expr, scope);
  if (!r.ok) throw new Error(`"${expr}" refused: ${english(describeRefusal(r.refusal))}`);
  return r.expression;
}

const run = (expr: string, at: Record<string, string> = {}): string => {
  const merged = { ...values, ...at };
  return String(evaluateExpression(compiled(expr).root, (n) => (merged[n] === undefined ? undefined : new TD(merged[n]))));
};

function refusal(expr: string): { position: number; message: string; hint?: string; zh: string } {
  const r = compileExpression(expr, scope);
  if (r.ok) throw new Error(`expected "${expr}" to be refused`);
  const { position, message, hint } = r.refusal;
  return { position, message: english(message), ...(hint ? { hint: english(hint) } : {}), zh: messageIn(describeRefusal(r.refusal, 'P'), 'zh') };
}

/**
 * GB 3838-2002 Table 1 at every class boundary: at each limit, just better and just worse (by
 * 0.0001 mg/L), written out by hand rather than derived from the table under test. A value is in
 * the best class whose limit it meets, so where two classes share a limit (COD, BOD5: I and II)
 * the worse one is never given.
 */
const BOUNDARIES: [indicator: string, body: string | undefined, cases: string][] = [
  ['do', undefined, '8:1 7.5001:1 7.5:1 7.4999:2 6:2 5.9999:3 5:3 4.9999:4 3:4 2.9999:5 2:5 1.9999:6 0:6'],
  ['codmn', undefined, '0:1 1.9999:1 2:1 2.0001:2 3.9999:2 4:2 4.0001:3 5.9999:3 6:3 6.0001:4 9.9999:4 10:4 10.0001:5 14.9999:5 15:5 15.0001:6 100:6'],
  ['cod', undefined, '0:1 14.9999:1 15:1 15.0001:3 19.9999:3 20:3 20.0001:4 29.9999:4 30:4 30.0001:5 39.9999:5 40:5 40.0001:6'],
  ['bod5', undefined, '0:1 2.9999:1 3:1 3.0001:3 3.9999:3 4:3 4.0001:4 5.9999:4 6:4 6.0001:5 9.9999:5 10:5 10.0001:6'],
  ['nh3n', undefined, '0:1 0.1499:1 0.15:1 0.1501:2 0.4999:2 0.5:2 0.5001:3 0.9999:3 1:3 1.0001:4 1.4999:4 1.5:4 1.5001:5 1.9999:5 2:5 2.0001:6'],
  ['tp', undefined, '0:1 0.0199:1 0.02:1 0.0201:2 0.0999:2 0.1:2 0.1001:3 0.1999:3 0.2:3 0.2001:4 0.2999:4 0.3:4 0.3001:5 0.3999:5 0.4:5 0.4001:6'],
  ['tp', 'river', '0.02:1 0.0201:2 0.1:2 0.1001:3 0.2:3 0.2001:4 0.3:4 0.3001:5 0.4:5 0.4001:6'],
  ['tp', 'lake', '0:1 0.0099:1 0.01:1 0.0101:2 0.0249:2 0.025:2 0.0251:3 0.0499:3 0.05:3 0.0501:4 0.0999:4 0.1:4 0.1001:5 0.1999:5 0.2:5 0.2001:6'],
  ['tn', 'lake', '0:1 0.1999:1 0.2:1 0.2001:2 0.4999:2 0.5:2 0.5001:3 0.9999:3 1:3 1.0001:4 1.4999:4 1.5:4 1.5001:5 1.9999:5 2:5 2.0001:6'],
  // Lakes and reservoirs share the river limits of every indicator but tp (and tn, lakes only).
  ['do', 'lake', '7.5:1 7.4999:2 2:5 1.9999:6'],
  ['codmn', 'lake', '2:1 2.0001:2 15:5 15.0001:6'],
  ['cod', 'lake', '15:1 15.0001:3 40:5 40.0001:6'],
  ['bod5', 'lake', '3:1 3.0001:3 10:5 10.0001:6'],
  ['nh3n', 'lake', '0.15:1 0.1501:2 2:5 2.0001:6'],
];

describe('gbclass: the classes of GB 3838-2002 Table 1', () => {
  it.each(BOUNDARIES)('%s in %s water at every boundary', (indicator, body, cases) => {
    for (const [value, expected] of cases.split(' ').map((c) => c.split(':'))) {
      const call = body === undefined ? `gbclass("${indicator}", ${value})` : `gbclass("${indicator}", ${value}, "${body}")`;
      expect(run(call), call).toBe(expected);
      // The same with the value an indicator's, evaluated for a year rather than folded when saved.
      const measured = body === undefined ? `gbclass("${indicator}", codmn)` : `gbclass("${indicator}", codmn, "${body}")`;
      expect(run(measured, { codmn: value! }), measured).toBe(expected);
    }
  });

  it('covers every indicator the table has', () => {
    expect(new Set(BOUNDARIES.map(([indicator]) => indicator))).toEqual(new Set(WATER_INDICATORS));
  });

  it('classes tp differently in lakes and reservoirs than in rivers', () => {
    expect(run('gbclass("tp", 0.03)')).toBe('2');
    expect(run('gbclass("tp", 0.03, "river")')).toBe('2');
    expect(run('gbclass("tp", 0.03, "lake")')).toBe('3');
    expect(run('gbclass("tp", tp, "lake")')).toBe('3');
    expect(run('gbclass("tp", 0.25, "lake")')).toBe('6');
    expect(run('gbclass("tp", 0.25)')).toBe('4');
  });

  it('compares in decimal arithmetic: 0.1 + 0.2 is the limit 0.3, not above it', () => {
    expect(run('gbclass("tp", 0.1 + 0.2)')).toBe('4');
    expect(run('gbclass("tp", tp * 3)', { tp: '0.1' })).toBe('4');
    expect(waterClass('tp', 'river', new TD(0.1).plus(0.2))).toBe(4);
  });

  it('takes the names in single quotes too, and a value that is any number expression', () => {
    expect(run("gbclass('codmn', codmn * k, 'lake')")).toBe('2');
    expect(run('gbclass("codmn", codmn - 0.31)')).toBe('1');
  });

  it('has no limits for total nitrogen in rivers', () => {
    expect(classLimits('tn', 'river')).toBeUndefined();
    expect(waterClass('tn', 'river', new TD(0))).toBeUndefined();
    expect(classLimits('tn', 'lake')?.map(String)).toEqual(['0.2', '0.5', '1', '1.5', '2']);
  });

  it('folds a class of constants when the terms are saved', () => {
    expect(compiled('gbclass("codmn", three)').constant?.toString()).toBe('2');
    expect(compiled('gbclass("codmn", codmn)').constant).toBeUndefined();
  });
});

describe('worstclass', () => {
  it('gives the worst (largest) of one or more classes', () => {
    expect(run('worstclass(3)')).toBe('3');
    expect(run('worstclass(1, 4, 2)')).toBe('4');
    expect(run('worstclass(gbclass("codmn", codmn), gbclass("tp", tp, "lake"), gbclass("tn", tn, "lake"))')).toBe('3');
    expect(run('worstclass(gbclass("codmn", codmn), gbclass("tp", tp, "lake"))', { tp: '0.5' })).toBe('6');
    expect(run('worstclass(gbclass("codmn", codmn)) >= 3 ? 100 : 0', { codmn: '4.5' })).toBe('100');
  });

  it('refuses what is no class: when saved if constants decide it, else for the year', () => {
    expect(refusal('worstclass(7)')).toMatchObject({ position: 1, message: 'worstclass(…) takes water-quality classes, whole numbers from 1 to 6 (6: worse than Class V), got 7' });
    expect(refusal('worstclass(gbclass("tp", tp), 2.5)').message).toMatch(/got 2\.5/);
    expect(refusal('worstclass(0, gbclass("tp", tp))').message).toMatch(/got 0/);
    const e = compiled('worstclass(codmn)');
    try {
      evaluateExpression(e.root, (n) => new TD(values[n]!));
      throw new Error('expected an EvaluationError');
    } catch (error) {
      expect(error).toBeInstanceOf(EvaluationError);
      expect(english((error as EvaluationError).reason)).toMatch(/got 2\.31/);
    }
  });
});

describe('gbclass and worstclass refused with codes and positions', () => {
  it('refuses wrong arities', () => {
    expect(refusal('gbclass("codmn")')).toMatchObject({ position: 1, message: 'gbclass() takes 2 or 3 argument(s), got 1' });
    expect(refusal('gbclass("tp", tp, "lake", 1)').message).toBe('gbclass() takes 2 or 3 argument(s), got 4');
    expect(refusal('gbclass()').message).toBe('gbclass() takes 2 or 3 argument(s), got 0');
    expect(refusal('worstclass()').message).toBe('worstclass() takes at least 1 argument(s), got 0');
    expect(refusal('gbclass("codmn", 1, "lake", 2)').zh).toBe('gbclass() 需要 2 或 3 个参数，实际为 4 个（公式“P”第 1 个字符处）');
  });

  it('refuses an unknown indicator at its position, listing those Table 1 classes', () => {
    const r = refusal('1 + gbclass("cod_mn", 3)');
    expect(r).toMatchObject({ position: 13, message: 'unknown water-quality indicator "cod_mn"', hint: 'classed by GB 3838-2002 Table 1: do, codmn, cod, bod5, nh3n, tp, tn' });
    expect(r.zh).toBe('未知水质指标“cod_mn”（公式“P”第 13 个字符处）；可分类的指标（《地表水环境质量标准》表 1）：do、codmn、cod、bod5、nh3n、tp、tn');
    expect(refusal('gbclass("CODMN", 3)').message).toBe('unknown water-quality indicator "CODMN"');
    expect(refusal('gbclass("", 3)').message).toBe('unknown water-quality indicator ""');
  });

  it('refuses an unknown water body at its position', () => {
    expect(refusal('gbclass("tp", tp, "sea")')).toMatchObject({ position: 19, message: 'unknown water body "sea"', hint: expect.stringContaining('river, lake') });
    expect(refusal('gbclass("cod_mn", tp, "sea")').message).toBe('unknown water-quality indicator "cod_mn"');
  });

  it('refuses total nitrogen in rivers, at the indicator', () => {
    for (const expr of ['gbclass("tn", tn)', 'gbclass("tn", tn, "river")']) {
      expect(refusal(expr)).toMatchObject({ position: 9, message: 'GB 3838-2002 Table 1 classes "tn" in lakes and reservoirs only, not in rivers', hint: 'write gbclass("tn", …, "lake")' });
    }
    expect(refusal('gbclass("tn", tn)').zh).toBe('《地表水环境质量标准》表 1 只对湖泊、水库的“tn”分类，河流不分类（公式“P”第 9 个字符处）；请写 `gbclass("tn", …, "lake")`');
  });

  it('refuses a name without quotes, or a number, where a quoted name belongs', () => {
    expect(refusal('gbclass(codmn, codmn)')).toMatchObject({ position: 9, message: 'gbclass() takes a name in quotes as argument 1', hint: 'write "codmn"' });
    expect(refusal('gbclass("tp", tp, lake)')).toMatchObject({ position: 19, message: 'gbclass() takes a name in quotes as argument 3', hint: 'write "lake"' });
    expect(refusal('gbclass(1, codmn)')).toMatchObject({ position: 9, message: 'gbclass() takes a name in quotes as argument 1' });
  });

  it('refuses text in quotes anywhere else', () => {
    expect(refusal('gbclass("tp", "0.1")')).toMatchObject({ position: 15, message: 'text in quotes is not allowed' });
    expect(refusal('"tp" + 1')).toMatchObject({ position: 1, message: 'text in quotes is not allowed' });
    expect(refusal('worstclass("3")')).toMatchObject({ position: 12, message: 'text in quotes is not allowed' });
    expect(refusal('min(1, "tp")')).toMatchObject({ position: 8, message: 'text in quotes is not allowed' });
    expect(refusal('gbclass(("tp"), 1)').message).toBe('gbclass() takes a name in quotes as argument 1');
  });

  it('makes the names reserved, like the other functions', () => {
    expect(nameProblem('gbclass')).toMatchObject({ code: 'engine.reserved' });
    expect(nameProblem('worstclass')).toMatchObject({ code: 'engine.reserved' });
    expect(refusal('gbclass + 1').message).toBe('"gbclass" is a function');
  });
});

describe('the trace', () => {
  it('prints the calls with their quoted names and the values substituted, and reads back the same', () => {
    const e = compiled("worstclass(gbclass('codmn', codmn), gbclass(\"tp\", tp, 'lake'))");
    const printed = printExpression(e.root, (n) => values[n]);
    expect(printed).toBe('worstclass(gbclass("codmn", 2.31), gbclass("tp", 0.026, "lake"))');
    expect(printExpression(compiled(printExpression(e.root)).root)).toBe('worstclass(gbclass("codmn", codmn), gbclass("tp", tp, "lake"))');
    expect(run(printed)).toBe('3');
  });
});
