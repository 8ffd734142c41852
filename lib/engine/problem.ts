// What the engines (lib/engine, lib/terms) say of a document: a code from the catalogue
// (messages/{en,zh}.json, namespace of the code) with its parameters, never a sentence. Readers
// get it in their language at the edge (route handler, page, client form); the `pes` CLI renders
// the same codes in English.

/** A parameter of a message: a name or number as written, another message, or a list of either. */
export type MessageParam = string | number | Message | readonly (string | Message)[];

/** A message by code, e.g. `{ code: 'engine.notBetween', params: { value: '1.5', lo: 0, hi: 1 } }`. */
export interface Message {
  readonly code: string;
  readonly params: Readonly<Record<string, MessageParam>>;
}

/** A problem at `path` in a document (`"costs[3].amounts.2014-2020"`, `""` for the whole). */
export interface CodedProblem extends Message {
  readonly path: string;
}

export function message(code: string, params: Record<string, MessageParam> = {}): Message {
  return { code, params };
}

export function problemAt(path: string, what: Message): CodedProblem {
  return { path, code: what.code, params: what.params };
}

// zod keeps one string per issue, so a message travels through a zod schema as this text and is
// read back into its code and parameters when the issues become problems.
const CODED = '\u0001pes:';

/** A message as the text of a zod issue (`z.int({ error: issueText(…) })`). */
export function issueText(what: Message): string {
  return CODED + JSON.stringify({ code: what.code, params: what.params });
}

/** Whether a value has a message's shape: a code and its parameters. */
export function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const { code, params } = value as { code?: unknown; params?: unknown };
  return typeof code === 'string' && typeof params === 'object' && params !== null && !Array.isArray(params);
}

/** The message an issue's text carries, or null for a text some other schema wrote. */
export function readIssueText(text: string): Message | null {
  if (!text.startsWith(CODED)) return null;
  try {
    const parsed: unknown = JSON.parse(text.slice(CODED.length));
    return isMessage(parsed) ? parsed : null;
  } catch {
    return null;
  }
}
