import 'server-only';
import type { Side } from '@/lib/domain/actor';
import { cellKeyOf, entersBlind, sealOf, yearKeyOf } from '@/lib/domain/monitoring-visibility';
import type { Tx } from '@/lib/server/transaction';

/**
 * Which monitoring cells of these agreements are still sealed for a viewer of this side
 * (lib/domain/monitoring-visibility.ts): read in one round trip of three small queries, and not at
 * all for the fund and observers, who enter nothing and see everything.
 */
export async function monitoringSeal(client: Tx, side: Side | string, agreementIds: readonly string[]): Promise<(agreementId: string, year: number, indicator: string) => boolean> {
  if (!entersBlind(side) || agreementIds.length === 0) return () => false;
  const where = { agreementId: { in: [...agreementIds] } };
  const [own, closures, confirmed] = await Promise.all([
    client.monitoringValue.findMany({ where: { ...where, side }, select: { agreementId: true, year: true, indicator: true }, distinct: ['agreementId', 'year', 'indicator'] }),
    client.monitoringEntryClosure.findMany({ where, select: { agreementId: true, year: true } }),
    client.settlement.findMany({ where: { ...where, status: 'CONFIRMED' }, select: { agreementId: true, year: true } }),
  ]);
  return sealOf(side, {
    entered: new Set(own.map((v) => cellKeyOf(v.agreementId, v.year, v.indicator))),
    openedYears: new Set([...closures, ...confirmed].map((c) => yearKeyOf(c.agreementId, c.year))),
  });
}
