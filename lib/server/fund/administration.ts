import 'server-only';
import { createHash } from 'node:crypto';
import { agreementTerms, runSettlement, termsIndicators, type SettlementRunOutcome } from '@/lib/domain/fund-settlement';
import { buildLedger, defaultShares, funders, isYearClosed, LD, signedPayment, type Funder, type LedgerLine, type LedgerPayment, type Shares } from '@/lib/domain/ledger';
import {
  assessMonitoring,
  canonicalValue,
  cellRule,
  comparisonOf,
  noTolerance,
  storedSamples,
  type CellAssessment,
  type CellRule,
  type MonitoringEntry,
  type MonitoringSide,
  type Resolution,
  type Tolerance,
} from '@/lib/domain/monitoring';
import { defaultRule, monitoringRules, type MonitoringRule, type PaymentTerms } from '@/lib/terms';
import type { Sample } from '@/lib/terms/measurement';
import { sharesOfTerms, termsInForce, type AmendmentChanges, type SignedAmendment } from '@/lib/domain/amendments';
import { ledgerByParty, sharesOfFunders, type LedgerPartyLine } from '@/lib/domain/party-split';
import { ZSchedule } from '@/lib/domain/offer-schedule';
import type { Agreement, DisputeResolution, MonitoringValue, Payment, Settlement } from '@/lib/generated/prisma/client';
import { canonicalJson } from '@/lib/infra/audit-chain';
import type { Tx } from '@/lib/server/transaction';

/**
 * Everything the fund knows about one agreement, read in one go: its terms and indicators, the
 * scheduled amount of each year in whole currency, tolerances, funding shares, every monitoring
 * result and resolution assessed cell by cell, settlements and payments. Shared by the use cases
 * of lib/server/fund; it decides nothing about access.
 */

export type Entry = MonitoringEntry & { row: MonitoringValue };
export type Ruling = Resolution & { row: DisputeResolution };

/** The schedule's amount for each year in whole currency (an amount times the unit, or price × volume). */
export function scheduledByYear(agreement: Pick<Agreement, 'schedule' | 'unit'>): Map<number, string> {
  const parsed = ZSchedule.safeParse(agreement.schedule);
  const byYear = new Map<number, string>();
  if (!parsed.success) return byYear;
  for (const entry of parsed.data) {
    const perYear = 'amount' in entry ? new LD(entry.amount).times(agreement.unit) : new LD(entry.pricePerM3).times(entry.volume);
    for (let year = entry.from; year <= entry.to; year++) byYear.set(year, perYear.toString());
  }
  return byYear;
}

export function toEntry(row: MonitoringValue): Entry {
  return { id: row.id, year: row.year, indicator: row.indicator, value: row.value, samples: storedSamples(row.samples), side: row.side as MonitoringSide, enteredAt: row.createdAt, row };
}

export function toRuling(row: DisputeResolution): Ruling {
  return {
    id: row.id,
    year: row.year,
    indicator: row.indicator,
    method: row.method,
    basisValueIds: row.basisValueIds,
    value: row.value,
    samples: storedSamples(row.samples),
    resolvedAt: row.createdAt,
    row,
  };
}

/**
 * How each indicator is judged: the required labs and the detection-limit rule always from the
 * terms in force (their defaults where they say nothing); the tolerance from them where they
 * state one, else the one the fund recorded for an agreement signed before tolerances were part
 * of the terms (docs/decisions/0066, 0089). Samples are compared on the annual figure unless the
 * rule says `compare: "sample"` (docs/decisions/0097).
 */
function cellRules(terms: PaymentTerms | null, declared: readonly string[], recorded: Record<string, Tolerance>): Record<string, CellRule> {
  const signed = terms ? monitoringRules(terms) : {};
  const rules: Record<string, CellRule> = {};
  for (const indicator of declared) {
    const rule = signed[indicator];
    const tolerance = terms?.monitoring?.[indicator]?.tolerance ? rule!.tolerance : (recorded[indicator] ?? noTolerance);
    const compare = comparisonOf(terms?.monitoring?.[indicator]);
    rules[indicator] = rule ? { labs: rule.labs, belowLimit: rule.belowLimit, tolerance, compare } : { ...cellRule(tolerance), compare };
  }
  return rules;
}

/** How a lab result of each declared indicator is read: unit and plausible range from the signed terms, their defaults otherwise. */
function resultRules(terms: PaymentTerms | null, declared: readonly string[], units: Record<string, string>): Record<string, MonitoringRule> {
  const signed = terms ? monitoringRules(terms) : {};
  return Object.fromEntries(declared.map((indicator) => [indicator, signed[indicator] ?? defaultRule(units[indicator] ?? '')]));
}

export async function loadAdministration(client: Tx, agreement: Agreement) {
  const where = { agreementId: agreement.id };
  const [values, resolutions, toleranceRows, shareRows, settlements, payments, amendmentRows] = await Promise.all([
    client.monitoringValue.findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    client.disputeResolution.findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    client.indicatorTolerance.findMany({ where }),
    client.fundingShare.findMany({ where }),
    client.settlement.findMany({ where, orderBy: { year: 'asc' } }),
    client.payment.findMany({ where, orderBy: [{ paidOn: 'asc' }, { createdAt: 'asc' }] }),
    client.agreementAmendment.findMany({ where: { ...where, signedAt: { not: null } }, orderBy: { number: 'asc' } }),
  ]);
  const termsRead = agreementTerms(agreement.terms);
  const terms = termsRead.ok ? termsRead.terms : null;
  const indicators = termsIndicators(terms);
  const years = Array.from({ length: agreement.endYear - agreement.startYear + 1 }, (_, i) => agreement.startYear + i);
  const tolerances: Record<string, Tolerance> = {};
  for (const row of toleranceRows)
    tolerances[row.indicator] = { absolute: row.absolute ? canonicalValue(row.absolute.toString()) : null, relative: row.relative ? canonicalValue(row.relative.toString()) : null };
  // Shares the fund recorded before the terms named them (docs/decisions/0089): read, never written again.
  const recordedShares: Shares | null = shareRows.length ? { CENTRAL: '0', DOWNSTREAM: '0', UPSTREAM: '0' } : null;
  for (const row of shareRows) recordedShares![row.funder] = row.share.toString();
  const amendments: SignedAmendment[] = amendmentRows.map((a) => ({ number: a.number, effectiveFrom: a.effectiveFrom, signedAt: a.signedAt!, changes: a.changes as AmendmentChanges }));
  const inForce = (year: number): PaymentTerms | null => (terms ? termsInForce(terms, amendments, year) : null);
  const rulesByYear = new Map<number, Record<string, CellRule>>();
  /** The rules a year is judged by: the signed terms overlaid by the amendments in force that year. */
  const rulesOf = (year: number): Record<string, CellRule> => {
    let rules = rulesByYear.get(year);
    if (!rules) rulesByYear.set(year, (rules = cellRules(inForce(year), indicators.declared, tolerances)));
    return rules;
  };
  /** Who funds a year: the terms in force, else what the fund recorded for an older agreement, else the default (docs/terms.md). */
  // Funders the terms name add up to the funding shares when the terms state none (docs/decisions/0098).
  const fundersShares = sharesOfFunders(terms?.parties);
  const sharesOf = (year: number): Shares => {
    const agreed = inForce(year)?.fundingShares;
    return agreed ? sharesOfTerms(agreed) : (fundersShares ?? recordedShares ?? { ...defaultShares });
  };
  const shownYear = Math.min(agreement.endYear, Math.max(agreement.startYear, new Date().getUTCFullYear()));
  const entries = values.map(toEntry);
  const rulings = resolutions.map(toRuling);
  const cells = assessMonitoring<Entry, Ruling>({ years, indicators: indicators.declared, entries, resolutions: rulings, rules: rulesOf });
  return {
    agreement,
    terms,
    termsProblems: termsRead.ok ? [] : termsRead.problems,
    indicators,
    years,
    scheduled: scheduledByYear(agreement),
    tolerances,
    amendments,
    rulesOf,
    sharesOf,
    /** The rules and shares of the year the pages show as current (this year, within the agreement's). */
    rules: rulesOf(shownYear),
    shares: sharesOf(shownYear),
    sharesAgreed: Boolean(inForce(shownYear)?.fundingShares) || fundersShares !== null || recordedShares !== null,
    resultRules: resultRules(terms, indicators.declared, indicators.units),
    entries,
    rulings,
    cells,
    settlements,
    payments,
  };
}

export type Administration = Awaited<ReturnType<typeof loadAdministration>>;

export function confirmedYears(admin: Pick<Administration, 'settlements'>): Set<number> {
  return new Set(admin.settlements.filter((s) => s.status === 'CONFIRMED').map((s) => s.year));
}

/** Everything paid for a year so far, signed, by funder: the advances a settlement nets. */
export function paidByFunder(payments: readonly Pick<Payment, 'year' | 'funder' | 'direction' | 'amount'>[], year: number): Record<Funder, string> {
  const paid = Object.fromEntries(funders.map((f) => [f, new LD(0)])) as Record<Funder, InstanceType<typeof LD>>;
  for (const p of payments) if (p.year === year) paid[p.funder] = paid[p.funder].plus(signedPayment(p.direction, p.amount.toString()));
  return Object.fromEntries(funders.map((f) => [f, paid[f].toFixed(2)])) as Record<Funder, string>;
}

/** What a run of `year` read of one indicator: the annual figure, the cell's state, the results and resolution it rests on, and the samples when there were. */
export interface SettlementInput {
  value: string | null;
  state: string;
  entryIds: string[];
  resolutionId: string | null;
  /** The dated samples the settlement read (docs/decisions/0097); absent for one value, so older runs keep their fingerprint. */
  samples?: Sample[];
}

/** The cells a run of `year` rests on, identified by their entries and resolutions. */
function inputsOf(cells: readonly CellAssessment<Entry, Ruling>[], year: number, needed: readonly string[]) {
  const inputs: Record<string, SettlementInput> = {};
  for (const cell of cells) {
    if (cell.year !== year || !needed.includes(cell.indicator)) continue;
    inputs[cell.indicator] = {
      value: cell.value,
      state: cell.state,
      entryIds: cell.current.map((e) => e.id),
      resolutionId: cell.resolution?.id ?? null,
      ...(cell.measurement !== null && typeof cell.measurement !== 'string' ? { samples: [...cell.measurement] } : {}),
    };
  }
  return inputs;
}

/** The terms run for a year on the data as it stands, with the fingerprint of everything it rests on. */
export function runYear(admin: Administration, year: number, now: Date): { outcome: SettlementRunOutcome; inputs: ReturnType<typeof inputsOf>; fingerprint: string | null } {
  const paid = paidByFunder(admin.payments, year);
  const outcome = admin.termsProblems.length
    ? ({ ok: false, problems: admin.termsProblems } as const)
    : runSettlement({
        terms: admin.agreement.terms,
        year,
        startYear: admin.agreement.startYear,
        endYear: admin.agreement.endYear,
        scheduled: admin.scheduled.get(year) ?? null,
        cells: admin.cells,
        shares: admin.sharesOf(year),
        paid,
        payments: admin.payments.filter((p) => p.year === year).map((p) => ({ funder: p.funder, partyId: p.partyId, direction: p.direction, amount: p.amount.toString() })),
        closed: isYearClosed(year, now),
      });
  const inputs = inputsOf(admin.cells, year, admin.indicators.needed);
  const fingerprint = outcome.ok
    ? createHash('sha256')
        .update(
          canonicalJson({ agreementId: admin.agreement.id, year, inputs, payment: outcome.run.payment, formulas: outcome.run.formulas, netting: outcome.run.netting, shares: admin.sharesOf(year) }),
        )
        .digest('hex')
    : null;
  return { outcome, inputs, fingerprint };
}

/** The confirmed settlement's part for each funder, for the ledger. */
export function settledSplit(settlement: Pick<Settlement, 'funders'>): Record<Funder, string> {
  const split = { CENTRAL: '0', DOWNSTREAM: '0', UPSTREAM: '0' } as Record<Funder, string>;
  for (const row of settlement.funders as { funder: Funder; due: string }[]) split[row.funder] = row.due;
  return split;
}

const ledgerPayment = (p: Payment): LedgerPayment => ({ agreementId: p.agreementId, year: p.year, funder: p.funder, partyId: p.partyId, direction: p.direction, amount: p.amount.toString() });

/** The ledger's lines by organisation when the terms name the parties (docs/decisions/0098, 0110), with what each paid; none otherwise. */
export function partyLedgerOf(admin: Pick<Administration, 'terms' | 'payments'>, lines: readonly LedgerLine[]): LedgerPartyLine[] {
  return admin.terms?.parties ? ledgerByParty(lines, admin.terms.parties, admin.payments.map(ledgerPayment)) : [];
}

/** The agreement's ledger lines: every year of the agreement, plus any year with payments. */
export function ledgerOf(admin: Pick<Administration, 'agreement' | 'years' | 'scheduled' | 'sharesOf' | 'settlements' | 'payments'>) {
  const confirmed = new Map(admin.settlements.filter((s) => s.status === 'CONFIRMED').map((s) => [s.year, s]));
  const payments = admin.payments.map(ledgerPayment);
  return buildLedger({
    years: admin.years.map((year) => {
      const settlement = confirmed.get(year);
      return { agreementId: admin.agreement.id, year, scheduled: admin.scheduled.get(year) ?? null, shares: admin.sharesOf(year), settled: settlement ? settledSplit(settlement) : null };
    }),
    payments,
  });
}

export const ruleOf = (admin: Pick<Administration, 'rulesOf'>, year: number, indicator: string): CellRule => admin.rulesOf(year)[indicator] ?? cellRule();
