// The engines' coded messages in English, as the `pes` CLI prints them, for tests that assert wording.
import { fromMessage, inEnglish } from '../../lib/domain/local-text';
import type { Message } from '../../lib/engine/problem';

export const english = (what: Message): string => inEnglish(fromMessage(what));

/** "path: message" for each problem. */
export const englishLines = (problems: readonly (Message & { path: string })[]): string[] => problems.map((p) => `${p.path}: ${english(p)}`);
