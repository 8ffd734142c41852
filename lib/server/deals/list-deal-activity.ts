import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { describeAuditEvent } from '@/lib/domain/audit-summary';
import type { ActivityFilter } from '@/lib/domain/deal-schemas';
import { entersBlind, sealedSummary } from '@/lib/domain/monitoring-visibility';
import type { AuditEvent } from '@/lib/generated/prisma/client';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { requireDealAccess } from '@/lib/server/authz/require-deal-access';
import { db } from '@/lib/server/db';
import { monitoringSeal } from '@/lib/server/fund/monitoring-seal';

export type ActivityDto = Awaited<ReturnType<typeof activityDto>>[number];

// The ids an event's summary names, so its sentence can say who and which scenario.
function mentioned(events: AuditEvent[], key: 'scenarioId' | 'userId'): string[] {
  const ids = events.flatMap((event) => {
    const summary = event.summary as { before?: Record<string, unknown>; after?: Record<string, unknown> } | null;
    return [summary?.before?.[key], summary?.after?.[key]];
  });
  return ids.filter((id): id is string => typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id));
}

/** A user an event names, as its sentence and actor column show them. */
export interface NamedUser {
  id: string;
  name: string;
  organisation: { name: string; nameZh: string };
}

const namedUser = { id: true, name: true, organisation: { select: { name: true, nameZh: true } } } as const;

/**
 * The events as the activity list shows them. `known`: users the caller has already read (the
 * deal overview reads the members anyway), who are then not read again; only the others are.
 */
export async function activityDto(events: AuditEvent[], known: readonly NamedUser[] = []) {
  const byId = new Map(known.map((user) => [user.id, user]));
  const userIds = [...new Set([...events.map((event) => event.actorId).filter((id): id is string => Boolean(id)), ...mentioned(events, 'userId')])].filter((id) => !byId.has(id));
  const scenarioIds = [...new Set(mentioned(events, 'scenarioId'))];
  const [users, scenarios] = await Promise.all([
    userIds.length ? db().user.findMany({ where: { id: { in: userIds } }, select: namedUser }) : [],
    scenarioIds.length ? db().scenario.findMany({ where: { id: { in: scenarioIds } }, select: { id: true, name: true } }) : [],
  ]);
  for (const user of users) byId.set(user.id, user);
  const scenarioNames = new Map(scenarios.map((scenario) => [scenario.id, scenario.name]));
  const names = { user: (id: string) => byId.get(id)?.name, scenario: (id: string) => scenarioNames.get(id) };
  return events.map((event) => {
    const actor = event.actorId ? byId.get(event.actorId) : undefined;
    return {
      description: describeAuditEvent(event, actor?.name ?? event.email ?? '—', names),
      id: event.id.toString(),
      seq: event.seq,
      at: event.at.toISOString(),
      action: event.action,
      actor: actor ? { id: actor.id, name: actor.name, organisation: actor.organisation.name, organisationZh: actor.organisation.nameZh } : null,
      side: event.side,
      object: event.objectType ? { type: event.objectType, id: event.objectId } : null,
      summary: event.summary,
      hash: event.hash,
    };
  });
}

/** The events with the monitoring values a blind viewer may not see yet removed (decision 0067). */
async function sealMonitoring(events: AuditEvent[], side: string): Promise<AuditEvent[]> {
  const agreementIds = [...new Set(events.filter((e) => e.action.startsWith('monitoring.') && e.objectId).map((e) => e.objectId!))];
  if (!entersBlind(side) || agreementIds.length === 0) return events;
  const sealed = await monitoringSeal(db(), side, agreementIds);
  return events.map((event) => ({ ...event, summary: sealedSummary(event, side, sealed) as AuditEvent['summary'] }));
}

/** A deal's activity, newest first, filtered; members only. */
export async function listDealActivity({ actor, origin, dealId, filter }: { actor: Actor; origin: RequestOrigin; dealId: string; filter: ActivityFilter }) {
  const { membership } = await requireDealAccess({ actor, dealId, right: 'view', origin });
  const events = await db().auditEvent.findMany({
    where: {
      dealId,
      ...(filter.action ? { action: { startsWith: filter.action } } : {}),
      ...(filter.actorId ? { actorId: filter.actorId } : {}),
      ...(filter.from || filter.to ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lte: filter.to } : {}) } } : {}),
      ...(filter.before ? { id: { lt: filter.before } } : {}),
    },
    orderBy: { id: 'desc' },
    take: filter.limit + 1,
  });
  const page = await sealMonitoring(events.slice(0, filter.limit), membership.side);
  return { events: await activityDto(page), nextBefore: events.length > filter.limit ? page.at(-1)!.id.toString() : null };
}
