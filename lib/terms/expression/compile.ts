import { message } from '../../engine/problem';
import type { TDec } from '../decimal';
import { Checker, type Scope, type Uses } from './check';
import { num } from './evaluate';
import { UNKNOWN, fold } from './fold';
import { parseExpression } from './parse';
import { RefusalError, refuse, type Refusal } from './refusal';
import type { TNode } from './tree';

/** The stages in order: parse, check, fold. docs/decisions/0030-terms-grammar.md. */

export interface CompiledExpression {
  source: string;
  root: TNode;
  uses: Uses;
  /** The value when the expression needs no monitoring data, year or schedule. */
  constant: TDec | undefined;
}

export type CompileOutcome = { ok: true; expression: CompiledExpression } | { ok: false; refusal: Refusal };

/** Parses, whitelists, type-checks and save-time-checks one formula. Never throws for bad input. */
export function compileExpression(source: string, scope: Scope): CompileOutcome {
  try {
    return { ok: true, expression: compileOrThrow(source, scope) };
  } catch (e) {
    if (e instanceof RefusalError) return { ok: false, refusal: e.refusal };
    throw e;
  }
}

function compileOrThrow(source: string, scope: Scope): CompiledExpression {
  const checker = new Checker(source, scope);
  const typed = checker.check(parseExpression(source));
  if (typed.type !== 'number') refuse(1, message('engine.givesCondition'), message('engine.givesConditionHint'));
  const folded = fold(typed.node, scope.known);
  return { source, root: typed.node, uses: checker.uses, constant: folded === UNKNOWN ? undefined : num(folded) };
}
