import { z } from 'zod';
import { D } from '@/lib/engine/decimal';
import type { PartiesSection, TermsFunder, TermsParty } from '@/lib/terms';
import { funderNames, funders, type Funder } from './ledger';
import { codeNames, say } from './local-text';

/**
 * The parties of a deal (docs/decisions/0098): which organisations stand on the upstream side (who
 * receive a payment), on the downstream side (who pay it) and which fund it, each with its share of
 * what its list pays or receives: a fixed fraction, or in proportion to a stated quantity (a water
 * allocation). None listed: one party per side, the organisations of the members on each side.
 * An agreement drafted on the deal copies them into its terms' `parties` section.
 */

import { partyBases, partyLists, type DealPartyList, type PartyBasis } from './party-lists';
export { partyBases, partyLists, type DealPartyList, type PartyBasis };

export const MAX_DEAL_PARTIES = 100;

// A plain decimal, as shares and quantities are agreed: no sign, no exponent, no separators; '' = not stated.
const PLAIN = /^(?:\d{1,20}(?:\.\d{0,20})?|\.\d{1,20})?$/;

const ZId = z.uuid(say('mustBeId'));
const ZValue = z
  .string()
  .trim()
  .max(42, say('atMostCharacters', { max: 42 }))
  .regex(PLAIN, say('partyValueDecimal'))
  .default('');

const ZPartyRow = z.strictObject({ organisationId: ZId, value: ZValue });
const ZFunderRow = z.strictObject({ organisationId: ZId, funder: z.enum(funders, say('mustBeFunder', funderNames)), value: ZValue });

const ZList = <T extends z.ZodType>(row: T) =>
  z.strictObject({
    basis: z.enum(partyBases, say('mustBePartyBasis', codeNames(partyBases, { share: 'share', quantity: 'quantity' }))).default('share'),
    parties: z.array(row).max(MAX_DEAL_PARTIES, say('zod.atMostItems', { max: MAX_DEAL_PARTIES })),
  });

type Row = { organisationId: string; value: string };

/** The rules of the terms' `parties` section (lib/terms/parties.ts), said in the form's words. */
function refineList(list: DealPartyList, input: { basis: PartyBasis; parties: readonly Row[] }, ctx: z.RefinementCtx) {
  const at = (...path: (string | number)[]) => [list, 'parties', ...path];
  const seen = new Map<string, number>();
  input.parties.forEach((row, i) => {
    if (seen.has(row.organisationId)) ctx.addIssue({ code: 'custom', path: at(i, 'organisationId'), message: say('partyListedTwice').error });
    else seen.set(row.organisationId, i);
  });
  if (input.parties.length < 2 && input.parties.every((row) => row.value === '')) return;
  let readable = true;
  input.parties.forEach((row, i) => {
    if (row.value === '') {
      readable = false;
      ctx.addIssue({ code: 'custom', path: at(i, 'value'), message: say(input.basis === 'share' ? 'partyShareRequired' : 'partyQuantityRequired').error });
    } else if (input.basis === 'share' && D(row.value).greaterThan(1)) {
      readable = false;
      ctx.addIssue({ code: 'custom', path: at(i, 'value'), message: say('partyShareRange').error });
    }
  });
  if (!readable) return;
  const total = input.parties.reduce((sum, row) => sum.plus(row.value), D(0));
  if (input.basis === 'share' && !total.equals(1)) ctx.addIssue({ code: 'custom', path: at(), message: say('partySharesTotal', { total: total.toString() }).error });
  if (input.basis === 'quantity' && total.isZero()) ctx.addIssue({ code: 'custom', path: at(), message: say('partyQuantitiesZero').error });
}

/**
 * PUT /deals/{dealId}/parties: every list as a whole (an empty list: nobody named on it). Each list
 * must be sent: a body that leaves one out would otherwise clear it, a change nobody asked for.
 */
export const ZSetDealParties = z
  .strictObject({
    upstream: ZList(ZPartyRow),
    downstream: ZList(ZPartyRow),
    funders: ZList(ZFunderRow),
    quantityUnit: z
      .string()
      .trim()
      .max(40, say('atMostCharacters', { max: 40 }))
      .default(''),
  })
  .superRefine((input, ctx) => {
    const named = partyLists.some((list) => input[list].parties.length > 0);
    // Parties are named for both sides or for neither: the terms need who pays and who receives.
    if (named)
      for (const list of ['upstream', 'downstream'] as const) if (!input[list].parties.length) ctx.addIssue({ code: 'custom', path: [list, 'parties'], message: say('partiesBothSides').error });
    for (const list of partyLists) refineList(list, input[list], ctx);
    const upstream = new Set(input.upstream.parties.map((row) => row.organisationId));
    input.downstream.parties.forEach((row, i) => {
      if (upstream.has(row.organisationId)) ctx.addIssue({ code: 'custom', path: ['downstream', 'parties', i, 'organisationId'], message: say('partyOnBothSides').error });
    });
  });
export type SetDealPartiesInput = z.output<typeof ZSetDealParties>;
export type SetDealPartiesForm = z.input<typeof ZSetDealParties>;

/** A party as stored: its organisation's names, and its share or quantity (neither: alone in its list, all of it). */
export interface StoredDealParty {
  organisationId: string;
  name: string;
  nameZh: string;
  side: 'UPSTREAM' | 'DOWNSTREAM' | 'FUNDER';
  funder: Funder | null;
  share: string | null;
  quantity: string | null;
}

const sideOf: Record<DealPartyList, StoredDealParty['side']> = { upstream: 'UPSTREAM', downstream: 'DOWNSTREAM', funders: 'FUNDER' };
const kindOf: Record<Funder, TermsFunder> = { CENTRAL: 'central', DOWNSTREAM: 'downstream', UPSTREAM: 'upstream' };

const canonical = (value: string) => {
  const d = D(value);
  return d.isZero() ? '0' : d.toFixed();
};

/** The rows a checked input stores, in list order (the order ties of the fen split go by). */
export function dealPartyRows(
  input: SetDealPartiesInput,
): { side: StoredDealParty['side']; organisationId: string; funder: Funder | null; share: string | null; quantity: string | null; position: number }[] {
  return partyLists.flatMap((list) =>
    input[list].parties.map((row, position) => ({
      side: sideOf[list],
      organisationId: row.organisationId,
      funder: 'funder' in row ? (row as { funder: Funder }).funder : null,
      share: row.value !== '' && input[list].basis === 'share' ? canonical(row.value) : null,
      quantity: row.value !== '' && input[list].basis === 'quantity' ? canonical(row.value) : null,
      position,
    })),
  );
}

/**
 * The terms' `parties` section of a deal's parties (ids are the organisations' ids, names as they
 * are now), or null when the deal names none: an agreement drafted on the deal then means one party
 * per side, as before.
 */
export function dealPartiesSection(parties: readonly StoredDealParty[], quantityUnit: string | null): PartiesSection | null {
  if (!parties.length) return null;
  const entry = (p: StoredDealParty): TermsParty => ({
    id: p.organisationId,
    name: p.name,
    nameZh: p.nameZh,
    ...(p.share !== null ? { share: p.share } : {}),
    ...(p.quantity !== null ? { quantity: p.quantity } : {}),
  });
  const section: PartiesSection = {
    upstream: parties.filter((p) => p.side === 'UPSTREAM').map(entry),
    downstream: parties.filter((p) => p.side === 'DOWNSTREAM').map(entry),
  };
  const fund = parties.filter((p) => p.side === 'FUNDER');
  if (fund.length) section.funders = fund.map((p) => ({ ...entry(p), kind: kindOf[p.funder ?? 'DOWNSTREAM'] }));
  if (quantityUnit && parties.some((p) => p.quantity !== null)) section.quantityUnit = quantityUnit;
  return section;
}

/** Whether two sections split alike: the same parties (by id) in the same order with the same shares, names aside. */
export function samePartiesSection(a: PartiesSection, b: PartiesSection): boolean {
  const key = (section: PartiesSection) =>
    JSON.stringify([
      ...(['upstream', 'downstream'] as const).map((list) => section[list].map((p) => [p.id, p.share ?? null, p.quantity ?? null])),
      (section.funders ?? []).map((p) => [p.id, p.kind, p.share ?? null, p.quantity ?? null]),
      section.upstream.some((p) => p.quantity) || section.downstream.some((p) => p.quantity) || section.funders?.some((p) => p.quantity) ? (section.quantityUnit ?? '') : '',
    ]);
  return key(a) === key(b);
}
