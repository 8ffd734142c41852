'use client';

import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { ParseOutcome } from '@/lib/engine/schema';
import type { ScenarioDocument } from './model';

/**
 * The engine's document schema (lib/engine/schema.ts, with zod) comes to the browser when the
 * reader starts editing, not with the page: a version only read, or the editor before its first
 * focus, shows the outcome the server parsed (docs/decisions/0099-page-weight-under-200-kb.md).
 */
type Parse = (json: unknown) => ParseOutcome;

let parser: Parse | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

/** Fetches the parser once (again after a failed fetch); the editor asks for it on the first focus or press inside it. */
export function loadScenarioParser(): void {
  loading ??= import('@/lib/engine/schema').then(
    (schema) => {
      parser = schema.parseScenario;
      for (const listener of listeners) listener();
    },
    () => {
      loading = null;
    },
  );
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** A document's outcome as parsed on the server: the editor's first document, and what parsing it gave. */
export interface ParsedDocument {
  document: ScenarioDocument;
  outcome: ParseOutcome;
}

/**
 * The outcome of `document`: the server's while it is the document the server parsed, the
 * browser's once it changed. `pending` while a changed document waits for the parser to arrive;
 * the outcome shown meanwhile is the server's.
 */
export function useScenarioOutcome(document: ScenarioDocument, parsed: ParsedDocument): { outcome: ParseOutcome; pending: boolean } {
  const parse = useSyncExternalStore(
    subscribe,
    () => parser,
    () => null,
  );
  const known = document === parsed.document;
  const outcome = useMemo(() => (known ? parsed.outcome : parse ? parse(document) : null), [known, parsed.outcome, parse, document]);
  useEffect(() => {
    if (outcome === null) loadScenarioParser();
  }, [outcome, document]);
  return outcome ? { outcome, pending: false } : { outcome: parsed.outcome, pending: true };
}
