import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Actor, Side } from '@/lib/domain/actor';
import type { AuditAction, AuditSummaries } from '@/lib/domain/audit-summary';
import { appendToChain, platformChain } from '@/lib/infra/audit-chain';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import type { Tx } from '@/lib/server/transaction';

interface AuditBase {
  origin: RequestOrigin;
  actor?: Pick<Actor, 'id' | 'email' | 'organisation'> | null;
  email?: string | null;
  side?: Side | null;
  dealId?: string | null;
  object?: { type: string; id: string } | null;
}

/** An action with the summary its type asks for (lib/domain/audit-summary.ts): before/after of the change, or other detail. */
export type AuditInput = { [A in AuditAction]: AuditBase & { action: A; summary: AuditSummaries[A] } }[AuditAction];

/**
 * Appends an event to its chain (the deal's, or the platform's) inside the caller's transaction,
 * so the change and its record commit or roll back together.
 */
export async function appendAuditEvent(tx: Tx, input: AuditInput): Promise<{ seq: number; hash: string }> {
  return appendToChain(tx, {
    chain: input.dealId ?? platformChain,
    at: new Date(),
    action: input.action,
    actorId: input.actor?.id ?? null,
    email: input.actor?.email ?? input.email ?? null,
    organisationId: input.actor?.organisation.id ?? null,
    side: input.side ?? null,
    dealId: input.dealId ?? null,
    objectType: input.object?.type ?? null,
    objectId: input.object?.id ?? null,
    summary: (input.summary ?? null) as Prisma.InputJsonValue | null,
    ip: input.origin.ip,
    userAgent: input.origin.userAgent,
  });
}
