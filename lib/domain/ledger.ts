import Decimal from 'decimal.js';
import { parseDecimal } from '@/lib/engine/decimal';
import { codeNames, problem, refusal, text, type Problem, type Refusal } from './local-text';

/**
 * The fund's ledger (docs/decisions/0016): what each funder was scheduled to pay toward the
 * upstream party for a year of an agreement, what the confirmed settlement says is due, what was
 * paid, and what is still outstanding. Money is whole currency (CNY) to the fen, decimal.js with
 * ROUND_HALF_UP; nothing here ever passes through a JavaScript number.
 *
 * Sign convention, everywhere: a funder's amount is what that funder pays to the upstream party; a
 * negative amount flows the other way (the upstream party refunds an advance, or compensates the
 * downstream party when the terms say the water got worse).
 */

export const funders = ['CENTRAL', 'DOWNSTREAM', 'UPSTREAM'] as const;
export type Funder = (typeof funders)[number];
/** The funders as messages name them, each with its Chinese name beside it. */
export const funderNames = codeNames(funders, { central: 'CENTRAL', downstream: 'DOWNSTREAM', upstream: 'UPSTREAM' });

export function isFunder(value: unknown): value is Funder {
  return typeof value === 'string' && (funders as readonly string[]).includes(value);
}

/** TO_UPSTREAM: the funder pays the upstream party. FROM_UPSTREAM: the upstream party pays the funder (a refund, or compensation owed downstream). */
export const paymentDirections = ['TO_UPSTREAM', 'FROM_UPSTREAM'] as const;
export type PaymentDirection = (typeof paymentDirections)[number];

/** Half-up (四舍五入) to the fen, 64 significant digits before rounding. */
export const LD = Decimal.clone({ precision: 64, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -9e15, toExpPos: 9e15 });
export type LDec = Decimal;

const ZERO = new LD(0);

export function toFen(value: Decimal.Value): LDec {
  return new LD(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** An amount as stored and sent: two decimals, "-0.00" normalised. */
export function fenText(value: Decimal.Value): string {
  const fen = toFen(value);
  return fen.isZero() ? '0.00' : fen.toFixed(2);
}

const sum = (values: readonly Decimal.Value[]) => values.reduce<LDec>((total, v) => total.plus(v), ZERO);

// --- Funding shares --------------------------------------------------------------------------

/** Fractions of each payment to the upstream party, by funder; they sum to exactly 1. */
export type Shares = Record<Funder, string>;

/** No shares agreed: the downstream party funds everything. */
export const defaultShares: Shares = { CENTRAL: '0', DOWNSTREAM: '1', UPSTREAM: '0' };

export type LedgerProblem = Problem;

/** Shares as entered (fractions, missing = 0): each from 0 to 1, together exactly 1. */
export function parseShares(input: Partial<Record<string, string>>): { ok: true; shares: Shares } | { ok: false; problems: LedgerProblem[] } {
  const problems: LedgerProblem[] = [];
  const shares = { CENTRAL: '0', DOWNSTREAM: '0', UPSTREAM: '0' } as Shares;
  for (const key of Object.keys(input)) if (!isFunder(key)) problems.push(problem(key, text('notAFunder', funderNames)));
  for (const funder of funders) {
    const raw = input[funder];
    if (raw === undefined || raw.trim() === '') continue;
    const parsed = parseDecimal(raw.trim());
    if (!parsed.ok) problems.push(problem(funder, text('notDecimal', { raw })));
    else if (parsed.value.isNegative() || parsed.value.greaterThan(1)) problems.push(problem(funder, text('shareRange')));
    else shares[funder] = new LD(parsed.value).toString();
  }
  if (!problems.length) {
    const total = sum(funders.map((f) => shares[f]));
    if (!total.equals(1)) problems.push(problem('shares', text('sharesTotal', { total: total.toString() })));
  }
  return problems.length ? { ok: false, problems } : { ok: true, shares };
}

/**
 * An amount split between the funders, each part rounded half-up to the fen and the rounding
 * remainder given to the largest share (the first of equal ones), so that the parts add up to the
 * amount to the fen. A negative amount (the upstream party pays) is owed to the downstream party
 * alone: the shares fund payments to the upstream party, not penalties it owes.
 */
export function splitByShares(amount: Decimal.Value, shares: Shares): Record<Funder, LDec> {
  const total = toFen(amount);
  if (total.isNegative()) return { CENTRAL: ZERO, DOWNSTREAM: total, UPSTREAM: ZERO };
  const parts = { CENTRAL: ZERO, DOWNSTREAM: ZERO, UPSTREAM: ZERO } as Record<Funder, LDec>;
  for (const funder of funders) parts[funder] = toFen(total.times(shares[funder]));
  const remainder = total.minus(sum(funders.map((f) => parts[f])));
  if (!remainder.isZero()) {
    const largest = funders.reduce((best, f) => (new LD(shares[f]).greaterThan(shares[best]) ? f : best), funders[0]);
    parts[largest] = parts[largest].plus(remainder);
  }
  return parts;
}

// --- Settlement netting -----------------------------------------------------------------------

export interface FunderNetting {
  funder: Funder;
  /** This funder's part of the amount due. */
  due: string;
  /** What this funder had paid for the year before the settlement (advances, signed). */
  advances: string;
  /** due − advances: positive still to pay, negative a refund the upstream party owes the funder. */
  balance: string;
}

export interface Netting {
  /** The amount due for the year in whole currency, to the fen: positive downstream → upstream. */
  due: string;
  direction: PaymentDirection | 'NONE';
  advances: string;
  balance: string;
  funders: FunderNetting[];
}

/** The amount due, split by funder, less what each funder already paid for the year. */
export function netSettlement(input: { due: Decimal.Value; shares: Shares; paid: Partial<Record<Funder, Decimal.Value>> }): Netting {
  const due = toFen(input.due);
  const parts = splitByShares(due, input.shares);
  const rows = funders.map((funder) => {
    const advances = toFen(input.paid[funder] ?? 0);
    return { funder, due: parts[funder], advances, balance: parts[funder].minus(advances) };
  });
  return {
    due: fenText(due),
    direction: due.isZero() ? 'NONE' : due.isNegative() ? 'FROM_UPSTREAM' : 'TO_UPSTREAM',
    advances: fenText(sum(rows.map((r) => r.advances))),
    balance: fenText(sum(rows.map((r) => r.balance))),
    funders: rows.map((r) => ({ funder: r.funder, due: fenText(r.due), advances: fenText(r.advances), balance: fenText(r.balance) })),
  };
}

// --- Payments ---------------------------------------------------------------------------------

/** A payment's effect on its funder's line: positive toward the upstream party. */
export function signedPayment(direction: PaymentDirection, amount: Decimal.Value): LDec {
  return direction === 'TO_UPSTREAM' ? toFen(amount) : toFen(amount).negated();
}

/** A payment amount as entered: a positive decimal with at most two decimals (fen). */
export function parsePaymentAmount(raw: string): { ok: true; amount: LDec } | ({ ok: false } & Refusal) {
  const parsed = parseDecimal(raw.trim());
  if (!parsed.ok || typeof raw !== 'string') return { ok: false, ...refusal(text('amountNotDecimal', { raw })) };
  const value = new LD(parsed.value);
  if (!value.isPositive() || value.isZero()) return { ok: false, ...refusal(text('amountNotPositive')) };
  if (value.decimalPlaces() > 2) return { ok: false, ...refusal(text('amountToTheFen', { raw })) };
  // The ledger stores Decimal(24, 2): anything from 10²² CNY up would fail in PostgreSQL, not here.
  if (value.gte('1e22')) return { ok: false, ...refusal(text('amountTooLarge', { raw })) };
  return { ok: true, amount: value };
}

export interface LineBalance {
  scheduled: Decimal.Value;
  /** The funder's part of the confirmed settlement, or null before it. */
  settled: Decimal.Value | null;
  /** Everything paid on the line so far, signed. */
  paid: Decimal.Value;
}

/**
 * What is still owed in a direction: against the settlement once confirmed, against the scheduled
 * amount before it (an advance). Never negative.
 */
export function owedInDirection(line: LineBalance, direction: PaymentDirection): LDec {
  const balance = new LD(line.settled ?? line.scheduled).minus(line.paid);
  const owed = direction === 'TO_UPSTREAM' ? balance : balance.negated();
  return owed.isNegative() ? ZERO : toFen(owed);
}

/**
 * A payment larger than what is owed in its direction is an overpayment: refused unless it comes
 * with a note saying why (it then stays on the ledger as a negative balance to recover).
 */
export function checkPayment(input: {
  line: LineBalance;
  direction: PaymentDirection;
  amount: string;
  overpaymentNote?: string | null;
}): { ok: true; amount: string; overpayment: string | null } | { ok: false; problems: LedgerProblem[] } {
  const parsed = parsePaymentAmount(input.amount);
  if (!parsed.ok) return { ok: false, problems: [problem('amount', parsed.text)] };
  const owed = owedInDirection(input.line, input.direction);
  if (parsed.amount.lessThanOrEqualTo(owed)) return { ok: true, amount: fenText(parsed.amount), overpayment: null };
  const excess = parsed.amount.minus(owed);
  if (!input.overpaymentNote?.trim()) {
    const against = text(input.line.settled === null ? 'overpaymentAgainst.scheduled' : 'overpaymentAgainst.outstanding');
    return { ok: false, problems: [problem('amount', text('overpayment', { amount: fenText(parsed.amount), against, owed: fenText(owed), excess: fenText(excess) }))] };
  }
  return { ok: true, amount: fenText(parsed.amount), overpayment: fenText(excess) };
}

// --- The ledger -------------------------------------------------------------------------------

export interface LedgerYearInput {
  agreementId: string;
  year: number;
  /** The agreement's scheduled amount for the year in whole currency, or null when it schedules none. */
  scheduled: Decimal.Value | null;
  shares: Shares;
  /** The confirmed settlement's split by funder; null before confirmation. */
  settled: Record<Funder, Decimal.Value> | null;
}

export interface LedgerPayment {
  agreementId: string;
  year: number;
  funder: Funder;
  /** The organisation (its id in the terms) on the funder line that paid it, when the terms name the parties (docs/decisions/0110). */
  partyId?: string | null;
  direction: PaymentDirection;
  amount: Decimal.Value;
}

export interface LedgerLine {
  agreementId: string;
  year: number;
  funder: Funder;
  scheduled: string;
  settled: string | null;
  paid: string;
  /** settled − paid once settled (negative: a refund the upstream party owes); null before. */
  outstanding: string | null;
}

export interface LedgerTotals {
  scheduled: string;
  settled: string;
  paid: string;
  /** Paid on years not settled yet. */
  advances: string;
  /** Net outstanding of settled lines; its two directions below. */
  outstanding: string;
  owedToUpstream: string;
  owedByUpstream: string;
}

const key = (agreementId: string, year: number) => `${agreementId}\u0000${year}`;

export function totalsOf(lines: readonly LedgerLine[]): LedgerTotals {
  const settled = lines.filter((l) => l.settled !== null);
  const outstanding = settled.map((l) => new LD(l.outstanding!));
  return {
    scheduled: fenText(sum(lines.map((l) => l.scheduled))),
    settled: fenText(sum(settled.map((l) => l.settled!))),
    paid: fenText(sum(lines.map((l) => l.paid))),
    advances: fenText(sum(lines.filter((l) => l.settled === null).map((l) => l.paid))),
    outstanding: fenText(sum(outstanding)),
    owedToUpstream: fenText(sum(outstanding.filter((o) => o.isPositive()))),
    owedByUpstream: fenText(sum(outstanding.filter((o) => o.isNegative())).negated()),
  };
}

/**
 * One line per agreement, year and funder that has anything on it (a scheduled, settled or paid
 * amount), in the order of the input years and then funders. Payments for a year the input does
 * not list get a line of their own (scheduled 0), so no money disappears from the totals.
 */
export function buildLedger(input: { years: readonly LedgerYearInput[]; payments: readonly LedgerPayment[] }): LedgerLine[] {
  const paid = new Map<string, LDec>();
  for (const p of input.payments) {
    const k = `${key(p.agreementId, p.year)}\u0000${p.funder}`;
    paid.set(k, (paid.get(k) ?? ZERO).plus(signedPayment(p.direction, p.amount)));
  }
  const years = [...input.years];
  const listed = new Set(years.map((y) => key(y.agreementId, y.year)));
  for (const p of input.payments) {
    if (!listed.has(key(p.agreementId, p.year))) {
      listed.add(key(p.agreementId, p.year));
      years.push({ agreementId: p.agreementId, year: p.year, scheduled: null, shares: defaultShares, settled: null });
    }
  }
  const lines: LedgerLine[] = [];
  for (const y of years) {
    const scheduled = y.scheduled === null ? null : splitByShares(y.scheduled, y.shares);
    const rows = funders.map((funder) => {
      const settled = y.settled ? toFen(y.settled[funder]) : null;
      const p = paid.get(`${key(y.agreementId, y.year)}\u0000${funder}`) ?? ZERO;
      const line: LedgerLine = {
        agreementId: y.agreementId,
        year: y.year,
        funder,
        scheduled: fenText(scheduled ? scheduled[funder] : ZERO),
        settled: settled === null ? null : fenText(settled),
        paid: fenText(p),
        outstanding: settled === null ? null : fenText(settled.minus(p)),
      };
      const empty = [line.scheduled, line.settled ?? '0', line.paid].every((v) => new LD(v).isZero());
      return { line, empty };
    });
    const kept = rows.filter((r) => !r.empty);
    // A year with nothing on any line keeps its downstream line, so that it still shows.
    lines.push(...(kept.length ? kept : rows.filter((r) => r.line.funder === 'DOWNSTREAM')).map((r) => r.line));
  }
  return lines;
}

/** Whether a year is over in Beijing: only a closed year is settled. */
export function isYearClosed(year: number, now: Date): boolean {
  const current = Number(new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now));
  return year < current;
}
