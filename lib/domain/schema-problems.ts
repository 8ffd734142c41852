// Problems as the edge shows them: a zod schema's issues and an engine's coded problems, each with
// its message as a catalogue text and its place as readers name it. Nothing here picks a language:
// the route handler, page or form renders the texts in its reader's (problemIn).
import type { z } from 'zod';
import { readIssueText, type CodedProblem } from '@/lib/engine/problem';
import { fromMessage, inEnglish, isTextKey, text, type LocalText, type Problem } from './local-text';
import { placeOf, requestFields, type FieldLabels, type PathPart } from './problem-place';

/** What a kind's message names as code: JSON's literals (`schemas.kind.boolean`). */
const kindValues = { trueValue: String(true), falseValue: String(false) };

/** zod's own issues, those no schema words itself, in the catalogue's terms. */
function zodIssueText(issue: z.core.$ZodIssue): LocalText {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return text('zod.required');
      const kind = `kind.${issue.expected}`;
      return isTextKey(kind) ? text('zod.expected', { expected: text(kind, kindValues) }) : text('zod.invalid');
    }
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? text('mustNotBeEmpty') : text('atLeastCharacters', { min: Number(issue.minimum) });
      if (issue.origin === 'array' || issue.origin === 'set') return text('zod.atLeastItems', { min: Number(issue.minimum) });
      return text('zod.atLeast', { min: String(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return text('atMostCharacters', { max: Number(issue.maximum) });
      if (issue.origin === 'array' || issue.origin === 'set') return text('zod.atMostItems', { max: Number(issue.maximum) });
      return text('zod.atMost', { max: String(issue.maximum) });
    case 'invalid_value':
      return text('mustBeOneOf', { options: issue.values.map(String) });
    case 'invalid_format':
      return text('zod.invalidFormat');
    default:
      return text('zod.invalid');
  }
}

const problemWith = (field: string, message: LocalText, label: LocalText): Problem => ({ field, message: inEnglish(message), text: message, label });

/**
 * A failed parse's issues as problems: the schema's own message (say()) or zod's in the catalogue's
 * terms, at the issue's path, labelled against the input (`schedule.0.amount` → "2014—2020 年的金额").
 */
export function schemaProblems(issues: readonly z.core.$ZodIssue[], input: unknown, labels: FieldLabels = requestFields, within: readonly PathPart[] = []): Problem[] {
  return issues.flatMap((issue) => {
    const said = readIssueText(issue.message);
    const path = [...within, ...issue.path.map((part) => (typeof part === 'number' ? part : String(part)))];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => problemWith([...path, key].map(String).join('.'), said ? fromMessage(said) : text('zod.unknownField'), placeOf([...path, key], input, labels)));
    }
    return [problemWith(path.map(String).join('.') || '(body)', said ? fromMessage(said) : zodIssueText(issue), placeOf(path, input, labels))];
  });
}

/**
 * An engine's problems with a document (or calculator input) as problems of the field holding it:
 * `field` is `prefix` + the engine's path (`document.costs[3].code`), the label names the place
 * in the document ("成本项“林业建设”，类别").
 */
export function engineProblems(problems: readonly CodedProblem[], document: unknown, labels: FieldLabels, prefix = ''): Problem[] {
  return problems.map((p) => problemWith(prefix ? `${prefix}.${p.path}` : p.path, fromMessage(p), placeOf(p.path, document, labels)));
}
