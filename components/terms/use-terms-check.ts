'use client';

import { useEffect, useMemo } from 'react';
import { lazyModule } from '@/components/ui/lazy-module';
import type { Monitoring } from '@/lib/terms/settle';
import type { checkTerms as CheckTerms, TermsCheck } from './terms-check';
import type { TermsDraft } from './terms-draft';

/**
 * The terms engine (its formula parser and zod) comes to the browser when the reader starts
 * editing the terms, not with the page: the first draft is checked on the server
 * (docs/decisions/0099-page-weight-under-200-kb.md).
 */
const termsEngine = lazyModule<typeof CheckTerms>(() => import('./terms-check').then((engine) => engine.checkTerms));

/** Fetches the engine once (again after a failed fetch): on the first focus or press in the editor, or when an offer is started. */
export const loadTermsCheck = (): void => termsEngine.request();

/** A draft and its back-test data as checked on the server: the editor's first state. */
export interface CheckedTerms {
  value: TermsDraft;
  monitoring: Monitoring;
  check: TermsCheck;
}

/**
 * The check of the draft: the server's while the draft and its data are the ones it checked, the
 * browser's after an edit. `pending` while an edited draft waits for the engine; the check shown
 * meanwhile is the server's (none in an editor the server did not check).
 */
export function useTermsCheck(
  value: TermsDraft,
  monitoring: Monitoring,
  scheduled: Record<string, string> | undefined,
  checked: CheckedTerms | undefined,
): { check: TermsCheck | null; pending: boolean } {
  const engine = termsEngine.useLoaded();
  const known = checked !== undefined && value === checked.value && monitoring === checked.monitoring && scheduled === undefined;
  const result = useMemo(() => (known && checked ? checked.check : engine ? engine(value, monitoring, scheduled) : null), [known, checked, engine, value, monitoring, scheduled]);
  useEffect(() => {
    if (result === null) loadTermsCheck();
  }, [result, value, monitoring, scheduled]);
  return result ? { check: result, pending: false } : { check: checked?.check ?? null, pending: true };
}
