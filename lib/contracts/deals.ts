/** What awaits the reader in a deal: the in-app notification of the deal list and deal page. */
export interface PendingTasks {
  /** Offers sent to the actor's side, still open, that the actor may answer. */
  offersToAnswer: number;
  /** Agreements waiting for the actor's own signature. */
  agreementsToSign: number;
}

/** A reporting period of a deal (consecutive over its years; none = one period over them all). */
export type DealPeriod = { label: string; from: number; to: number };

/** What every scenario started on a deal takes from it. */
export interface DealSettings {
  startYear: number;
  endYear: number;
  currency: string;
  unit: number;
  priceBase: string;
  periods: DealPeriod[];
}

/** An organisation a deal's parties are chosen from. */
export interface PartyOrganisation {
  id: string;
  name: string;
  nameZh: string;
}

/** One party of a deal as the parties screen shows and edits it (docs/decisions/0098). */
export interface DealPartyView extends PartyOrganisation {
  /** Its share (a fraction) or quantity, as the list's basis says; '' when alone in its list (all of it). */
  value: string;
  /** Funders only: the ledger line it pays on. */
  funder?: 'CENTRAL' | 'DOWNSTREAM' | 'UPSTREAM';
}

export interface DealPartyListView {
  basis: 'share' | 'quantity';
  parties: DealPartyView[];
}

/** GET /deals/{dealId}/parties: the parties on each side and the funders; all lists empty = one party per side. */
export interface DealPartiesView {
  upstream: DealPartyListView;
  downstream: DealPartyListView;
  funders: DealPartyListView;
  quantityUnit: string;
  /** The organisations each list may name: those of the deal's members on that side (any member's for funders). */
  choices: { upstream: PartyOrganisation[]; downstream: PartyOrganisation[]; funders: PartyOrganisation[] };
}
