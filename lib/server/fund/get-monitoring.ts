import 'server-only';
import type { MonitoringView } from '@/lib/contracts/fund';
import type { Actor } from '@/lib/domain/actor';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { db } from '@/lib/server/db';
import { indicatorTarget, judgedDirection } from '@/lib/terms';
import { confirmedYears, loadAdministration } from './administration';
import { readAdministered } from './fund-access';
import { cellDto, sealedCellDto } from './fund-dto';
import { monitoringSeal } from './monitoring-seal';
import { visibleImports } from './monitoring-import-access';

/**
 * The monitoring results of an agreement, cell by cell (year × indicator): each side's current
 * result with who entered it, the laboratory and sampling dates, superseded ones, whether the
 * sides agree within the tolerance, and the resolution of a dispute. A party's lab sees the other
 * labs' values of a cell only once it has entered its own (decision 0067).
 */
export async function getMonitoring({ actor, origin, dealId, agreementId }: { actor: Actor; origin: RequestOrigin; dealId: string; agreementId: string }): Promise<MonitoringView> {
  const { agreement, abilities, access } = await readAdministered({ actor, origin, dealId, agreementId, client: db() });
  const admin = await loadAdministration(db(), agreement);
  const settled = confirmedYears(admin);
  const viewer = abilities.side;
  const [sealed, closures, imports] = await Promise.all([
    monitoringSeal(db(), viewer, [agreement.id]),
    db().monitoringEntryClosure.findMany({ where: { agreementId: agreement.id }, select: { year: true } }),
    db().monitoringImport.findMany({ where: visibleImports(agreement.id, access.membership.side), orderBy: { createdAt: 'desc' }, take: 50 }),
  ]);
  const closed = new Set(closures.map((c) => c.year));
  return {
    agreement: { id: agreement.id, number: agreement.number, status: agreement.status, startYear: agreement.startYear, endYear: agreement.endYear, hasTerms: agreement.terms !== null },
    indicators: admin.indicators.declared.map((name) => {
      const unit = admin.indicators.units[name] ?? '';
      const { direction, signed } = judgedDirection(admin.terms?.monitoring?.[name]?.direction, unit);
      const target = indicatorTarget(admin.terms?.constants ?? {}, name);
      return {
        name,
        unit,
        needed: admin.indicators.needed.includes(name),
        tolerance: admin.rules[name]?.tolerance ?? { absolute: null, relative: null },
        labs: admin.rules[name]?.labs ?? 'both',
        target,
        direction,
        directionSigned: signed,
      };
    }),
    years: admin.years.map((year) => ({ year, settled: settled.has(year), entryClosed: closed.has(year) })),
    cells: admin.cells.map((cell) => (sealed(agreement.id, cell.year, cell.indicator) ? sealedCellDto(cellDto(cell), viewer) : cellDto(cell))),
    disputed: admin.cells.filter((c) => c.state === 'disputed' && !sealed(agreement.id, c.year, c.indicator)).length,
    imports: imports.map((i) => ({
      id: i.id,
      fileName: i.fileName,
      sha256: i.sha256,
      size: i.size,
      rows: i.rows,
      side: i.side,
      importedByName: i.importedByName,
      importedAt: i.createdAt.toISOString(),
    })),
    me: abilities,
  };
}
