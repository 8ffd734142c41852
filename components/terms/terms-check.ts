import { parseTerms, type Problem, type TermsOutcome } from '@/lib/terms/schema';
import { parseMonitoring, settle, traceSettlement, type Monitoring, type Settlement, type YearTrace } from '@/lib/terms/settle';
import { filledMeasurements } from '@/lib/terms/measurement';
import { termsDocument, type TermsDraft } from './terms-draft';

// No 'use client': the terms page checks its first draft on the server with this, and the editor
// in the browser once the reader edits (use-terms-check.ts). Everything it returns is plain data.

/** The back-test: nothing while the terms are refused, the monitoring data's problems, or what each year pays and why. */
export type BackTest = null | { kind: 'refused'; problems: Problem[] } | { kind: 'settled'; settlement: Settlement; traces: YearTrace[] };

export interface TermsCheck {
  outcome: TermsOutcome;
  backTest: BackTest;
}

/** The terms as the engine reads them, and the back-test on the monitoring data entered (empty cells left out). */
export function checkTerms(value: TermsDraft, monitoring: Monitoring, scheduled?: Record<string, string>): TermsCheck {
  const outcome = parseTerms(termsDocument(value));
  if (!outcome.ok) return { outcome, backTest: null };
  const parsed = parseMonitoring(filledMeasurements(monitoring), outcome.terms);
  if (!parsed.ok) return { outcome, backTest: { kind: 'refused', problems: parsed.problems } };
  const options = scheduled ? { scheduled } : {};
  return { outcome, backTest: { kind: 'settled', settlement: settle(outcome.terms, parsed.monitoring, options), traces: traceSettlement(outcome.terms, parsed.monitoring, options) } };
}
