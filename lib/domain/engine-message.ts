// What the engines say (lib/engine/problem.ts: a catalogue code with parameters) as the catalogue's
// own messages, to give in the reader's language where a problem reaches one. The codes are keys of
// lib/domain/texts/engine.ts; a parameter that is a message is translated with it.
import type { CodedProblem, Message } from '@/lib/engine/problem';
import { fromMessage, isTextKey, problem, render, type LocalText, type Problem } from './local-text';
import type { AppLocale } from './locale';

/** An engine's message as a catalogue message. Throws for a code the catalogue lacks (engine-message.test.ts checks there is none). */
export function messageText(what: Message): LocalText {
  if (!isTextKey(what.code)) throw new Error(`no catalogue message for the engine code "${what.code}"`);
  return fromMessage(what);
}

/** An engine's message in the reader's language. */
export function messageIn(what: Message, locale: AppLocale): string {
  return render(messageText(what), locale);
}

/** A problem an engine found, at `field` (its path unless given), in either language. */
export function codedProblem(found: CodedProblem, field: string = found.path): Problem {
  return problem(field, messageText(found));
}
