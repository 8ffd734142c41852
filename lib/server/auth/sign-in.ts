import 'server-only';
import { ZSignIn } from '@/lib/domain/auth-schemas';
import type { AppLocale } from '@/lib/domain/locale';
import { recordSecurityEvent } from '@/lib/server/audit/record-security-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { db } from '@/lib/server/db';
import { verifyPassword } from './password';
import { clearAccountFailures, recordFailedSignIn, signInBlockedFor } from './rate-limit';

export type SignInResult =
  { ok: true; user: { id: string; email: string; name: string; locale: AppLocale } } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

/**
 * Checks credentials; one answer for unknown e-mail, wrong password and disabled account. The
 * limits come before anything is written: a blocked address or account is refused first, and a
 * malformed attempt counts against its address like a wrong password. Refusals are recorded once
 * per source and window (recordSecurityEvent).
 */
export async function signIn(input: { email: unknown; password: unknown; origin: RequestOrigin }): Promise<SignInResult> {
  const parsed = ZSignIn.safeParse({ email: input.email, password: input.password });
  const email = typeof input.email === 'string' ? input.email.trim().toLowerCase().slice(0, 254) : '';
  const ip = input.origin.ip;

  const retryAfterSeconds = await signInBlockedFor(parsed.success ? parsed.data.email : null, ip);
  if (retryAfterSeconds > 0) {
    await recordSecurityEvent({ action: 'auth.sign_in_blocked', origin: input.origin, email, detail: { retryAfterSeconds } });
    return { ok: false, reason: 'rate_limited', retryAfterSeconds };
  }

  if (!parsed.success) {
    await recordFailedSignIn(null, ip);
    await recordSecurityEvent({ action: 'auth.sign_in_failed', origin: input.origin, email, detail: { reason: 'malformed' } });
    return { ok: false, reason: 'invalid' };
  }

  const user = await db().user.findUnique({ where: { email: parsed.data.email } });
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, parsed.data.password);
  if (!user || !passwordOk || user.disabled) {
    await recordFailedSignIn(parsed.data.email, ip);
    await recordSecurityEvent({
      action: 'auth.sign_in_failed',
      origin: input.origin,
      actorId: user?.id,
      email,
      detail: { reason: !user ? 'unknown_email' : user.disabled && passwordOk ? 'disabled' : 'wrong_password' },
    });
    return { ok: false, reason: 'invalid' };
  }

  await clearAccountFailures(parsed.data.email);
  await recordSecurityEvent({ action: 'auth.sign_in', origin: input.origin, actorId: user.id, email });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, locale: user.locale } };
}
