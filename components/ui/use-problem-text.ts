'use client';

import { useMemo } from 'react';
import type { ApiProblem } from '@/components/api-client';
import type { CodedProblem, Message } from '@/lib/engine';
import { fromMessage, render } from '@/lib/domain/local-text';
import { placeOf, type FieldLabels } from '@/lib/domain/problem-place';
import { useTextCatalogue } from './use-text-catalogue';

/** The document a file holds, for naming its problems' places; nothing when it is not JSON. */
export function documentOf(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export interface ProblemText {
  /** An engine's message (a problem, a trace's formula or label) in the page's language. */
  message(what: Message): string;
  place(path: string, input: unknown, labels: FieldLabels): string;
  /** An engine's problems with `input` as the API's problems, for the same error box. */
  list(problems: readonly CodedProblem[], input: unknown, labels: FieldLabels): ApiProblem[];
}

/** The engines' codes in the page's language: messages from their codes, places by the fields' labels. */
export function useProblemText(): ProblemText {
  const lang = useTextCatalogue(['engine', 'places']);
  return useMemo(() => {
    const message = (what: Message) => render(fromMessage(what), lang);
    const place = (path: string, input: unknown, labels: FieldLabels) => render(placeOf(path, input, labels), lang);
    return { message, place, list: (problems, input, labels) => problems.map((p) => ({ field: p.path, label: place(p.path, input, labels), message: message(p) })) };
  }, [lang]);
}
