import 'server-only';
import type { CellDto, MonitoringEntryDto, PaymentDto, ResolutionDto, SettlementDto, SettlementInputDto, TraceStepDto } from '@/lib/contracts/fund';
import { samplesOf, type CellAssessment } from '@/lib/domain/monitoring';
import type { Agreement, Payment, Settlement } from '@/lib/generated/prisma/client';
import type { Party } from '@/lib/contracts/agreements';
import type { FunderNetting } from '@/lib/domain/ledger';
import { partyNamed, type PartyNetting } from '@/lib/domain/party-split';
import type { PartiesSection } from '@/lib/terms/parties';
import { advanceDifference, termsAdvance, transfersOf } from '@/lib/domain/settlement-transfers';
import type { Entry, Ruling } from './administration';

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

export function entryDto(entry: Entry): MonitoringEntryDto {
  const r = entry.row;
  const samples = samplesOf(entry);
  return {
    id: r.id,
    year: r.year,
    indicator: r.indicator,
    value: r.value,
    samples: samples ? [...samples].sort((a, b) => a.on.localeCompare(b.on)) : null,
    sampleCount: samples ? samples.length : null,
    side: r.side,
    laboratory: r.laboratory,
    sampledFrom: day(r.sampledFrom)!,
    sampledTo: day(r.sampledTo)!,
    source: r.source,
    fileName: r.fileName,
    enteredBy: r.enteredByName,
    enteredAt: r.createdAt.toISOString(),
  };
}

export function resolutionDto(ruling: Ruling): ResolutionDto {
  const r = ruling.row;
  return {
    id: r.id,
    year: r.year,
    indicator: r.indicator,
    method: r.method,
    value: r.value,
    samples: ruling.samples ? [...ruling.samples] : null,
    note: r.note,
    basisValueIds: r.basisValueIds,
    acceptedValueId: r.acceptedValueId,
    laboratory: r.laboratory,
    sampledFrom: day(r.sampledFrom),
    sampledTo: day(r.sampledTo),
    evidence: r.evidenceSha256 ? { sha256: r.evidenceSha256, fileName: r.evidenceFileName ?? 'evidence' } : null,
    resolvedBy: r.resolvedByName,
    resolvedAt: r.createdAt.toISOString(),
  };
}

export function cellDto(cell: CellAssessment<Entry, Ruling>): CellDto {
  return {
    year: cell.year,
    indicator: cell.indicator,
    state: cell.state,
    value: cell.value,
    samples: cell.measurement !== null && typeof cell.measurement !== 'string' ? [...cell.measurement] : null,
    missingLabs: cell.missingLabs,
    compared: cell.compared,
    differing: cell.differing,
    spread: cell.spread,
    allowed: cell.allowed,
    current: cell.current.map(entryDto),
    superseded: cell.superseded.map(entryDto),
    resolution: cell.resolution ? resolutionDto(cell.resolution) : null,
  };
}

/** A cell as a lab that has not entered its own result may see it: who reported, not what. */
export function sealedCellDto(cell: CellDto, viewer: string): CellDto {
  const hide = (entry: MonitoringEntryDto): MonitoringEntryDto => (entry.side === viewer ? entry : { ...entry, value: null, samples: null });
  return {
    ...cell,
    state: 'sealed',
    value: null,
    samples: null,
    compared: null,
    differing: [],
    spread: null,
    allowed: null,
    missingLabs: [],
    current: cell.current.map(hide),
    superseded: cell.superseded.map(hide),
    resolution: cell.resolution ? { ...cell.resolution, value: null, samples: null } : null,
  };
}

type SettlementAgreement = Pick<Agreement, 'currency' | 'priceBase' | 'parties'>;

/** The parties' organisations as the agreement was drafted with them. */
export function partyOrganisations(agreement: Pick<Agreement, 'parties'>): SettlementDto['parties'] {
  const parties = (agreement.parties ?? []) as unknown as Party[];
  const of = (side: Party['side']) => (parties.find((p) => p.side === side)?.organisations ?? []).map((o) => ({ name: o.name, nameZh: o.nameZh }));
  return { UPSTREAM: of('UPSTREAM'), DOWNSTREAM: of('DOWNSTREAM') };
}

export function settlementDto(s: Settlement, names: Map<string, string>, agreement: SettlementAgreement): SettlementDto {
  const funders = s.funders as unknown as FunderNetting[];
  const formulas = s.formulas as Record<string, string>;
  const called = termsAdvance(formulas, s.unit);
  return {
    id: s.id,
    year: s.year,
    status: s.status,
    payment: s.payment,
    unit: s.unit,
    due: s.due.toFixed(2),
    direction: s.due.isZero() ? 'NONE' : s.due.isNegative() ? 'FROM_UPSTREAM' : 'TO_UPSTREAM',
    advances: s.advances.toFixed(2),
    balance: s.balance.toFixed(2),
    funders,
    shares: s.shares as Record<string, string>,
    inputs: s.inputs as unknown as Record<string, SettlementInputDto>,
    formulas,
    trace: s.trace as unknown as TraceStepDto[],
    fingerprint: s.fingerprint,
    runBy: names.get(s.runById) ?? null,
    runAt: s.runAt.toISOString(),
    confirmedBy: s.confirmedById ? (names.get(s.confirmedById) ?? null) : null,
    confirmedAt: s.confirmedAt?.toISOString() ?? null,
    currency: agreement.currency,
    priceBase: agreement.priceBase,
    termsAdvance: called,
    advanceDifference: advanceDifference(called, s.advances.toFixed(2)),
    transfers: transfersOf(funders),
    parties: partyOrganisations(agreement),
    byParty: (s.parties as unknown as PartyNetting[] | null) ?? null,
  };
}

/** A payment as the ledger shows it; `reversedById` from the other payments of its agreement, the organisation's names from the signed terms' parties. */
export function paymentDto(p: Payment, reversedById: string | null = null, parties: PartiesSection | null = null): PaymentDto {
  return {
    id: p.id,
    year: p.year,
    settlementId: p.settlementId,
    kind: p.settlementId ? 'SETTLEMENT' : 'ADVANCE',
    funder: p.funder,
    party: partyNamed(parties, p.partyId),
    direction: p.direction,
    amount: p.amount.toFixed(2),
    paidOn: day(p.paidOn)!,
    reference: p.reference,
    overpaymentNote: p.overpaymentNote,
    overpayment: p.overpayment?.toFixed(2) ?? null,
    reversesId: p.reversesId,
    reversalReason: p.reversalReason,
    reversedById,
    recordedBy: p.recordedByName,
    recordedAt: p.createdAt.toISOString(),
  };
}

/** Names of the people who ran or confirmed settlements. */
export async function namesOf(
  client: { user: { findMany: (args: { where: { id: { in: string[] } }; select: { id: true; name: true } }) => Promise<{ id: string; name: string }[]> } },
  ids: (string | null)[],
) {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return new Map<string, string>();
  return new Map((await client.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
}

/** An agreement's payments, each original marked with the reversal that undid it. */
export function paymentDtos(payments: readonly Payment[], parties: PartiesSection | null = null): PaymentDto[] {
  const reversedBy = new Map(payments.flatMap((p) => (p.reversesId ? [[p.reversesId, p.id] as const] : [])));
  return payments.map((p) => paymentDto(p, reversedBy.get(p.id) ?? null, parties));
}
