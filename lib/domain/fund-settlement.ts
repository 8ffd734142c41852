import { compileTerms, parseTerms, TermsError, type PaymentTerms } from '@/lib/terms/schema';
import { isSettled, settle, traceSettlement, type Monitoring, type TraceStep } from '@/lib/terms/settle';
import type { Measurement } from '@/lib/terms/measurement';
import { LD, netSettlement, toFen, type Funder, type Netting, type Shares } from './ledger';
import { valuesForSettlement, type CellAssessment } from './monitoring';
import { problem, text, type Problem } from './local-text';
import { codedProblem } from './engine-message';
import { partyNetting, type PartyNetting, type PartyPayment } from './party-split';

/**
 * Running an agreement's terms for one closed year (docs/decisions/0016): the undisputed monitoring
 * values in, the amount due with its direction, the formula trace and the netting of advances out.
 * Every reason the year cannot be settled is collected, so the administrator sees all of them at
 * once; nothing is ever settled on missing or disputed data.
 */

export type SettlementProblem = Problem;

export interface SettlementRunInput {
  terms: unknown;
  year: number;
  startYear: number;
  endYear: number;
  /** The agreement's scheduled amount for the year in whole currency, or null. */
  scheduled: string | null;
  cells: readonly CellAssessment[];
  shares: Shares;
  /** Everything paid for the year so far, signed, by funder: the advances to net. */
  paid: Partial<Record<Funder, string>>;
  /** The year's payments with the organisations they name (docs/decisions/0110): each payer's advances by party. */
  payments?: readonly PartyPayment[];
  closed: boolean;
}

export interface SettlementRun {
  year: number;
  /** The terms' `payment` in the terms' unit, full precision. */
  payment: string;
  /** Currency units per amount in the terms (1, 1000 …). */
  unit: number;
  /** The monitoring values used, by indicator: each one's annual figure (one value, or the mean of its samples). */
  values: Record<string, string>;
  /** What the terms read, by indicator: one value, or the dated samples (docs/decisions/0097). */
  measurements: Record<string, Measurement>;
  /** Every formula's value for the year. */
  formulas: Record<string, string>;
  trace: TraceStep[];
  netting: Netting;
  /** The netting by party when the terms name the parties (docs/decisions/0098), else null. */
  parties: PartyNetting[] | null;
}

export type SettlementRunOutcome = { ok: true; run: SettlementRun } | { ok: false; problems: SettlementProblem[] };

/** The terms an agreement states, or the fixed schedule when it states none. */
export function agreementTerms(terms: unknown): { ok: true; terms: PaymentTerms | null } | { ok: false; problems: SettlementProblem[] } {
  if (terms === null || terms === undefined) return { ok: true, terms: null };
  const parsed = parseTerms(terms);
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => codedProblem(p, `terms.${p.path}`)) };
  return { ok: true, terms: parsed.terms };
}

/** The indicators the terms read (the ones a settlement needs), and all they declare, in alphabetical order. */
export function termsIndicators(terms: PaymentTerms | null): { declared: string[]; needed: string[]; units: Record<string, string> } {
  if (!terms) return { declared: [], needed: [], units: {} };
  // Alphabetical: a stored document's key order is not kept (PostgreSQL's jsonb reorders keys).
  return { declared: Object.keys(terms.indicators).sort(), needed: [...compileTerms(terms).needs].sort(), units: { ...terms.indicators } };
}

export function runSettlement(input: SettlementRunInput): SettlementRunOutcome {
  const problems: SettlementProblem[] = [];
  const { year } = input;
  if (year < input.startYear || year > input.endYear) problems.push(problem('year', text('yearOutsideAgreement', { year, from: input.startYear, to: input.endYear })));
  if (!input.closed) problems.push(problem('year', text('yearNotOver', { year })));
  const read = agreementTerms(input.terms);
  if (!read.ok) return { ok: false, problems: [...problems, ...read.problems] };
  const terms = read.terms;
  if (terms && (year < terms.from || year > terms.to)) problems.push(problem('year', text('yearOutsideTerms', { year, from: terms.from, to: terms.to })));

  const { needed } = termsIndicators(terms);
  const values = valuesForSettlement(input.cells, year, needed);
  if (!values.ok) problems.push(...values.problems);

  const readsScheduled = terms ? compileTerms(terms).usesScheduled : true;
  if (readsScheduled && input.scheduled === null) problems.push(problem('scheduled', text('noScheduledAmount', { year })));
  if (problems.length || !values.ok) return { ok: false, problems };

  if (!terms) {
    const scheduled = new LD(input.scheduled!);
    const netting = netSettlement({ due: scheduled, shares: input.shares, paid: input.paid });
    const text = scheduled.toString();
    return {
      ok: true,
      run: {
        year,
        payment: text,
        unit: 1,
        values: {},
        measurements: {},
        formulas: { payment: text },
        trace: [{ name: 'payment', expr: 'scheduled', substituted: text, value: text, text: `payment = scheduled = ${text}` }],
        netting,
        parties: null,
      },
    };
  }

  // One value or the year's samples per indicator (lib/terms/measurement.ts): the terms count a
  // censored sample by their detection-limit rule, and a bare indicator means its samples' mean.
  const monitoring: Monitoring = { [String(year)]: values.measurements };
  // The schedule is whole currency; the terms count in their own unit.
  const scheduled = input.scheduled === null ? undefined : { [String(year)]: new LD(input.scheduled).dividedBy(terms.unit).toString() };
  try {
    const result = settle(terms, monitoring, scheduled ? { scheduled } : {});
    const settled = result.years.find((y) => y.year === year);
    if (!settled) return { ok: false, problems: [problem('year', text('termsSettleNothing', { year }))] };
    if (!isSettled(settled)) {
      if ('missing' in settled) return { ok: false, problems: settled.missing.map((name) => problem(`${year}.${name}`, text('noValueForYear', { name, year }))) };
      return { ok: false, problems: [codedProblem({ path: `terms.${settled.formula}`, ...settled.error })] };
    }
    const trace = traceSettlement(terms, monitoring, scheduled ? { scheduled } : {}).find((t) => t.year === year)?.steps ?? [];
    const due = toFen(new LD(settled.payment).times(terms.unit));
    const netting = netSettlement({ due, shares: input.shares, paid: input.paid });
    return {
      ok: true,
      run: {
        year,
        payment: settled.payment,
        unit: terms.unit,
        values: values.values,
        measurements: values.measurements,
        formulas: settled.values,
        trace,
        netting,
        parties: terms.parties ? partyNetting(netting, terms.parties, input.payments) : null,
      },
    };
  } catch (error) {
    if (error instanceof TermsError) return { ok: false, problems: error.problems.map((p) => codedProblem(p)) };
    throw error;
  }
}
