import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { ConflictError, ValidationError } from '@/lib/domain/errors';
import type { SetTolerancesInput } from '@/lib/domain/fund-schemas';
import { parseTolerance, type Tolerance } from '@/lib/domain/monitoring';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { loadAdministration } from './administration';
import { inFundTransaction, mayAdminister } from './fund-access';
import { problem, text, type Problem } from '@/lib/domain/local-text';

/**
 * Records the agreed tolerance of some indicators: the largest absolute difference and the
 * largest relative difference (a fraction of the mean) at which two sides' results still agree.
 * Empty parts clear it. Confirmed settlements keep the values they were run on.
 */
export async function setIndicatorTolerances({ actor, origin, dealId, agreementId, input }: { actor: Actor; origin: RequestOrigin; dealId: string; agreementId: string; input: SetTolerancesInput }) {
  return inFundTransaction({ actor, origin, dealId, agreementId, rule: mayAdminister }, async (tx, { access, agreement }) => {
    const admin = await loadAdministration(tx, agreement);
    // What both parties signed is not the fund's to change (docs/decisions/0066).
    if (admin.tolerancesSigned) throw new ConflictError(text('tolerancesSigned'));
    const problems: Problem[] = [];
    const parsed: Record<string, Tolerance> = {};
    for (const [indicator, raw] of Object.entries(input.tolerances)) {
      if (!admin.indicators.declared.includes(indicator)) {
        problems.push(problem(`tolerances.${indicator}`, text('unknownToleranceIndicator', { declared: admin.indicators.declared.length ? admin.indicators.declared : text('none') })));
        continue;
      }
      const outcome = parseTolerance(raw);
      if (outcome.ok) parsed[indicator] = outcome.tolerance;
      else problems.push(...outcome.problems.map((p) => ({ ...p, field: `tolerances.${indicator}.${p.field}` })));
    }
    if (!Object.keys(input.tolerances).length) problems.push(problem('tolerances', text('giveOneIndicator')));
    if (problems.length) throw ValidationError.listing(problems);
    const before: Record<string, Tolerance | null> = {};
    for (const [indicator, tolerance] of Object.entries(parsed)) {
      before[indicator] = admin.tolerances[indicator] ?? null;
      await tx.indicatorTolerance.upsert({
        where: { agreementId_indicator: { agreementId: agreement.id, indicator } },
        create: { agreementId: agreement.id, indicator, absolute: tolerance.absolute, relative: tolerance.relative, updatedById: actor.id },
        update: { absolute: tolerance.absolute, relative: tolerance.relative, updatedById: actor.id },
      });
    }
    await appendAuditEvent(tx, {
      action: 'monitoring.tolerances_set',
      origin,
      actor,
      side: access.membership.side,
      dealId,
      object: { type: 'agreement', id: agreement.id },
      summary: { before, after: parsed } as never,
    });
    return { tolerances: { ...admin.tolerances, ...parsed } };
  });
}
