import { z } from 'zod';
import { readMonitoringSections, type MonitoringRuleInput, type TermsFunder } from '@/lib/terms/monitoring-rules';
import type { PaymentTerms } from '@/lib/terms/schema';
import type { Funder, Shares } from './ledger';
import { fromMessage, problem, say, text, type Problem } from './local-text';

/**
 * Amendments of a signed agreement (docs/decisions/0089): what changes (monitoring rules per
 * indicator, funding shares), from which year, and the rules in force for a year once both parties
 * have signed. Pure: the use cases in lib/server/agreements read and write the rows.
 */

/** The changed sections, written as in payment-terms/1 (docs/terms.md). */
export interface AmendmentChanges {
  monitoring?: Record<string, MonitoringRuleInput>;
  fundingShares?: Partial<Record<TermsFunder, string>>;
}

export const ZAmendmentChanges = z.strictObject({
  monitoring: z.record(z.string().max(100), z.record(z.string(), z.unknown())).optional(),
  fundingShares: z.record(z.string().max(20), z.string().max(40)).optional(),
});

export const ZProposeAmendment = z.strictObject({
  effectiveFrom: z.number(say('amendment.effectiveFromYear')).int(say('amendment.effectiveFromYear')),
  reason: z
    .string(say('amendment.reasonRequired'))
    .trim()
    .min(1, say('amendment.reasonRequired'))
    .max(2000, say('atMostCharacters', { max: 2000 })),
  changes: ZAmendmentChanges,
});
export type ProposeAmendmentInput = z.infer<typeof ZProposeAmendment>;

/** A signed amendment as the overlay needs it. */
export interface SignedAmendment {
  number: number;
  effectiveFrom: number;
  signedAt: Date;
  changes: AmendmentChanges;
}

/**
 * The terms with one amendment's changes laid over them: a changed rule replaces the fields it
 * names (a tolerance as a whole, so `{}` means the labs must agree exactly), changed funding shares
 * replace the split (a funder left out has share 0, as in the terms).
 */
export function amendTerms<T extends Pick<PaymentTerms, 'monitoring' | 'fundingShares'>>(terms: T, changes: AmendmentChanges): T {
  const out = { ...terms };
  if (changes.monitoring) {
    const monitoring: Record<string, MonitoringRuleInput> = { ...terms.monitoring };
    for (const [indicator, rule] of Object.entries(changes.monitoring)) {
      Object.defineProperty(monitoring, indicator, { value: { ...monitoring[indicator], ...rule }, enumerable: true, writable: true, configurable: true });
    }
    out.monitoring = monitoring;
  }
  if (changes.fundingShares) out.fundingShares = { central: '0', downstream: '0', upstream: '0', ...changes.fundingShares };
  return out;
}

/**
 * The terms in force for a year: the signed terms overlaid, in the order they were signed, by every
 * signed amendment effective from that year or earlier. A year before an amendment's first year
 * keeps the rules it was signed under.
 */
export function termsInForce<T extends Pick<PaymentTerms, 'monitoring' | 'fundingShares'>>(terms: T, amendments: readonly SignedAmendment[], year: number): T {
  return [...amendments]
    .filter((a) => a.effectiveFrom <= year)
    .sort((a, b) => a.signedAt.getTime() - b.signedAt.getTime() || a.number - b.number)
    .reduce((current, amendment) => amendTerms(current, amendment.changes), terms);
}

/** The terms' funding shares as the ledger names the funders. */
export function sharesOfTerms(fundingShares: Partial<Record<TermsFunder, string>>): Shares {
  return { CENTRAL: fundingShares.central ?? '0', DOWNSTREAM: fundingShares.downstream ?? '0', UPSTREAM: fundingShares.upstream ?? '0' } satisfies Record<Funder, string>;
}

/**
 * What is wrong with a proposed amendment of these terms: nothing changed, a year outside the
 * agreement or not after the last confirmed year, or sections that would not read (checked by
 * reading the amended document as the terms are read, so the same rules hold).
 */
export function amendmentProblems(input: { terms: PaymentTerms; changes: AmendmentChanges; effectiveFrom: number; startYear: number; endYear: number; lastConfirmedYear: number | null }): Problem[] {
  const { terms, changes, effectiveFrom, startYear, endYear, lastConfirmedYear } = input;
  const problems: Problem[] = [];
  if (!Object.keys(changes.monitoring ?? {}).length && !changes.fundingShares) problems.push(problem('changes', text('amendment.nothingChanged')));
  const firstOpen = Math.max(startYear, (lastConfirmedYear ?? startYear - 1) + 1);
  if (effectiveFrom < firstOpen || effectiveFrom > endYear) problems.push(problem('effectiveFrom', text('amendment.effectiveFromBetween', { from: firstOpen, to: endYear })));
  const amended = amendTerms({ indicators: terms.indicators, monitoring: terms.monitoring, fundingShares: terms.fundingShares }, changes);
  const read = readMonitoringSections(amended);
  // Only what the amendment touches is reported: the signed sections were read when they were signed.
  const touched = (path: string) =>
    path.startsWith('monitoring.')
      ? Object.keys(changes.monitoring ?? {}).some((name) => path === `monitoring.${name}` || path.startsWith(`monitoring.${name}.`))
      : path.startsWith('fundingShares') && Boolean(changes.fundingShares);
  for (const p of read.problems) if (touched(p.path)) problems.push(problem(`changes.${p.path}`, fromMessage(p)));
  return problems;
}

/** The agreement page's proposal form: one tolerance or the funding shares, as typed. */
export const ZAmendmentForm = z.object({
  kind: z.enum(['tolerance', 'shares']),
  indicator: z.string().max(100),
  absolute: z.string().trim().max(40),
  relative: z.string().trim().max(40),
  central: z.string().trim().max(40),
  downstream: z.string().trim().max(40),
  upstream: z.string().trim().max(40),
  effectiveFrom: z.number(say('amendment.effectiveFromYear')).int(say('amendment.effectiveFromYear')),
  reason: z
    .string()
    .trim()
    .min(1, say('amendment.reasonRequired'))
    .max(2000, say('atMostCharacters', { max: 2000 })),
});
export type AmendmentForm = z.infer<typeof ZAmendmentForm>;

/** The proposal a filled-in form makes: empty parts of a tolerance are left out, empty shares count as 0. */
export function proposalOfForm(form: AmendmentForm): ProposeAmendmentInput {
  const changes: ProposeAmendmentInput['changes'] =
    form.kind === 'tolerance'
      ? { monitoring: { [form.indicator]: { tolerance: { ...(form.absolute ? { absolute: form.absolute } : {}), ...(form.relative ? { relative: form.relative } : {}) } } } }
      : { fundingShares: { central: form.central || '0', downstream: form.downstream || '0', upstream: form.upstream || '0' } };
  return { effectiveFrom: form.effectiveFrom, reason: form.reason, changes };
}
