import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signIn } from '../../lib/server/auth/sign-in';
import { signInLimits } from '../../lib/server/auth/rate-limit';
import { makeUser, testDb, testPassword } from '../factories';

const origin = () => ({ ip: `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`, userAgent: 'vitest' });

describe('signIn', () => {
  it('accepts the right password and records the sign-in', async () => {
    const user = await makeUser();
    const result = await signIn({ email: user.email.toUpperCase(), password: testPassword, origin: origin() });
    expect(result).toMatchObject({ ok: true, user: { id: user.id, email: user.email } });
    const events = await testDb().auditEvent.findMany({ where: { actorId: user.id, action: 'auth.sign_in' } });
    expect(events).toHaveLength(1);
  });

  it('gives one answer for a wrong password and an unknown e-mail, and records both', async () => {
    const user = await makeUser();
    const wrongPassword = await signIn({ email: user.email, password: 'not-the-password', origin: origin() });
    const unknownEmail = `nobody-${randomUUID()}@example.test`;
    const unknown = await signIn({ email: unknownEmail, password: testPassword, origin: origin() });
    expect(wrongPassword).toEqual({ ok: false, reason: 'invalid' });
    expect(unknown).toEqual(wrongPassword);
    const failures = await testDb().auditEvent.findMany({ where: { action: 'auth.sign_in_failed', email: { in: [user.email, unknownEmail] } } });
    expect(failures.map((event) => (event.summary as { reason: string }).reason).sort()).toEqual(['unknown_email', 'wrong_password']);
  });

  it('refuses a disabled user with the same answer', async () => {
    const user = await makeUser({ disabled: true });
    expect(await signIn({ email: user.email, password: testPassword, origin: origin() })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses malformed input without throwing', async () => {
    expect(await signIn({ email: 42, password: undefined, origin: origin() })).toEqual({ ok: false, reason: 'invalid' });
    expect(await signIn({ email: 'x'.repeat(5000), password: 'p', origin: origin() })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('blocks an account after repeated failures, even with the right password, and says for how long', async () => {
    const user = await makeUser();
    for (let attempt = 0; attempt < signInLimits.perAccount.points; attempt++) {
      expect(await signIn({ email: user.email, password: `wrong-${attempt}`, origin: origin() })).toMatchObject({ ok: false, reason: 'invalid' });
    }
    const blocked = await signIn({ email: user.email, password: testPassword, origin: origin() });
    expect(blocked).toMatchObject({ ok: false, reason: 'rate_limited' });
    if (blocked.ok || blocked.reason !== 'rate_limited') throw new Error('expected a rate limit');
    expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
    expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(signInLimits.perAccount.duration);
    expect(await testDb().auditEvent.count({ where: { action: 'auth.sign_in_blocked', email: user.email } })).toBe(1);
  });

  it('blocks an address that tries many accounts', async () => {
    const from = { ip: '192.0.2.77', userAgent: 'vitest' };
    for (let attempt = 0; attempt < signInLimits.perIp.points; attempt++) {
      await signIn({ email: `guess-${attempt}-${randomUUID()}@example.test`, password: 'guess', origin: from });
    }
    const user = await makeUser();
    expect(await signIn({ email: user.email, password: testPassword, origin: from })).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect(await signIn({ email: user.email, password: testPassword, origin: origin() })).toMatchObject({ ok: true });
  });

  it('limits malformed attempts before writing anything, and records 300 refusals from one address in a few rows', async () => {
    const ip = `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const from = { ip, userAgent: 'vitest flood' };
    const outcomes: Record<string, number> = {};
    for (let i = 0; i < 300; i++) {
      const result = await signIn({ email: i % 2 ? 42 : `not-an-email-${i}`, password: undefined, origin: from });
      const key = result.ok ? 'ok' : result.reason;
      outcomes[key] = (outcomes[key] ?? 0) + 1;
    }
    // Malformed attempts count against the address: after 30 the address is blocked, even with the right password.
    expect(outcomes).toEqual({ invalid: signInLimits.perIp.points, rate_limited: 300 - signInLimits.perIp.points });
    const user = await makeUser();
    expect(await signIn({ email: user.email, password: testPassword, origin: from })).toMatchObject({ ok: false, reason: 'rate_limited' });

    const rows = await testDb().auditEvent.findMany({ where: { ip }, select: { action: true, summary: true } });
    // Two rows: the first refusal of each kind (four if a 15-minute window turned over during the run).
    expect(rows.length).toBeLessThanOrEqual(4);
    expect([...new Set(rows.map((row) => row.action))].sort()).toEqual(['auth.sign_in_blocked', 'auth.sign_in_failed']);
    const windows = await testDb().securityEventWindow.findMany({ where: { source: ip }, select: { action: true, count: true } });
    const counted = Object.fromEntries(windows.map((w) => [w.action, w.count]));
    expect(windows.length).toBeLessThanOrEqual(4);
    expect(counted['auth.sign_in_failed']).toBeLessThanOrEqual(signInLimits.perIp.points);
    expect(windows.reduce((sum, w) => sum + w.count, 0)).toBe(301);
  });
});
