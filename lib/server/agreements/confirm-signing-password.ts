import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { DomainError, ValidationError } from '@/lib/domain/errors';
import { text } from '@/lib/domain/local-text';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { verifyPassword } from '@/lib/server/auth/password';
import { clearAccountFailures, recordFailedSignIn, signInBlockedFor } from '@/lib/server/auth/rate-limit';
import { db } from '@/lib/server/db';

/** Too many wrong passwords: the same per-account and per-address budget as signing in. */
export class TooManyAttemptsError extends DomainError {
  readonly status = 429;
  readonly code = 'rate_limited';
  override readonly field = 'password';
  override readonly details: { retryAfterSeconds: number };
  constructor(retryAfterSeconds: number) {
    super(text('tooManyWrongPasswords', { seconds: retryAfterSeconds }));
    this.details = { retryAfterSeconds };
  }
}

/**
 * A signature's password, re-entered: checked against the sign-in limiter, so that signing (an
 * agreement or an amendment) is no side door for guessing a password. A wrong one is recorded on
 * the platform chain like a failed sign-in and changes nothing in the deal.
 */
export async function confirmSigningPassword({
  actor,
  origin,
  dealId,
  object,
  password,
}: {
  actor: Actor;
  origin: RequestOrigin;
  dealId: string;
  object: { type: 'agreement' | 'amendment'; id: string };
  password: string;
}) {
  const retryAfterSeconds = await signInBlockedFor(actor.email, origin.ip);
  if (retryAfterSeconds > 0) throw new TooManyAttemptsError(retryAfterSeconds);
  const user = await db().user.findUnique({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(user?.passwordHash ?? null, password))) {
    await recordFailedSignIn(actor.email, origin.ip);
    await db().$transaction((tx) => appendAuditEvent(tx, { action: 'agreement.sign_failed', origin, actor, object, summary: { reason: 'wrong_password', dealId } }));
    throw new ValidationError(text('passwordIncorrect'), 'password');
  }
  await clearAccountFailures(actor.email);
}
