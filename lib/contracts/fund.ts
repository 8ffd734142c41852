import type { Side } from '@/lib/domain/actor';
import type { AgreementStatus } from '@/lib/domain/agreement-state';
import type { Funder, LedgerLine, LedgerTotals, PaymentDirection, Shares } from '@/lib/domain/ledger';
import type { ProblemIn } from '@/lib/domain/local-text';
import type { CellState, ResolutionMethod, Tolerance } from '@/lib/domain/monitoring';
import type { AgreementStanding, Direction, DirectionNetting, FlowDirection, Lab, LabRule } from '@/lib/terms';
import type { Transfer } from '@/lib/domain/settlement-transfers';
import type { LedgerPartyLine, PartyName, PartyNetting, PartyTotals } from '@/lib/domain/party-split';
import type { TraceSamples as TermsTraceSamples } from '@/lib/terms';
import type { Sample } from '@/lib/terms/measurement';

export type { Sample } from '@/lib/terms/measurement';

/**
 * The water fund's pages: monitoring, settlements, ledger and portfolio. Amounts are decimal
 * strings, days YYYY-MM-DD, times ISO 8601.
 */

/** What the reader may do on an agreement's fund pages. */
export interface FundAbilities {
  side: Side;
  mayEnter: boolean;
  mayAdminister: boolean;
}

/** One side's monitoring result for a year and indicator. */
export interface MonitoringEntryDto {
  id: string;
  year: number;
  indicator: string;
  /** Null while the reader's own lab has not entered its result for the cell (blind entry). For samples, their annual mean as counted when entered. */
  value: string | null;
  /** The lab's dated samples in date order (decision 0097); null for one value, and while the cell is sealed for the reader. */
  samples: Sample[] | null;
  /** How many samples the lab reported (shown also while sealed); null for one value. */
  sampleCount: number | null;
  side: Side;
  laboratory: string;
  /** The sampling period; for samples the first and last date. */
  sampledFrom: string;
  sampledTo: string;
  source: 'MANUAL' | 'IMPORT';
  fileName: string | null;
  enteredBy: string;
  enteredAt: string;
}

/** How the fund resolved a dispute between the sides' results. */
export interface ResolutionDto {
  id: string;
  year: number;
  indicator: string;
  method: ResolutionMethod;
  /** Null while the cell is sealed for the reader (blind entry). */
  value: string | null;
  /** The samples it settles on (the accepted lab's, or averaged per date); null for one value or while sealed. */
  samples: Sample[] | null;
  note: string;
  basisValueIds: string[];
  acceptedValueId: string | null;
  laboratory: string | null;
  sampledFrom: string | null;
  sampledTo: string | null;
  evidence: { sha256: string; fileName: string } | null;
  resolvedBy: string;
  resolvedAt: string;
}

/** A year × indicator cell of the monitoring table. */
export interface CellDto {
  year: number;
  indicator: string;
  /** `sealed`: the reader's lab enters blind and has not entered its own result yet. */
  state: CellState | 'sealed';
  /** The annual figure a settlement uses: one value, or the mean of the samples it reads. */
  value: string | null;
  /** The dated samples the settlement reads (the labs' merged per date when they agree), or null for one value. */
  samples: Sample[] | null;
  /** The labs the terms require that have not reported. */
  missingLabs: (Lab | 'either')[];
  /** How the labs were compared: on their annual figures, or sample date by sample date. */
  compared: 'aggregate' | 'sample' | null;
  /** Compared per sample: the dates the labs differ beyond the tolerance. */
  differing: { on: string; spread: string; allowed: string }[];
  spread: string | null;
  allowed: string | null;
  current: MonitoringEntryDto[];
  superseded: MonitoringEntryDto[];
  resolution: ResolutionDto | null;
}

export type SettlementDirection = 'NONE' | 'FROM_UPSTREAM' | 'TO_UPSTREAM';

/** What a settlement read of one indicator: its annual figure and state, the results and resolution it rests on, and its samples when there were. */
export interface SettlementInputDto {
  value: string | null;
  state: string;
  entryIds: string[];
  resolutionId: string | null;
  /** The dated samples the terms read (decision 0097); absent for one value. */
  samples?: Sample[];
}

/**
 * The samples behind a step of the trace, as the terms give them (lib/terms TraceStep.samples: per
 * aggregate the step read). Optional: a step without it, or a settlement run before samples, has
 * none; pages read it through traceSampleLists (lib/domain/monitoring.ts), which tolerates any shape.
 */
export type TraceSamples = readonly TermsTraceSamples[];

export interface TraceStepDto {
  name: string;
  expr: string;
  substituted: string;
  value: string;
  text: string;
  samples?: TraceSamples;
}

/** An organisation as the agreement names it, in both languages. */
export interface OrganisationName {
  name: string;
  nameZh: string;
}

export interface SettlementDto {
  id: string;
  year: number;
  status: 'DRAFT' | 'CONFIRMED';
  payment: string;
  unit: number;
  due: string;
  direction: SettlementDirection;
  advances: string;
  balance: string;
  funders: { funder: string; due: string; advances: string; balance: string }[];
  shares: Record<string, string>;
  inputs: Record<string, SettlementInputDto>;
  formulas: Record<string, string>;
  trace: TraceStepDto[];
  fingerprint: string;
  runBy: string | null;
  runAt: string;
  confirmedBy: string | null;
  confirmedAt: string | null;
  /** The agreement's currency and price base: every amount above is whole `currency` at `priceBase`. */
  currency: string;
  priceBase: string;
  /** The advance the terms call for (their `advance` formula × unit), or null when they name none. */
  termsAdvance: string | null;
  /** Advances actually paid less the terms' advance; null when the terms call for none. */
  advanceDifference: string | null;
  /** Who pays whom the balance, per funder, and why. */
  transfers: Transfer[];
  /** The parties' organisations, to name payers. */
  parties: Record<'UPSTREAM' | 'DOWNSTREAM', OrganisationName[]>;
  /** Each party's part when the terms name the parties (docs/decisions/0098): upstream parties, then each funder line's payers; null otherwise. */
  byParty: PartyNetting[] | null;
}

export interface PaymentDto {
  id: string;
  year: number;
  settlementId: string | null;
  kind: 'SETTLEMENT' | 'ADVANCE';
  funder: Funder;
  /** The organisation on the funder line that paid it (or was repaid), when the terms name the parties (docs/decisions/0110); null otherwise. */
  party: PartyName | null;
  direction: PaymentDirection;
  amount: string;
  paidOn: string;
  reference: string;
  overpaymentNote: string | null;
  overpayment: string | null;
  /** A reversal names the payment it undoes, and why. */
  reversesId: string | null;
  reversalReason: string | null;
  /** The reversal that undid this payment, if any. */
  reversedById: string | null;
  recordedBy: string;
  recordedAt: string;
}

export interface MonitoringView {
  agreement: { id: string; number: number; status: AgreementStatus; startYear: number; endYear: number; hasTerms: boolean };
  /** Each indicator with its target from the terms' constants and the direction it is judged by (decision 0087). */
  indicators: { name: string; unit: string; needed: boolean; tolerance: Tolerance; labs: LabRule; target: string | null; direction: Direction; directionSigned: boolean }[];
  years: { year: number; settled: boolean; entryClosed: boolean }[];
  cells: CellDto[];
  disputed: number;
  /** The imported files this member may download (its own side's; the fund all), newest first. */
  imports: MonitoringImportDto[];
  me: FundAbilities;
}

export interface MonitoringImportDto {
  id: string;
  fileName: string;
  sha256: string;
  size: number;
  rows: number;
  side: string;
  importedByName: string;
  importedAt: string;
}

/** A year of an agreement and where its settlement stands. */
export type SettlementYear =
  | { year: number; state: 'CONFIRMED'; settlement: SettlementDto; problems: never[]; stale: boolean; preview?: undefined }
  | { year: number; state: 'OPEN'; settlement: null; problems: never[]; stale: boolean; preview?: undefined }
  | { year: number; state: 'DRAFT'; settlement: SettlementDto; problems: ProblemIn[]; stale: boolean; preview?: undefined }
  | { year: number; state: 'READY' | 'BLOCKED'; settlement: null; problems: ProblemIn[]; stale: boolean; preview: { due: string; direction: SettlementDirection } | null };

export interface SettlementsView {
  agreement: { id: string; number: number; status: AgreementStatus; startYear: number; endYear: number; currency: string; termsUnit: number };
  shares: Shares;
  sharesAgreed: boolean;
  years: SettlementYear[];
  me: FundAbilities;
}

export interface LedgerView {
  agreement: { id: string; number: number; status: AgreementStatus; startYear: number; endYear: number; currency: string };
  deal: { name: string; slug: string; nameZh: string };
  shares: Shares;
  sharesAgreed: boolean;
  lines: LedgerLine[];
  byYear: (LedgerTotals & { year: number; confirmed: boolean })[];
  byFunder: (LedgerTotals & { funder: Funder })[];
  totals: LedgerTotals;
  payments: PaymentDto[];
  /** Per year with a settlement (draft or confirmed): the terms' advance beside the advances paid before it. */
  advances: { year: number; status: 'DRAFT' | 'CONFIRMED'; called: string | null; paid: string; difference: string | null }[];
  /** When the terms name the parties (docs/decisions/0098): each organisation's part of the lines, by year, and its totals; empty otherwise. */
  byParty: LedgerPartyLine[];
  partyTotals: PartyTotals[];
  /** The organisations a payment on each funder line names (docs/decisions/0110), none for the unnamed central government; null when the terms name no parties. */
  payers: { funder: Funder; parties: PartyName[] }[] | null;
  me: FundAbilities;
}

export interface PortfolioDeal {
  id: string;
  name: string;
  slug: string;
  nameZh: string;
  watershed: string;
  watershedZh: string;
}

/** Where a portfolio row comes from. */
interface PortfolioSource {
  agreementId: string;
  agreementNumber: number;
  dealId: string;
  deal: PortfolioDeal;
}

export interface FundPortfolio {
  fundDeals: number;
  agreements: {
    id: string;
    dealId: string;
    deal: PortfolioDeal;
    number: number;
    startYear: number;
    endYear: number;
    totals: LedgerTotals;
    confirmedYears: number;
    closedUnsettled: number;
    disputed: number;
    standing: AgreementStanding;
  }[];
  totals: LedgerTotals;
  /** What each direction owes and has paid, netted apart (docs/decisions/0087). */
  netting: Record<FlowDirection, DirectionNetting>;
  byFunder: (LedgerTotals & { funder: Funder })[];
  /** Each organisation's scheduled and settled parts over the agreements whose terms name the parties (docs/decisions/0098). */
  byParty: PartyTotals[];
  byYear: (LedgerTotals & { year: number; cumulativeOutstanding: string })[];
  payments: (PortfolioSource & PaymentDto)[];
  paymentsOverTime: { month: string; paid: string; cumulative: string }[];
  results: (PortfolioSource & {
    indicator: string;
    unit: string;
    year: number;
    state: CellState;
    value: string | null;
    target: string | null;
    direction: Direction;
    directionSigned: boolean;
    volume: boolean;
    met: boolean | null;
  })[];
}
