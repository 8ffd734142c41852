'use client';

import { useEffect, useMemo } from 'react';
import { lazyModule } from '@/components/ui/lazy-module';
import type { ParseOutcome } from '@/lib/engine/schema';
import type { ScenarioDocument } from './model';

/**
 * The engine's document schema (lib/engine/schema.ts, with zod) comes to the browser when the
 * reader starts editing, not with the page: a version only read, or the editor before its first
 * focus, shows the outcome the server parsed (docs/decisions/0099-page-weight-under-200-kb.md).
 */
type Parse = (json: unknown) => ParseOutcome;

const scenarioParser = lazyModule<Parse>(() => import('@/lib/engine/schema').then((schema) => schema.parseScenario));

/** Fetches the parser once (again after a failed fetch); the editor asks for it on the first focus or press inside it. */
export const loadScenarioParser = (): void => scenarioParser.request();

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
  const parse = scenarioParser.useLoaded();
  const known = document === parsed.document;
  const outcome = useMemo(() => (known ? parsed.outcome : parse ? parse(document) : null), [known, parsed.outcome, parse, document]);
  useEffect(() => {
    if (outcome === null) loadScenarioParser();
  }, [outcome, document]);
  return outcome ? { outcome, pending: false } : { outcome: parsed.outcome, pending: true };
}
