import type { TDec } from '../decimal';
import type { FunctionName } from '../names';

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
  | { kind: 'parens'; inner: TNode; start: number; at: number };
