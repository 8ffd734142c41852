import { message } from '../../engine/problem';
import { TD, type TDec } from '../decimal';
import { EvaluationError, applyCall, applyUnary, arithmetic, compare, num, roundTo } from './evaluate';
import { refuse } from './refusal';
import { ARITHMETIC, type TNode, type Value } from './tree';

/**
 * The fourth stage, at save time: evaluation with only the constants known. Refuses what is
 * certain to fail in some year (division by a zero constant, round() to impossible digits, a
 * worstclass() argument that is no class) at the operator's position. Branches a constant
 * condition never takes are not checked, so `k == 0 ? 0 : x / k` with k = 0 is accepted.
 */

export const UNKNOWN = Symbol('unknown');
export type Folded = Value | typeof UNKNOWN;

export function fold(node: TNode, known: ReadonlyMap<string, TDec>): Folded {
  const f = (n: TNode) => fold(n, known);
  const attempt = <T>(compute: () => T): T => {
    try {
      return compute();
    } catch (e) {
      if (e instanceof EvaluationError) refuse(node.at, e.reason);
      throw e;
    }
  };
  switch (node.kind) {
    case 'number':
    case 'boolean':
      return node.value;
    case 'name':
      return known.get(node.name) ?? UNKNOWN;
    case 'text':
      return refuse(node.at, message('engine.textInQuotes'));
    case 'parens':
      return f(node.inner);
    case 'unary': {
      const v = f(node.arg);
      return v === UNKNOWN ? UNKNOWN : attempt(() => applyUnary(node.op, v));
    }
    case 'binary': {
      const a = f(node.left);
      if (node.op === 'and' && a === false) return false;
      if (node.op === 'or' && a === true) return true;
      const b = f(node.right);
      if (node.op === '/' && b !== UNKNOWN && typeof b !== 'boolean' && b.isZero()) refuse(node.at, message('engine.divisionByZero'));
      if (a === UNKNOWN || b === UNKNOWN) return UNKNOWN;
      if (node.op === 'and' || node.op === 'or') return b;
      return attempt(() => (ARITHMETIC.has(node.op) ? arithmetic(node.op, num(a), num(b)) : compare(node.op, a, b)));
    }
    case 'conditional': {
      const test = f(node.test);
      if (test === true) return f(node.then);
      if (test === false) return f(node.otherwise);
      f(node.then);
      f(node.otherwise);
      return UNKNOWN;
    }
    case 'aggregate':
      return UNKNOWN;
    case 'share':
      // The samples are the year's; the bound is checked like any expression.
      f(node.bound);
      return UNKNOWN;
    case 'call': {
      // A quoted name (gbclass's indicator and water body) is its own value.
      const args = node.args.map((a) => (a.kind === 'text' ? a.value : f(a)));
      const digits = args[1];
      if (node.fn === 'round' && digits !== undefined && digits !== UNKNOWN && typeof digits !== 'string') attempt(() => roundTo(new TD(0), num(digits)));
      if (node.fn === 'worstclass') for (const a of args) if (a !== UNKNOWN && typeof a !== 'string') attempt(() => applyCall('worstclass', [num(a)]));
      if (args.some((a) => a === UNKNOWN)) return UNKNOWN;
      return attempt(() =>
        applyCall(
          node.fn,
          args.map((a) => (typeof a === 'string' ? a : num(a as Value))),
        ),
      );
    }
  }
}
