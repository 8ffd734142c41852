/**
 * The expression language of `payment-terms/1`, by stage in ./expression/: parse (grammar.peggy),
 * check, evaluate, fold, print. docs/decisions/0030-terms-grammar.md.
 */
export { MAX_EXPRESSION_LENGTH } from './expression/parse';
export { compileExpression, type CompiledExpression, type CompileOutcome } from './expression/compile';
export { describeRefusal, type Refusal } from './expression/refusal';
export { type Scope, type Uses } from './expression/check';
export { evaluateExpression, EvaluationError, MAX_ROUND_DIGITS, type SampleSource } from './expression/evaluate';
export { printExpression } from './expression/print';
export type { TNode, SampleNode, Value, ValueType, UnaryOp, BinaryOp } from './expression/tree';
