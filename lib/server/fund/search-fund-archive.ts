import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import type { FundArchiveFilter } from '@/lib/domain/fund-schemas';
import { totalsOf } from '@/lib/domain/ledger';
import { printedHashMatches } from '@/lib/domain/printed-hash';
import type { Party } from '@/lib/contracts/agreements';
import { listFundAgreements } from '@/lib/server/agreements/list-fund-agreements';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { db } from '@/lib/server/db';
import { ledgerOf, loadAdministration } from './administration';

const contains = (haystack: (string | null | undefined)[], needle: string) => {
  const n = needle.toLowerCase();
  return haystack.some((h) => h?.toLowerCase().includes(n));
};

/**
 * The fund's archive: every agreement of every deal where the reader is a fund member (the
 * agreements' own archive query, listFundAgreements, with its hash check), filtered further by
 * the parties, a span of years and free text, each with where its administration stands.
 */
export async function searchFundArchive({ actor, origin, filter = {} }: { actor: Actor; origin: RequestOrigin; filter?: FundArchiveFilter }) {
  const listed = await listFundAgreements({
    actor,
    origin,
    filter: {
      ...(filter.watershed ? { watershed: filter.watershed } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.minAmount ? { minAmount: filter.minAmount } : {}),
      ...(filter.maxAmount ? { maxAmount: filter.maxAmount } : {}),
    },
  });
  const rows = await db().agreement.findMany({ where: { id: { in: listed.map((a) => a.id) } } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out = [];
  for (const summary of listed) {
    const row = byId.get(summary.id);
    if (!row) continue;
    const parties = row.parties as unknown as Party[];
    const partyNames = parties.flatMap((p) => p.organisations.flatMap((o) => [o.name, o.nameZh]));
    if (filter.party && !contains(partyNames, filter.party)) continue;
    if (filter.fromYear !== undefined && row.endYear < filter.fromYear) continue;
    if (filter.toYear !== undefined && row.startYear > filter.toYear) continue;
    if (
      filter.q &&
      !contains([summary.deal.name, summary.deal.nameZh, summary.deal.slug, summary.deal.watershed, summary.deal.watershedZh, ...partyNames, String(summary.number)], filter.q) &&
      !printedHashMatches(summary.hash, filter.q)
    )
      continue;
    const admin = row.status === 'ARCHIVED' ? await loadAdministration(db(), row) : null;
    out.push({
      ...summary,
      parties,
      administration: admin
        ? {
            confirmedYears: admin.settlements.filter((s) => s.status === 'CONFIRMED').map((s) => s.year),
            disputed: admin.cells.filter((c) => c.state === 'disputed').length,
            results: admin.entries.length,
            totals: totalsOf(ledgerOf(admin)),
          }
        : null,
    });
  }
  return { agreements: out };
}

export type FundArchive = Awaited<ReturnType<typeof searchFundArchive>>;
