import 'server-only';
import type { LedgerView } from '@/lib/contracts/fund';
import type { Actor } from '@/lib/domain/actor';
import { funders, totalsOf } from '@/lib/domain/ledger';
import { advanceDifference, termsAdvance } from '@/lib/domain/settlement-transfers';
import { namedPayersOf, partyTotals } from '@/lib/domain/party-split';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { db } from '@/lib/server/db';
import { ledgerOf, loadAdministration, partyLedgerOf } from './administration';
import { readAdministered } from './fund-access';
import { paymentDtos } from './fund-dto';

/**
 * An agreement's ledger: per year and funder the scheduled, settled, paid and outstanding
 * amounts in whole currency to the fen, totals per year, per funder and for the agreement, and
 * every payment with its reference, and the advances paid against what the terms call for.
 */
export async function getLedger({ actor, origin, dealId, agreementId }: { actor: Actor; origin: RequestOrigin; dealId: string; agreementId: string }): Promise<LedgerView> {
  const { agreement, abilities } = await readAdministered({ actor, origin, dealId, agreementId, client: db() });
  const admin = await loadAdministration(db(), agreement);
  const lines = ledgerOf(admin);
  const byParty = partyLedgerOf(admin, lines);
  const deal = await db().deal.findUniqueOrThrow({ where: { id: dealId }, select: { slug: true, name: true, nameZh: true } });
  return {
    agreement: { id: agreement.id, number: agreement.number, status: agreement.status, startYear: agreement.startYear, endYear: agreement.endYear, currency: agreement.currency },
    deal,
    shares: admin.shares,
    sharesAgreed: admin.sharesAgreed,
    lines,
    byYear: admin.years.map((year) => ({ year, confirmed: admin.settlements.some((s) => s.year === year && s.status === 'CONFIRMED'), ...totalsOf(lines.filter((l) => l.year === year)) })),
    byFunder: funders.map((funder) => ({ funder, ...totalsOf(lines.filter((l) => l.funder === funder)) })),
    totals: totalsOf(lines),
    payments: paymentDtos(admin.payments, admin.terms?.parties),
    advances: admin.settlements.map((s) => {
      const called = termsAdvance(s.formulas as Record<string, string>, s.unit);
      const paid = s.advances.toFixed(2);
      return { year: s.year, status: s.status, called, paid, difference: advanceDifference(called, paid) };
    }),
    byParty,
    partyTotals: partyTotals(byParty),
    payers: admin.terms?.parties ? funders.map((funder) => ({ funder, parties: namedPayersOf(funder, admin.terms!.parties) })) : null,
    me: abilities,
  };
}
