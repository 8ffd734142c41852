import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import peggy from 'peggy';
import { describe, expect, it } from 'vitest';
import { messageIn } from '@/lib/domain/engine-message';
import { compileExpression } from './compile';
import type { Scope } from './check';
import { parseExpression, type Syntax } from './parse';
import { printExpression } from './print';

const dir = import.meta.dirname;
const root = path.resolve(dir, '../../..');

describe('the generated parser', () => {
  it('is what grammar.peggy generates (run `npm run terms:parser` after changing the grammar)', () => {
    const grammarFile = 'lib/terms/expression/grammar.peggy';
    const generated = peggy.generate(readFileSync(path.join(root, grammarFile), 'utf8'), { output: 'source', format: 'es', grammarSource: grammarFile });
    expect(generated === readFileSync(path.join(dir, 'parser.js'), 'utf8'), 'lib/terms/expression/parser.js is stale: run npm run terms:parser').toBe(true);
  });
});

const scope: Scope = {
  constants: new Set(['k', 'amount']),
  known: new Map(),
  indicators: new Set(['codmn', 'tp']),
  earlier: new Set(['P']),
  later: new Map(),
};

/** Refused with what, where, in English. */
function refusal(source: string): { position: number; message: string } {
  const r = compileExpression(source, scope);
  if (r.ok) throw new Error(`expected "${source}" to be refused`);
  return { position: r.refusal.position, message: messageIn(r.refusal.message, 'en') };
}

// Random formulas of the language, blanks between every part: a tab, spaces, or a comment then a line break inside brackets.
const blank = fc.constantFrom(' ', '  ', '\t', '');
const leaf = fc.oneof(fc.constantFrom('k', 'amount', 'codmn', 'tp', 'P', 'year', 'scheduled'), fc.constantFrom('1', '0.25', '2.5e3', '.5', '10', '7.'));
const formula: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.tuple(tie('e'), blank, fc.constantFrom('+', '-', '*', '/', '^'), blank, tie('e')).map(([a, s, op, t, b]) => `${a}${s}${op}${t}${b}`),
    fc.tuple(tie('e'), blank, fc.constantFrom('\n', ' ', '# note\n')).map(([a, s, inner]) => `(${s}${a}${inner})`),
    fc.tuple(fc.constantFrom('-', '+'), blank, tie('e')).map(([op, s, a]) => `${op}${s}(${a})`),
    fc.tuple(fc.constantFrom('min', 'max'), tie('e'), tie('e'), blank).map(([fn, a, b, s]) => `${fn}(${a},${s}${b})`),
    // Quoted names that are no leaf below, so the leaf a refusal test replaces is never inside quotes.
    fc.tuple(fc.constantFrom('"cod"', "'nh3n'", '"do"'), tie('e'), fc.constantFrom('', ', "lake"', ",'river'"), blank).map(([name, a, body, s]) => `worstclass(gbclass(${name},${s}${a}${body}), 3)`),
    fc.tuple(tie('e'), fc.constantFrom('<', '<=', '>', '>=', '==', '!='), tie('e'), tie('e'), blank).map(([c, op, a, b, s]) => `(${c} ${op} 1${s}?${s}${a}${s}:${s}${b})`),
    fc.tuple(tie('e'), fc.constantFrom('and', 'or'), tie('e'), tie('e')).map(([c, op, a, b]) => `(${c} > 0 ${op} not (${a} < 1) ? 1 : ${b})`),
  ),
})).e;

/** Every node of a syntax tree, with the text its positions must point at. */
function* marks(node: Syntax): Generator<[number, string, Syntax]> {
  switch (node.kind) {
    case 'number':
      yield [node.start, node.text, node];
      return;
    case 'name':
      yield [node.start, node.name, node];
      return;
    case 'parens':
      yield [node.start, '(', node];
      yield* marks(node.inner);
      return;
    case 'unary':
      yield [node.at, node.op, node];
      yield* marks(node.arg);
      return;
    case 'binary':
      yield [node.at, node.op, node];
      yield [node.start, '', node.left];
      yield* marks(node.left);
      yield* marks(node.right);
      return;
    case 'conditional':
      yield [node.at, '?', node];
      yield* marks(node.test);
      yield* marks(node.then);
      yield* marks(node.otherwise);
      return;
    case 'call':
      yield* marks(node.callee);
      for (const arg of node.args) yield* marks(arg);
      return;
    default:
      yield [node.start, '', node];
  }
}

const startOf = (node: Syntax): number => node.start;

describe('positions from the grammar', () => {
  it('point every node, operator and name at its own text', () => {
    fc.assert(
      fc.property(formula, (source) => {
        const tree = parseExpression(source);
        for (const [position, text, node] of marks(tree)) {
          expect(position).toBeGreaterThanOrEqual(1);
          expect(source.slice(position - 1, position - 1 + text.length), `${node.kind} at ${position} in ${JSON.stringify(source)}`).toBe(text);
          if (node.kind === 'binary') expect(node.start).toBe(startOf(node.left));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('read the printed formula back as the same tree', () => {
    fc.assert(
      fc.property(formula, (source) => {
        const first = compileExpression(source, scope);
        if (!first.ok) return; // a literal part may divide by zero or overflow at save time
        const printed = printExpression(first.expression.root);
        const again = compileExpression(printed, scope);
        expect(again.ok && printExpression(again.expression.root)).toBe(printed);
      }),
      { numRuns: 300 },
    );
  });

  const refusedParts: [string, RegExp][] = [
    ['"x"', /text in quotes/],
    ["'x'", /text in quotes/],
    ['codmn.x', /property access/],
    ['tp[1]', /property access/],
    ['[1, 2]', /lists and matrices/],
    ['{a: 1}', /objects/],
    ['null', /is not a number/],
    ['NaN', /not a finite number/],
    ['0x1F', /only decimal numbers/],
    ['foo(1)', /unknown function "foo"/],
    ['zzz', /unknown name "zzz"/],
    ['1e99', /out of range/],
    ['tp!', /operator "!"/],
    ['(1:3)', /ranges/],
    ['(k = 1)', /assignment/],
    ['(1 < 2 < 3)', /chained comparisons/],
  ];

  it('refuse a construct of another language exactly where it starts, anywhere in a formula', () => {
    fc.assert(
      fc.property(formula, fc.nat(), fc.constantFrom(...refusedParts), (source, pick, [part, why]) => {
        const leaves = [...source.matchAll(/(?<![\w.])(?:k|amount|codmn|tp|P|year|scheduled|\d+\.?\d*(?:e\d+)?|\.\d+)(?![\w.])/g)];
        const target = leaves[pick % leaves.length]!;
        const broken = source.slice(0, target.index) + part + source.slice(target.index! + target[0].length);
        const r = refusal(broken);
        // A refused part inside parentheses is refused at the construct, one character in.
        const at = target.index! + 1 + (part.startsWith('(') ? 1 : 0);
        expect(r, broken).toMatchObject({ position: at, message: expect.stringMatching(why) });
      }),
      { numRuns: 400 },
    );
  });

  it('put a syntax error where the formula stops making sense', () => {
    fc.assert(
      fc.property(formula, fc.constantFrom('+', '*', 'and', '<'), (source, op) => {
        expect(refusal(`${source} ${op}`)).toEqual({ position: source.length + op.length + 2, message: 'syntax error: Unexpected end of expression' });
        expect(refusal(`(${source}`)).toEqual({ position: source.length + 2, message: 'syntax error: Parenthesis ) expected' });
        expect(refusal(`${source} ) `)).toEqual({ position: source.length + 2, message: 'syntax error: Unexpected part ")"' });
      }),
      { numRuns: 200 },
    );
  });

  it('read a line break as a blank inside brackets and as the end of the formula outside them', () => {
    expect(compileExpression('min(k,\n  amount)\n'.trimEnd(), scope).ok).toBe(true);
    expect(refusal('min(k, amount)\n+ 1')).toEqual({ position: 15, message: 'a formula is one expression' });
    expect(refusal('\nk')).toEqual({ position: 1, message: 'a formula is one expression' });
    expect(refusal('k # a note\n')).toEqual({ position: 11, message: 'a formula is one expression' });
    expect(compileExpression('k # a note', scope).ok).toBe(true);
  });

  it('keep ":" for the conditional inside its then-branch and give ranges their own message elsewhere', () => {
    expect(compileExpression('P > 1 ? k : P < 0 ? amount : tp', scope).ok).toBe(true);
    expect(compileExpression('P > 1 ? (P < 0 ? k : amount) : tp', scope).ok).toBe(true);
    expect(refusal('P > 1 ? (1:2) : tp')).toMatchObject({ position: 10, message: 'ranges ("a:b") are not allowed' });
    expect(refusal('P > 1 ? k')).toMatchObject({ position: 10, message: 'syntax error: False part of conditional expression expected' });
    // As mathjs read it: a conditional inside the then-branch needs brackets.
    expect(refusal('P > 1 ? P < 0 ? k : amount : tp')).toMatchObject({ position: 15, message: 'syntax error: False part of conditional expression expected' });
  });

  it('refuse brackets nested too deeply at the first bracket too many, and unclosed text at the end', () => {
    expect(refusal(`${'('.repeat(101)}1${')'.repeat(101)}`)).toEqual({ position: 101, message: 'the expression nests brackets more than 100 deep' });
    expect(refusal(`k + ${'min('.repeat(120)}`)).toEqual({ position: 4 + 4 * 100 + 4, message: 'the expression nests brackets more than 100 deep' });
    expect(refusal('k + "abc')).toEqual({ position: 9, message: 'syntax error: End of string " expected' });
    expect(refusal("k + 'abc")).toEqual({ position: 9, message: "syntax error: End of string ' expected" });
    expect(compileExpression('k % 7', scope)).toMatchObject({ ok: false, refusal: { position: 3, hint: { code: 'engine.percentHint' } } });
  });

  it('parses long and deeply nested formulas without backtracking blow-up', () => {
    const timed = (source: string) => {
      const started = performance.now();
      const r = compileExpression(source, scope);
      return { r, ms: performance.now() - started };
    };
    const sum = Array.from({ length: 400 }, (_, i) => `(k * ${i} + codmn)`).join(' + ');
    expect(sum.length).toBeGreaterThan(7_000);
    const long = timed(sum);
    expect(long.r.ok).toBe(true);
    // Each bracket could be read twice by a careless grammar: 2^100 readings of these.
    const nested = timed(`${'(k % '.repeat(100)}1${')'.repeat(100)}`);
    const unfinished = timed(`${'(k ? '.repeat(100)}1 +`);
    expect(nested.r.ok || unfinished.r.ok).toBe(false);
    expect(Math.max(long.ms, nested.ms, unfinished.ms)).toBeLessThan(2_000);
  });
});
