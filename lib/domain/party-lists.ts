// The lists a deal names its parties in, apart from their schema (deal-parties.ts), so that the
// parties form's first screen does not bring zod with it (docs/decisions/0099).

/** How a list divides its side's amount: fixed shares, or in proportion to a stated quantity. */
export const partyBases = ['share', 'quantity'] as const;
export type PartyBasis = (typeof partyBases)[number];

export const partyLists = ['upstream', 'downstream', 'funders'] as const;
export type DealPartyList = (typeof partyLists)[number];
