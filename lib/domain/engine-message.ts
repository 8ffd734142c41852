// What the engines say (lib/engine/problem.ts: a catalogue code with parameters) as the catalogue's
// own messages, to give in the reader's language where a problem reaches one. The codes are keys of
// lib/domain/texts/engine.ts; a parameter that is a message is translated with it.
import type { CodedProblem, Message, MessageParam } from '@/lib/engine/problem';
import { isTextKey, problem, render, text, type LocalText, type Problem, type TextValue } from './local-text';
import type { AppLocale } from './locale';

function value(param: MessageParam): TextValue {
  if (typeof param === 'string' || typeof param === 'number') return param;
  if (Array.isArray(param)) return param.map((item: string | Message) => (typeof item === 'string' ? item : messageText(item)));
  return messageText(param as Message);
}

/** An engine's message as a catalogue message. Throws for a code the catalogue lacks (engine-message.test.ts checks there is none). */
export function messageText(what: Message): LocalText {
  if (!isTextKey(what.code)) throw new Error(`no catalogue message for the engine code "${what.code}"`);
  return text(what.code, Object.fromEntries(Object.entries(what.params).map(([name, param]) => [name, value(param)])));
}

/** An engine's message in the reader's language. */
export function messageIn(what: Message, locale: AppLocale): string {
  return render(messageText(what), locale);
}

/** A problem an engine found, at `field` (its path unless given), in either language. */
export function codedProblem(found: CodedProblem, field: string = found.path): Problem {
  return problem(field, messageText(found));
}
