import { message, type Message } from '../../engine/problem';

/** Why a formula was refused, where: a catalogue message, and a hint on what to write instead. */
export interface Refusal {
  /** 1-based character position in the expression. */
  position: number;
  message: Message;
  hint?: Message;
}

export class RefusalError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message.code);
  }
}

export function refuse(position: number, what: Message, hint?: Message): never {
  throw new RefusalError(hint === undefined ? { position, message: what } : { position, message: what, hint });
}

/** `unknown name "amout" at position 3 in formula "payment"; did you mean "amount"?`, as a message. */
export function describeRefusal(refusal: Refusal, formula?: string): Message {
  const where =
    formula === undefined
      ? message('engine.refusalAt', { message: refusal.message, position: refusal.position })
      : message('engine.refusalAtIn', { message: refusal.message, position: refusal.position, formula });
  return refusal.hint ? message('engine.withHint', { message: where, hint: refusal.hint }) : where;
}
