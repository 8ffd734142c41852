import 'server-only';
import type { AuditSummaries } from '@/lib/domain/audit-summary';
import { db } from '@/lib/server/db';
import { appendAuditEvent } from './append-audit-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';

export type SecurityAction = 'auth.sign_in' | 'auth.sign_in_failed' | 'auth.sign_in_blocked' | 'access.refused';

/** Refusals repeat (a guesser, a scanner): one audit event per source and window, the rest counted. */
const repeatedActions = new Set<SecurityAction>(['auth.sign_in_failed', 'auth.sign_in_blocked', 'access.refused']);
export const securityWindowSeconds = 15 * 60;

/**
 * Sign-ins and refused access: not part of a deal change, so each is its own transaction, on the
 * platform chain (a stranger's probe of a deal is not shown on that deal's activity page).
 * A refusal is an audit event the first time in a 15-minute window from its source (the address,
 * and the user when signed in); after that it only raises the window's count in
 * SecurityEventWindow, so that 300 refused requests are two rows, not 300
 * (docs/decisions/0064-security-event-windows.md).
 */
type SecurityInput = {
  [A in SecurityAction]: { action: A; origin: RequestOrigin; actorId?: string | null; email?: string | null; object?: { type: string; id: string } | null; detail?: AuditSummaries[A] };
}[SecurityAction];

export async function recordSecurityEvent(input: SecurityInput): Promise<void> {
  await db().$transaction(async (tx) => {
    let window: { id: bigint; windowStart: Date } | null = null;
    if (repeatedActions.has(input.action)) {
      const now = new Date();
      const windowStart = new Date(Math.floor(now.getTime() / (securityWindowSeconds * 1000)) * securityWindowSeconds * 1000);
      const source = input.actorId ? `${input.origin.ip} ${input.actorId}` : input.origin.ip;
      const [counted] = await tx.$queryRaw<{ id: bigint; count: number }[]>`
        INSERT INTO "SecurityEventWindow" (action, source, "windowStart", count, "firstAt", "lastAt")
        VALUES (${input.action}, ${source.slice(0, 200)}, ${windowStart}, 1, ${now}, ${now})
        ON CONFLICT (action, source, "windowStart") DO UPDATE SET count = "SecurityEventWindow".count + 1, "lastAt" = EXCLUDED."lastAt"
        RETURNING id, count`;
      if (counted!.count > 1) return;
      window = { id: counted!.id, windowStart };
    }
    const actor = input.actorId ? await tx.user.findUnique({ where: { id: input.actorId }, include: { organisation: true } }) : null;
    const detail = input.detail ?? null;
    await appendAuditEvent(tx, {
      action: input.action,
      origin: input.origin,
      actor: actor ? { id: actor.id, email: actor.email, organisation: actor.organisation } : null,
      email: input.email,
      object: input.object,
      summary: window
        ? {
            ...(detail && typeof detail === 'object' && !Array.isArray(detail) ? detail : { detail }),
            window: { id: window.id.toString(), from: window.windowStart.toISOString(), seconds: securityWindowSeconds },
          }
        : detail,
    } as Parameters<typeof appendAuditEvent>[1]);
  });
}
