import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { dealPeriodsFor, type ChangeDealPeriodsInput } from '@/lib/domain/deal-schemas';
import { ConflictError, ValidationError } from '@/lib/domain/errors';
import { text } from '@/lib/domain/local-text';
import { schemaProblems } from '@/lib/domain/schema-problems';
import { formatRange } from '@/lib/engine/years';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { inDealTransaction } from '@/lib/server/authz/require-deal-access';
import { dealDto } from './deal-dto';

/**
 * A manager corrects the deal's periods while no scenario of the deal has a version (decision
 * 0083): every scenario started on the platform takes the deal's periods, so once one exists both
 * sides' tables would no longer line up with the deal. The deal row is locked, and a scenario
 * started from a template reads the periods under a share lock, so the two cannot interleave.
 */
export async function changeDealPeriods({ actor, origin, dealId, input }: { actor: Actor; origin: RequestOrigin; dealId: string; input: ChangeDealPeriodsInput }) {
  return inDealTransaction({ actor, dealId, right: 'manage', origin }, async (tx, { membership }) => {
    const [deal] = await tx.$queryRaw<{ startYear: number; endYear: number; periods: unknown }[]>`SELECT "startYear", "endYear", periods FROM "Deal" WHERE id = ${dealId}::uuid FOR UPDATE`;
    const versions = await tx.scenarioVersion.count({ where: { scenario: { dealId } } });
    if (versions > 0) throw new ConflictError(text('problemLine', { field: text('field.periods'), message: text('dealPeriodsFixed', { count: versions }) }));
    const checked = dealPeriodsFor(deal!).safeParse(input);
    if (!checked.success) throw ValidationError.listing(schemaProblems(checked.error.issues, input));
    const periods = checked.data.periods.map(({ label, from, to }) => ({ label: label || formatRange({ from, to }), from, to }));
    const updated = await tx.deal.update({ where: { id: dealId }, data: { periods } });
    await appendAuditEvent(tx, {
      action: 'deal.periods_changed',
      origin,
      actor,
      side: membership.side,
      dealId,
      object: { type: 'deal', id: dealId },
      summary: { before: { periods: deal!.periods as { label: string; from: number; to: number }[] }, after: { periods } },
    });
    return dealDto(updated);
  });
}
