import type { TermsFunder } from '@/lib/terms/monitoring-rules';
import { funderKindShares, splitAmount, type PartiesSection, type TermsParty } from '@/lib/terms/parties';
import { LD, fenText, signedPayment, type Funder, type LedgerLine, type LedgerPayment, type Netting, type Shares } from './ledger';

/**
 * A settlement and the ledger split by party (docs/decisions/0098), when the signed terms name the
 * parties: each upstream party's part of what the upstream side receives, and each payer's part of
 * its funder line (central, downstream, upstream own funds). Parts are split to the fen by the
 * terms' largest-remainder rule (lib/terms/parties.ts), so a list's parts add up to its line.
 *
 * Who pays on a funder line: the funders the terms name on it, by their shares; none named there,
 * the downstream parties pay the downstream line and the upstream parties their own line by their
 * shares, and the central line is one unnamed payer (the central government).
 */

export interface PartyName {
  /** The party's id in the terms (an organisation's id when the deal named the parties); null for the unnamed central government. */
  id: string | null;
  name: string | null;
  nameZh: string | null;
}

/** 'receives': an upstream party; 'pays': a payer on a funder line. */
export type PartyRole = 'receives' | 'pays';

export interface PartyNetting extends PartyName {
  role: PartyRole;
  /** The funder line a payer pays on; null for an upstream party. */
  funder: Funder | null;
  due: string;
  advances: string;
  balance: string;
}

const lineOf: Record<TermsFunder, Funder> = { central: 'CENTRAL', downstream: 'DOWNSTREAM', upstream: 'UPSTREAM' };

interface Weighted extends PartyName {
  weight: string;
}

const weighted = (p: TermsParty): Weighted => ({ id: p.id, name: p.name ?? null, nameZh: p.nameZh ?? null, weight: p.share ?? p.quantity ?? '1' });
const positive = (list: readonly Weighted[]) => list.some((w) => !new LD(w.weight).isZero());

/** The payers of a funder line and their weights. */
export function payersOf(funder: Funder, parties: PartiesSection): Weighted[] {
  const named = (parties.funders ?? []).filter((f) => lineOf[f.kind] === funder).map((f) => weighted(f));
  if (named.length && positive(named)) return named;
  if (funder === 'DOWNSTREAM') return parties.downstream.map((p) => weighted(p));
  if (funder === 'UPSTREAM') return parties.upstream.map((p) => weighted(p));
  return [{ id: null, name: null, nameZh: null, weight: '1' }];
}

export const receiversOf = (parties: PartiesSection): Weighted[] => parties.upstream.map((p) => weighted(p));

/** Due and advances split alike; each part's balance is its due less its advances, so the balances add up too. */
function splitRow(list: readonly Weighted[], due: string, advances: string) {
  const weights = list.map((w) => w.weight);
  const dues = splitAmount(due, weights);
  const paid = splitAmount(advances, weights);
  return list.map(({ weight: _weight, ...name }, i) => ({ ...name, due: fenText(dues[i]!), advances: fenText(paid[i]!), balance: fenText(new LD(dues[i]!).minus(paid[i]!)) }));
}

/** A payment as the split by party reads it: its line, the organisation that paid it (if named), and its amount. */
export type PartyPayment = Pick<LedgerPayment, 'funder' | 'partyId' | 'direction' | 'amount'>;

/**
 * What each payer of a funder line has paid, signed (docs/decisions/0110): the payments that name
 * it, plus its share of the line's payments that name no payer of the line (recorded before
 * payments named organisations), split as the settlement splits every line. The parts add up to
 * what the line was paid.
 */
export function paidByPayer(payers: readonly Weighted[], payments: readonly PartyPayment[]): string[] {
  const named = payers.map(() => new LD(0));
  let unnamed = new LD(0);
  for (const p of payments) {
    const signed = signedPayment(p.direction, p.amount.toString());
    const i = p.partyId == null ? -1 : payers.findIndex((w) => w.id === p.partyId);
    if (i < 0) unnamed = unnamed.plus(signed);
    else named[i] = named[i]!.plus(signed);
  }
  const shared = unnamed.isZero() ? payers.map(() => '0') : split(unnamed.toString(), payers);
  return named.map((n, i) => fenText(n.plus(shared[i]!)));
}

/** Each part's due, its advances and its balance (due less advances). */
function rowOf(list: readonly Weighted[], due: string, advances: readonly string[]) {
  const dues = split(due, list);
  return list.map(({ weight: _weight, ...name }, i) => ({ ...name, due: dues[i]!, advances: advances[i]!, balance: fenText(new LD(dues[i]!).minus(advances[i]!)) }));
}

/**
 * A settlement's netting by party: the upstream parties first, then each funder line's payers in
 * line order. Without `payments` a line's advances are split by the payers' shares, as before
 * payments named organisations; with the year's payments each payer's advances are what it paid
 * (`paidByPayer`). The upstream parties' advances are their shares of all the year's advances.
 */
export function partyNetting(netting: Netting, parties: PartiesSection, payments?: readonly PartyPayment[]): PartyNetting[] {
  const rows: PartyNetting[] = splitRow(receiversOf(parties), netting.due, netting.advances).map((r) => ({ ...r, role: 'receives', funder: null }));
  for (const line of netting.funders) {
    if ([line.due, line.advances].every((v) => new LD(v).isZero())) continue;
    const payers = payersOf(line.funder, parties);
    const parts = payments
      ? rowOf(
          payers,
          line.due,
          paidByPayer(
            payers,
            payments.filter((p) => p.funder === line.funder),
          ),
        )
      : splitRow(payers, line.due, line.advances);
    rows.push(...parts.map((r) => ({ ...r, role: 'pays' as const, funder: line.funder })));
  }
  return rows;
}

/** The organisation a payment names, by its id in the terms: its names as the signed terms give them (the id alone when they name it nowhere). */
export function partyNamed(parties: PartiesSection | null | undefined, id: string | null): PartyName | null {
  if (id === null) return null;
  const found = parties ? [...(parties.funders ?? []), ...parties.downstream, ...parties.upstream].find((p) => p.id === id) : undefined;
  return { id, name: found?.name ?? null, nameZh: found?.nameZh ?? null };
}

/** The organisations a payment on a funder line may name (docs/decisions/0110): the line's payers, none for the unnamed central government. */
export function namedPayersOf(funder: Funder, parties: PartiesSection | null | undefined): PartyName[] {
  if (!parties) return [];
  return payersOf(funder, parties)
    .filter((w) => w.id !== null)
    .map(({ weight: _weight, ...name }) => name);
}

/** The funding shares the named funders add up to by line, when the terms name funders and no `fundingShares`. */
export function sharesOfFunders(parties: PartiesSection | undefined): Shares | null {
  if (!parties?.funders?.length) return null;
  const byKind = funderKindShares(parties.funders);
  return { CENTRAL: byKind.central.toString(), DOWNSTREAM: byKind.downstream.toString(), UPSTREAM: byKind.upstream.toString() };
}

// --- The ledger by party ---------------------------------------------------------------------

export interface LedgerPartyLine extends PartyName {
  agreementId: string;
  year: number;
  role: PartyRole;
  funder: Funder | null;
  /** Its part of the line's (or, receiving, the year's) scheduled and settled amounts; settled null before the settlement. */
  scheduled: string;
  settled: string | null;
  /** What it paid on the line (receiving: its share of what the year was paid), signed (docs/decisions/0110). */
  paid: string;
  /** settled − paid once settled; null before. */
  outstanding: string | null;
}

function split(amount: string, list: readonly Weighted[]) {
  return splitAmount(
    amount,
    list.map((w) => w.weight),
  ).map((part) => fenText(part));
}

const outstandingOf = (settled: string | null, paid: string) => (settled === null ? null : fenText(new LD(settled).minus(paid)));

/** One list's parties as ledger lines: each its part of the scheduled, settled (null before) and paid amounts. */
function partLines(
  list: readonly Weighted[],
  of: Pick<LedgerPartyLine, 'agreementId' | 'year' | 'role' | 'funder'>,
  scheduled: readonly string[],
  settled: readonly string[] | null,
  paid: readonly string[],
): LedgerPartyLine[] {
  return list.map(({ weight: _weight, ...name }, i) => {
    const part = settled ? settled[i]! : null;
    return { ...name, ...of, scheduled: scheduled[i]!, settled: part, paid: paid[i]!, outstanding: outstandingOf(part, paid[i]!) };
  });
}

/**
 * The ledger's lines of one agreement by party: each payer's part of its funder line, and each
 * upstream party's part of the year's total, with what each paid and still owes. A payer's paid
 * is what the payments naming it say, plus its share of the line's payments naming no one
 * (`paidByPayer`); an upstream party's is its share of what the year was paid, as the terms split
 * every payment to the upstream side.
 */
export function ledgerByParty(lines: readonly LedgerLine[], parties: PartiesSection, payments: readonly (PartyPayment & Pick<LedgerPayment, 'agreementId' | 'year'>)[] = []): LedgerPartyLine[] {
  const out: LedgerPartyLine[] = [];
  const years = [...new Set(lines.map((l) => `${l.agreementId}\u0000${l.year}`))];
  for (const key of years) {
    const ofYear = lines.filter((l) => `${l.agreementId}\u0000${l.year}` === key);
    const { agreementId, year } = ofYear[0]!;
    const settledYear = ofYear.every((l) => l.settled !== null);
    const total = (pick: (l: LedgerLine) => string) => fenText(ofYear.reduce((sum, l) => sum.plus(pick(l)), new LD(0)));
    const receivers = receiversOf(parties);
    const scheduled = split(
      total((l) => l.scheduled),
      receivers,
    );
    const settled = settledYear
      ? split(
          total((l) => l.settled!),
          receivers,
        )
      : null;
    const received = split(
      total((l) => l.paid),
      receivers,
    );
    out.push(...partLines(receivers, { agreementId, year, role: 'receives', funder: null }, scheduled, settled, received));
    const ofYearPayments = payments.filter((p) => p.agreementId === agreementId && p.year === year);
    for (const line of ofYear) {
      const payers = payersOf(line.funder, parties);
      const paid = paidByPayer(
        payers,
        ofYearPayments.filter((p) => p.funder === line.funder),
      );
      out.push(...partLines(payers, { agreementId, year, role: 'pays', funder: line.funder }, split(line.scheduled, payers), line.settled === null ? null : split(line.settled, payers), paid));
    }
  }
  return out;
}

export interface PartyTotals extends PartyName {
  role: PartyRole;
  scheduled: string;
  settled: string;
  paid: string;
  /** Outstanding of settled years: settled − paid on them. */
  outstanding: string;
}

/** Totals per party and role over ledger lines by party (settled and outstanding: of settled years only), in first-seen order. */
export function partyTotals(lines: readonly LedgerPartyLine[]): PartyTotals[] {
  const totals = new Map<string, PartyTotals>();
  const plus = (a: string, b: string | null) => fenText(new LD(a).plus(b ?? 0));
  for (const l of lines) {
    const key = `${l.role}\u0000${l.id ?? ''}\u0000${l.id === null ? l.funder : ''}`;
    const seen = totals.get(key) ?? { id: l.id, name: l.name, nameZh: l.nameZh, role: l.role, scheduled: '0.00', settled: '0.00', paid: '0.00', outstanding: '0.00' };
    totals.set(key, {
      ...seen,
      scheduled: plus(seen.scheduled, l.scheduled),
      settled: plus(seen.settled, l.settled),
      paid: plus(seen.paid, l.paid),
      outstanding: plus(seen.outstanding, l.outstanding),
    });
  }
  return [...totals.values()];
}
