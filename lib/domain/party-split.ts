import type { TermsFunder } from '@/lib/terms/monitoring-rules';
import { funderKindShares, splitAmount, type PartiesSection, type TermsParty } from '@/lib/terms/parties';
import { LD, fenText, type Funder, type LedgerLine, type Netting, type Shares } from './ledger';

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

/** A settlement's netting by party: the upstream parties first, then each funder line's payers in line order. */
export function partyNetting(netting: Netting, parties: PartiesSection): PartyNetting[] {
  const rows: PartyNetting[] = splitRow(receiversOf(parties), netting.due, netting.advances).map((r) => ({ ...r, role: 'receives', funder: null }));
  for (const line of netting.funders) {
    if ([line.due, line.advances].every((v) => new LD(v).isZero())) continue;
    rows.push(...splitRow(payersOf(line.funder, parties), line.due, line.advances).map((r) => ({ ...r, role: 'pays' as const, funder: line.funder })));
  }
  return rows;
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
}

const split = (amount: string, list: readonly Weighted[]) =>
  splitAmount(
    amount,
    list.map((w) => w.weight),
  ).map((part) => fenText(part));

/**
 * The ledger's lines of one agreement by party: each payer's part of its funder line, and each
 * upstream party's part of the year's total. Payments are recorded per funder line, not per
 * organisation, so what each organisation has paid is not split: the lines' `paid` stays theirs.
 */
export function ledgerByParty(lines: readonly LedgerLine[], parties: PartiesSection): LedgerPartyLine[] {
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
    receivers.forEach(({ weight: _weight, ...name }, i) => out.push({ ...name, agreementId, year, role: 'receives', funder: null, scheduled: scheduled[i]!, settled: settled ? settled[i]! : null }));
    for (const line of ofYear) {
      const payers = payersOf(line.funder, parties);
      const lineScheduled = split(line.scheduled, payers);
      const lineSettled = line.settled === null ? null : split(line.settled, payers);
      payers.forEach(({ weight: _weight, ...name }, i) =>
        out.push({ ...name, agreementId, year, role: 'pays', funder: line.funder, scheduled: lineScheduled[i]!, settled: lineSettled ? lineSettled[i]! : null }),
      );
    }
  }
  return out;
}

export interface PartyTotals extends PartyName {
  role: PartyRole;
  scheduled: string;
  settled: string;
}

/** Totals per party and role over ledger lines by party (settled: of settled years only), in first-seen order. */
export function partyTotals(lines: readonly LedgerPartyLine[]): PartyTotals[] {
  const totals = new Map<string, PartyTotals>();
  for (const l of lines) {
    const key = `${l.role}\u0000${l.id ?? ''}\u0000${l.id === null ? l.funder : ''}`;
    const seen = totals.get(key) ?? { id: l.id, name: l.name, nameZh: l.nameZh, role: l.role, scheduled: '0.00', settled: '0.00' };
    totals.set(key, { ...seen, scheduled: fenText(new LD(seen.scheduled).plus(l.scheduled)), settled: fenText(new LD(seen.settled).plus(l.settled ?? 0)) });
  }
  return [...totals.values()];
}
