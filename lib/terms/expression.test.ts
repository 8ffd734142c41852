import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TD, type TDec } from './decimal';
import { messageIn } from '@/lib/domain/engine-message';
import type { Message } from '../engine/problem';
import { compileExpression, describeRefusal, evaluateExpression, printExpression, EvaluationError, type Refusal, type Scope, type Value } from './expression';

/** The codes in English, as the `pes` CLI prints them. */
const english = (what: Message) => messageIn(what, 'en');
const englishRefusal = (r: Refusal) => ({ position: r.position, message: english(r.message), ...(r.hint ? { hint: english(r.hint) } : {}) });

/** What evaluating throws, in English (the error must be an EvaluationError). */
function evaluationFailure(evaluate: () => unknown): string {
  try {
    evaluate();
  } catch (e) {
    if (e instanceof EvaluationError) return english(e.reason);
    throw e;
  }
  throw new Error('expected an EvaluationError');
}

const constants = { k: '0.9', amount: '200000000', zero: '0', two: '2' };
const scope: Scope = {
  constants: new Set(Object.keys(constants)),
  known: new Map(Object.entries(constants).map(([n, v]) => [n, new TD(v)])),
  indicators: new Set(['codmn', 'tp', 'volume']),
  earlier: new Set(['P']),
  later: new Map([['later_one', 5]]),
  self: 'me',
};

function refusal(expr: string): { position: number; message: string; text: string } {
  const r = compileExpression(expr, scope);
  if (r.ok) throw new Error(`expected "${expr}" to be refused`);
  return { ...englishRefusal(r.refusal), text: english(describeRefusal(r.refusal, 'me')) };
}

function compiled(expr: string) {
  const r = compileExpression(expr, scope);
  if (!r.ok) throw new Error(`"${expr}" refused: ${english(describeRefusal(r.refusal))}`);
  return r.expression;
}

const values: Record<string, string> = { ...constants, codmn: '2.31', tp: '0.026', volume: '1000', P: '0.8', year: '2019', scheduled: '5' };

function run(expr: string, at: Record<string, string> = {}): Value {
  const merged = { ...values, ...at };
  return evaluateExpression(compiled(expr).root, (n) => (merged[n] === undefined ? undefined : new TD(merged[n])));
}
const str = (v: Value) => (typeof v === 'boolean' ? String(v) : v.toString());

describe('whitelist: every forbidden node type is refused with its position', () => {
  it.each([
    ['property access', 'P + amount.toString', 5, /property access/],
    ['optional chaining', 'P + amount?.x', 5, /property access/],
    ['indexing', 'amount[1]', 1, /property access|indexing/],
    ['assignment', 'k = 1', 1, /assignment/],
    ['function definition', 'f(x) = x', 1, /defining functions/],
    ['object', '{a: 1}', 1, /objects/],
    ['array / matrix', '[1, 2]', 1, /lists and matrices/],
    ['matrix arithmetic', 'P + [1, 2; 3, 4]', 5, /lists and matrices/],
    ['range', '1:3', 1, /ranges/],
    ['block with ;', 'P; amount', 2, /one expression/],
    ['block with a line break', 'P\namount', 2, /one expression/],
    ['double-quoted string', 'P + "x"', 5, /text in quotes/],
    ['single-quoted string', "'x'", 1, /text in quotes/],
    ['null', 'null', 1, /not a number/],
    ['undefined', 'undefined', 1, /not a number/],
    ['NaN', 'NaN', 1, /not a (finite )?number/],
    ['Infinity', '1 + Infinity', 5, /not a (finite )?number/],
    ['hexadecimal', '0x1F', 1, /only decimal numbers/],
    ['binary literal', 'P * 0b101', 5, /only decimal numbers/],
    ['unit', '5 cm', 3, /missing operator before "cm"/],
    ['implicit multiplication', '2 amount', 3, /missing operator/],
    ['chained comparison', 'P < 1 < 2', 1, /chained comparisons/],
    ['percent', 'amount + 4%', 11, /"%" is not allowed/],
    ['modulo', 'amount % 7', 8, /"%" is not allowed/],
    ['mod keyword', 'amount mod 7', 8, /operator "mod"/],
    ['xor', 'P < 1 xor P > 2', 7, /operator "xor"/],
    ['factorial', 'two!', 1, /operator "!"/],
    ['transpose', "two'", 1, /operator "'"|text in quotes|syntax/],
    ['bitwise and', 'two & 1', 5, /operator "&"/],
    ['unit conversion', 'two to cm', 5, /operator "to"/],
    ['element-wise multiply', 'two .* 2', 5, /operator "\.\*"/],
  ])('%s: %s', (_label, expr, position, message) => {
    const r = refusal(expr);
    expect(r.message).toMatch(message);
    expect(r.position).toBe(position);
    expect(r.text).toContain(`at position ${position} in formula "me"`);
  });

  it.each(['import', 'evaluate', 'createUnit', 'parse', 'compile', 'simplify', 'reviver', 'f'])('refuses the unknown function %s()', (fn) => {
    const r = refusal(`1 + ${fn}("x")`);
    expect(r.message).toBe(`unknown function "${fn}"`);
    expect(r.position).toBe(5);
    expect(r.text).toContain('allowed: min, max, abs, round');
  });

  it.each([
    'cos.constructor("return process")()',
    '[].map.constructor("return this")()',
    'import({matrix: cos}, {override: true})',
    'createUnit("zz")',
    'evaluate("1 + 1")',
    'f = parse; f("1")',
    'unit("5 cm")',
    'P.constructor.prototype',
    'chain(1).done()',
    'P["constructor"]',
    'typeOf(P)',
    'x => x',
  ])('refuses the escape attempt %s', (expr) => {
    expect(compileExpression(expr, scope).ok).toBe(false);
  });

  it('refuses calling anything that is not a plain function name', () => {
    expect(refusal('(min)(1, 2)').message).toMatch(/syntax error|missing operator|only the functions/);
    expect(refusal('P.min(1)').message).toMatch(/property access|only the functions/);
  });

  it('refuses wrong arities', () => {
    expect(refusal('min()').message).toMatch(/min\(\) takes at least 1 argument/);
    expect(refusal('abs(1, 2)').message).toMatch(/abs\(\) takes 1 argument/);
    expect(refusal('round(1, 2, 3)').message).toMatch(/round\(\) takes 1 or 2/);
  });

  it('reports syntax errors with mathjs’s position', () => {
    expect(refusal('(1 + 2')).toMatchObject({ position: 7, message: expect.stringMatching(/^syntax error: Parenthesis \) expected/) });
    expect(refusal('1 +')).toMatchObject({ position: 4 });
    expect(refusal('   ').message).toBe('the expression is empty');
  });

  it('bounds length and nesting', () => {
    expect(refusal('1+'.repeat(6000) + '1').message).toMatch(/longer than|more than/);
    expect(refusal('('.repeat(150) + '1' + ')'.repeat(150)).message).toMatch(/nests brackets more than 100/);
    expect(refusal('-'.repeat(1900) + '1').message).toMatch(/nested too deeply/);
    expect(compileExpression('('.repeat(90) + 'P' + ')'.repeat(90), scope).ok).toBe(true);
  });
});

describe('names are checked when the terms are saved', () => {
  it('refuses an unknown name with its position and a hint', () => {
    const r = refusal('k * amout');
    expect(r.text).toBe('unknown name "amout" at position 5 in formula "me"; did you mean "amount"?');
  });

  it('refuses a later formula, the formula itself, and a function used as a value', () => {
    expect(refusal('P + later_one')).toMatchObject({ position: 5, message: '"later_one" is a later formula (formulas[5])' });
    expect(refusal('me + 1')).toMatchObject({ position: 1, message: 'formula "me" cannot use itself' });
    expect(refusal('max + 1').message).toBe('"max" is a function');
    expect(refusal('pi * 2').message).toBe('unknown name "pi"');
  });

  it('records what a formula uses', () => {
    const e = compiled('P + k * codmn + year - scheduled');
    expect([...e.uses.constants]).toEqual(['k']);
    expect([...e.uses.indicators]).toEqual(['codmn']);
    expect([...e.uses.formulas]).toEqual(['P']);
    expect(e.uses.year).toBe(true);
    expect(e.uses.scheduled).toBe(true);
  });
});

describe('types: conditions and numbers do not mix', () => {
  it.each([
    ['amount + (P <= 1)', /needs numbers, but its right side is a condition/],
    ['P and 1 < 2 ? 1 : 0', /needs conditions \(true\/false\), but its left side is a number/],
    ['not P ? 1 : 0', /"not" needs conditions/],
    ['P ? 1 : 0', /condition before "\?" must be a comparison/],
    ['P < 1 ? 1 : P > 1', /both branches/],
    ['P < 1', /gives a condition/],
    ['min(P < 1, 2)', /min\(\) needs numbers/],
    ['(P < 1) == 1 ? 1 : 0', /compares a number with a condition/],
    ['-(P < 1)', /unary "-" needs numbers/],
    ['true', /gives a condition/],
  ])('%s', (expr, message) => {
    expect(refusal(expr).message).toMatch(message);
  });
});

describe('save-time arithmetic checks', () => {
  it('refuses division by a constant zero at the operator', () => {
    expect(refusal('amount / zero')).toMatchObject({ position: 8, message: 'division by zero' });
    expect(refusal('codmn / (two - 2)')).toMatchObject({ position: 7, message: 'division by zero' });
    expect(refusal('1 / 0')).toMatchObject({ position: 3, message: 'division by zero' });
    expect(refusal('0 ^ -1').message).toMatch(/division by zero/);
  });

  it('accepts a division a constant condition guards', () => {
    expect(compileExpression('zero == 0 ? 0 : amount / zero', scope).ok).toBe(true);
  });

  it('refuses impossible round() digits and out-of-range literals', () => {
    expect(refusal('round(P, 0.5)').message).toMatch(/digits must be a whole number/);
    expect(refusal('round(P, 31)').message).toMatch(/digits must be a whole number from -30 to 30/);
    expect(refusal('1e31 * P').message).toMatch(/out of range/);
    expect(refusal('two ^ 1000').message).toMatch(/out of range/);
  });

  it('folds constant formulas', () => {
    expect(compiled('amount * k').constant?.toString()).toBe('180000000');
    expect(compiled('amount * codmn').constant).toBeUndefined();
  });
});

describe('evaluation', () => {
  it('uses decimal arithmetic, not binary floating point', () => {
    expect(str(run('0.1 + 0.2'))).toBe('0.3');
    expect(str(run('(0.1 + 0.2 == 0.3) ? 1 : 0'))).toBe('1');
    expect(str(run('1 / 3 * 3'))).toMatch(/^(1|0\.9{64})$/);
    expect(str(run('2 ^ 10'))).toBe('1024');
    expect(str(run('-2 ^ 2'))).toBe('-4');
    expect(str(run('2 ^ -1'))).toBe('0.5');
    expect(str(run('2 ^ 3 ^ 2'))).toBe('512');
  });

  it('compares with < <= > >= == !=', () => {
    const cases: [string, string][] = [
      ['P < 0.8', '0'],
      ['P <= 0.8', '1'],
      ['P > 0.79', '1'],
      ['P >= 0.81', '0'],
      ['P == 0.80', '1'],
      ['P != 0.8', '0'],
    ];
    for (const [cond, expected] of cases) expect(str(run(`${cond} ? 1 : 0`)), cond).toBe(expected);
  });

  it('combines conditions with and, or, not', () => {
    expect(str(run('P > 0.5 and P < 1 ? 1 : 0'))).toBe('1');
    expect(str(run('P > 0.9 and P < 1 ? 1 : 0'))).toBe('0');
    expect(str(run('P > 0.9 or P < 1 ? 1 : 0'))).toBe('1');
    expect(str(run('not (P > 0.9) ? 1 : 0'))).toBe('1');
    // "not" binds tighter than a comparison, as in mathjs: "not P > 0.9" is "(not P) > 0.9".
    expect(() => run('not P > 0.9 ? 1 : 0')).toThrow(/"not" needs conditions/);
    expect(str(run('true and not false ? 1 : 0'))).toBe('1');
    expect(str(run('(P > 1) == false ? 1 : 0'))).toBe('1');
  });

  it('evaluates only the branch a condition takes, and short-circuits and/or', () => {
    expect(str(run('volume == 0 ? 0 : amount / volume', { volume: '0' }))).toBe('0');
    expect(str(run('volume != 0 and amount / volume > 1 ? 1 : 2', { volume: '0' }))).toBe('2');
    expect(str(run('volume == 0 or amount / volume > 1 ? 1 : 2', { volume: '0' }))).toBe('1');
    expect(str(run('P < 1 ? 1 : P < 2 ? 2 : 3', { P: '1.5' }))).toBe('2');
  });

  it('has min, max, abs and round(x, digits)', () => {
    expect(str(run('min(3, P, 2)'))).toBe('0.8');
    expect(str(run('max(3, P, 2)'))).toBe('3');
    expect(str(run('abs(-2.5)'))).toBe('2.5');
    expect(str(run('round(2.345, 2)'))).toBe('2.35');
    expect(str(run('round(2.5)'))).toBe('3');
    expect(str(run('round(-2.5)'))).toBe('-3');
    expect(str(run('round(0.125, 2)'))).toBe('0.13');
    expect(str(run('round(1234567, -3)'))).toBe('1235000');
    expect(str(run('round(1 / 3, 4)'))).toBe('0.3333');
    expect(str(run('round(amount * P / 3, 2)'))).toBe('53333333.33');
  });

  it('reports division by zero and other impossible values as EvaluationError', () => {
    expect(evaluationFailure(() => run('amount / volume', { volume: '0' }))).toBe('division by zero');
    expect(evaluationFailure(() => run('volume ^ -1', { volume: '0' }))).toMatch(/division by zero/);
    expect(evaluationFailure(() => run('volume ^ 0.5', { volume: '-4' }))).toMatch(/not a real number/);
    expect(evaluationFailure(() => run('volume ^ volume', { volume: '1000' }))).toMatch(/out of range/);
    expect(evaluationFailure(() => run('round(P, volume)', { volume: '0.5' }))).toMatch(/digits must be a whole number/);
    expect(evaluationFailure(() => evaluateExpression(compiled('codmn').root, () => undefined))).toMatch(/no value for "codmn"/);
  });

  it('matches decimal.js on random arithmetic', () => {
    const D64 = Decimal.clone({ precision: 64 });
    const dec = fc.tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 4 })).map(([n, s]) => new D64(n).div(new D64(10).pow(s)).toString());
    fc.assert(
      fc.property(dec, dec, dec, fc.constantFrom('+', '-', '*'), (a, b, c, op) => {
        const expr = `(${a}) ${op} (${b}) * (${c})`;
        const bc = new D64(b).times(c);
        const expected = op === '+' ? new D64(a).plus(bc) : op === '-' ? new D64(a).minus(bc) : new D64(a).times(bc);
        expect((run(expr) as TDec).eq(expected)).toBe(true);
      }),
    );
  });
});

describe('positions stay aligned with the source', () => {
  // Random valid expressions over whitelisted syntax, with one name swapped for an unknown one.
  const leaf = fc.oneof(fc.constantFrom('k', 'amount', 'codmn', 'P', 'year', 'scheduled'), fc.constantFrom('1', '0.25', '2.5e3', '.5', '10'));
  const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '^'), tie('e')).map(([a, op, b]) => `${a} ${op} ${b}`),
      tie('e').map((a) => `(${a})`),
      tie('e').map((a) => `-${a}`),
      fc.tuple(tie('e'), tie('e')).map(([a, b]) => `min(${a}, ${b})`),
      fc.tuple(tie('e'), tie('e'), tie('e'), fc.constantFrom('<', '<=', '>', '>=', '==', '!=')).map(([c, a, b, op]) => `(${c} ${op} 1 ? ${a} : ${b})`),
      tie('e').map((a) => `round(${a}, 2)`),
    ),
  })).e;

  it('reports the exact position of an unknown name anywhere in a valid expression', () => {
    fc.assert(
      fc.property(expr, fc.nat(), fc.constantFrom(' ', '  ', '\t'), (e, pick, blank) => {
        const text = e.replace(/ /g, blank);
        const valid = compileExpression(text, { ...scope, known: new Map() });
        // Literal-only parts are evaluated at save time and may legitimately overflow or divide by zero.
        if (!valid.ok) expect(english(valid.refusal.message)).toMatch(/division by zero|out of range|not a real number/);
        const names = [...text.matchAll(/\b(k|amount|codmn|P|year|scheduled)\b/g)];
        if (names.length === 0) return;
        const target = names[pick % names.length]!;
        const broken = text.slice(0, target.index) + 'zzz' + text.slice(target.index! + target[0].length);
        const r = compileExpression(broken, { ...scope, known: new Map() });
        expect(r.ok).toBe(false);
        if (!r.ok) expect(englishRefusal(r.refusal)).toMatchObject({ position: target.index! + 1, message: 'unknown name "zzz"' });
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const r = compileExpression(text, scope);
        if (!r.ok) expect(r.refusal.position).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
    const alphabet = fc.constantFrom(...'k P amount codmn ( ) [ ] { } + - * / ^ % ! ? : ; , . = < > " \' # 0x1 1e 2 and or not min round import . \n'.split(' '));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 30 }), (parts) => {
        expect(() => compileExpression(parts.join(' '), scope)).not.toThrow();
        expect(() => compileExpression(parts.join(''), scope)).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });
});

describe('printing', () => {
  it('substitutes values, keeping the author’s parentheses', () => {
    const e = compiled('k * (codmn / 2.6 + tp) - P ^ 2');
    const show = (n: string) => (n === 'P' ? '-0.5' : values[n]);
    expect(printExpression(e.root, show)).toBe('0.9 * (2.31 / 2.6 + 0.026) - (-0.5) ^ 2');
    expect(printExpression(compiled('not (P > 1) and min(P, 2) <= 1 ? round(k, 1) : -k').root)).toBe('not (P > 1) and min(P, 2) <= 1 ? round(k, 1) : -k');
  });
});
