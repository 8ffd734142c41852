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
