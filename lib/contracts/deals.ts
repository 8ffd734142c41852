/** What awaits the reader in a deal: the in-app notification of the deal list and deal page. */
export interface PendingTasks {
  /** Offers sent to the actor's side, still open, that the actor may answer. */
  offersToAnswer: number;
  /** Agreements waiting for the actor's own signature. */
  agreementsToSign: number;
}
