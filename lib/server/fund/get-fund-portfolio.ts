import 'server-only';
import type { FundPortfolio } from '@/lib/contracts/fund';
import type { Actor } from '@/lib/domain/actor';
import { LD, fenText, funders, isYearClosed, signedPayment, totalsOf, type LedgerLine } from '@/lib/domain/ledger';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { db } from '@/lib/server/db';
import { agreementStanding, indicatorTarget, isVolumeUnit, judgedDirection, nettingByDirection, targetMet } from '@/lib/terms';
import { ledgerOf, loadAdministration, partyLedgerOf } from './administration';
import { paymentDtos } from './fund-dto';
import { partyTotals, type LedgerPartyLine } from '@/lib/domain/party-split';

/** At most this many agreements on one dashboard; the archive lists them all. */
const maxAgreements = 200;

/** Every signed agreement of every deal in which the reader is a fund member, administration loaded. */
export async function loadPortfolio(actor: Actor) {
  const agreements = await db().agreement.findMany({
    where: { status: 'ARCHIVED', deal: { members: { some: { userId: actor.id, side: 'FUND', user: { disabled: false } } } } },
    include: { deal: { select: { id: true, slug: true, name: true, nameZh: true, watershed: true, watershedZh: true } } },
    orderBy: [{ archivedAt: 'desc' }],
    take: maxAgreements,
  });
  const admins = [];
  for (const { deal, ...agreement } of agreements) admins.push({ deal, admin: await loadAdministration(db(), agreement) });
  return admins;
}

/**
 * The fund's portfolio: every signed agreement of every deal in which the reader is a fund member
 * (the membership is the query), with the ledger totals per agreement, funder and year, each
 * agreement's standing and the netting per direction (docs/decisions/0087), payments and
 * outstanding balances over time, and the monitoring results against their targets, each judged
 * by the direction signed in the terms.
 */
export async function getFundPortfolio({ actor, now = new Date() }: { actor: Actor; origin: RequestOrigin; now?: Date }): Promise<FundPortfolio> {
  const admins = await loadPortfolio(actor);
  const fundDeals = await db().deal.count({ where: { members: { some: { userId: actor.id, side: 'FUND' } } } });

  const allLines: LedgerLine[] = [];
  const partyLines: LedgerPartyLine[] = [];
  const rows = admins.map(({ deal, admin }) => {
    const lines = ledgerOf(admin);
    allLines.push(...lines);
    partyLines.push(...partyLedgerOf(admin, lines));
    const disputed = admin.cells.filter((c) => c.state === 'disputed').length;
    const closedUnsettled = admin.years.filter((y) => isYearClosed(y, now) && !admin.settlements.some((s) => s.year === y && s.status === 'CONFIRMED')).length;
    return {
      id: admin.agreement.id,
      dealId: deal.id,
      deal,
      number: admin.agreement.number,
      startYear: admin.agreement.startYear,
      endYear: admin.agreement.endYear,
      totals: totalsOf(lines),
      confirmedYears: admin.settlements.filter((s) => s.status === 'CONFIRMED').length,
      closedUnsettled,
      disputed,
      standing: agreementStanding({ lines, disputed, closedUnsettled }),
    };
  });

  const years = [...new Set(allLines.map((l) => l.year))].sort((a, b) => a - b);
  let cumulative = new LD(0);
  const byYear = years.map((year) => {
    const totals = totalsOf(allLines.filter((l) => l.year === year));
    cumulative = cumulative.plus(totals.outstanding);
    return { year, ...totals, cumulativeOutstanding: fenText(cumulative) };
  });

  const payments = admins
    .flatMap(({ deal, admin }) =>
      paymentDtos(admin.payments, admin.terms?.parties).map((p) => ({ ...p, agreementId: admin.agreement.id, agreementNumber: admin.agreement.number, dealId: deal.id, deal })),
    )
    .sort((a, b) => (a.paidOn === b.paidOn ? a.recordedAt.localeCompare(b.recordedAt) : a.paidOn.localeCompare(b.paidOn)));
  const byMonth = new Map<string, InstanceType<typeof LD>>();
  for (const p of payments) byMonth.set(p.paidOn.slice(0, 7), (byMonth.get(p.paidOn.slice(0, 7)) ?? new LD(0)).plus(signedPayment(p.direction, p.amount)));
  let paidSoFar = new LD(0);
  const paymentsOverTime = [...byMonth.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, paid]) => {
      paidSoFar = paidSoFar.plus(paid);
      return { month, paid: fenText(paid), cumulative: fenText(paidSoFar) };
    });

  const results = admins.flatMap(({ deal, admin }) =>
    admin.indicators.declared.flatMap((indicator) => {
      const unit = admin.indicators.units[indicator] ?? '';
      const target = indicatorTarget(admin.terms?.constants ?? {}, indicator);
      const { direction, signed } = judgedDirection(admin.terms?.monitoring?.[indicator]?.direction, unit);
      return admin.cells
        .filter((c) => c.indicator === indicator && c.state !== 'missing')
        .map((c) => {
          return {
            agreementId: admin.agreement.id,
            agreementNumber: admin.agreement.number,
            dealId: deal.id,
            deal,
            indicator,
            unit,
            year: c.year,
            state: c.state,
            value: c.value,
            target,
            direction,
            directionSigned: signed,
            volume: isVolumeUnit(unit) || /volume/i.test(indicator),
            met: targetMet(c.value, target, direction),
          };
        });
    }),
  );

  return {
    fundDeals,
    agreements: rows,
    totals: totalsOf(allLines),
    netting: nettingByDirection(allLines),
    byFunder: funders.map((funder) => ({ funder, ...totalsOf(allLines.filter((l) => l.funder === funder)) })),
    byParty: partyTotals(partyLines),
    byYear,
    payments: payments.slice(-50).reverse(),
    paymentsOverTime,
    results,
  };
}
