import { compileTerms, parseTerms, TermsError, type PaymentTerms } from '@/lib/terms/schema';
import { isSettled, settle, traceSettlement, type TraceStep } from '@/lib/terms/settle';
import { LD, netSettlement, toFen, type Funder, type Netting, type Shares } from './ledger';
import { valuesForSettlement, type CellAssessment } from './monitoring';
import { problem, text, type Problem } from './local-text';
import { codedProblem } from './engine-message';

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
  closed: boolean;
}

export interface SettlementRun {
  year: number;
  /** The terms' `payment` in the terms' unit, full precision. */
  payment: string;
  /** Currency units per amount in the terms (1, 1000 …). */
  unit: number;
  /** The monitoring values used, by indicator. */
  values: Record<string, string>;
  /** Every formula's value for the year. */
  formulas: Record<string, string>;
  trace: TraceStep[];
  netting: Netting;
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
        formulas: { payment: text },
        trace: [{ name: 'payment', expr: 'scheduled', substituted: text, value: text, text: `payment = scheduled = ${text}` }],
        netting,
      },
    };
  }

  const monitoring = { [String(year)]: values.values };
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
    return {
      ok: true,
      run: { year, payment: settled.payment, unit: terms.unit, values: values.values, formulas: settled.values, trace, netting: netSettlement({ due, shares: input.shares, paid: input.paid }) },
    };
  } catch (error) {
    if (error instanceof TermsError) return { ok: false, problems: error.problems.map((p) => codedProblem(p)) };
    throw error;
  }
}
