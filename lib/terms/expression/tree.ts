import type { TDec } from '../decimal';
import type { FunctionName } from '../names';
import type { Aggregate, ShareOperator } from '../samples';

/** What check.ts makes of a syntax tree that passed: only what the language allows, every node typed. */

export type ValueType = 'number' | 'boolean';
export type Value = TDec | boolean;
export type UnaryOp = '-' | '+' | 'not';
export type BinaryOp = '+' | '-' | '*' | '/' | '^' | '<' | '<=' | '>' | '>=' | '==' | '!=' | 'and' | 'or';

export const ARITHMETIC: ReadonlySet<string> = new Set<BinaryOp>(['+', '-', '*', '/', '^']);
export const ORDERING: ReadonlySet<string> = new Set<BinaryOp>(['<', '<=', '>', '>=']);
export const COMPARISON: ReadonlySet<string> = new Set<BinaryOp>([...ORDERING, '==', '!='] as BinaryOp[]);

/** A checked expression. `start` is where the node's text begins, `at` the character that names it (its operator); both 1-based. */
export type TNode =
  | { kind: 'number'; value: TDec; start: number; at: number }
  | { kind: 'boolean'; value: boolean; start: number; at: number }
  | { kind: 'name'; name: string; start: number; at: number }
  /** A quoted name, only as an argument of a function that takes one (gbclass's indicator and water body). */
  | { kind: 'text'; value: string; start: number; at: number }
  | { kind: 'unary'; op: UnaryOp; arg: TNode; start: number; at: number }
  | { kind: 'binary'; op: BinaryOp; left: TNode; right: TNode; start: number; at: number }
  | { kind: 'conditional'; test: TNode; then: TNode; otherwise: TNode; start: number; at: number }
  | { kind: 'call'; fn: FunctionName; args: TNode[]; start: number; at: number }
  /** `mean(codmn)` …: an aggregate over the year's samples of a declared indicator. */
  | { kind: 'aggregate'; fn: Aggregate; indicator: string; start: number; at: number }
  /**
   * `share(codmn <= 4)`: the fraction of the year's samples meeting the bound, a number for the
   * year that reads no indicator. `indicatorFirst` false for `share(4 >= codmn)`, as written.
   */
  | { kind: 'share'; indicator: string; op: ShareOperator; bound: TNode; indicatorFirst: boolean; start: number; at: number }
  | { kind: 'parens'; inner: TNode; start: number; at: number };

/** The nodes that read an indicator's samples. */
export type SampleNode = Extract<TNode, { kind: 'aggregate' | 'share' }>;

/** Every node of a tree, depth first, left to right. */
export function* nodesOf(node: TNode): Generator<TNode> {
  yield node;
  switch (node.kind) {
    case 'parens':
      yield* nodesOf(node.inner);
      break;
    case 'unary':
      yield* nodesOf(node.arg);
      break;
    case 'binary':
      yield* nodesOf(node.left);
      yield* nodesOf(node.right);
      break;
    case 'conditional':
      yield* nodesOf(node.test);
      yield* nodesOf(node.then);
      yield* nodesOf(node.otherwise);
      break;
    case 'call':
      for (const arg of node.args) yield* nodesOf(arg);
      break;
    case 'share':
      yield* nodesOf(node.bound);
      break;
    default:
      break;
  }
}
