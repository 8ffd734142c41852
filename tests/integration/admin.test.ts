import { describe, expect, it } from 'vitest';
import { ForbiddenError, ValidationError } from '../../lib/domain/errors';
import { createOrganisation } from '../../lib/server/admin/create-organisation';
import { createUser } from '../../lib/server/admin/create-user';
import { setUserDisabled } from '../../lib/server/admin/set-user-disabled';
import { loadActor } from '../../lib/server/auth/current-actor';
import { signIn } from '../../lib/server/auth/sign-in';
import { makeUser, testDb } from '../factories';

const origin = { ip: '198.51.100.20', userAgent: 'vitest admin' };

describe('platform administration', () => {
  it('lets only a platform administrator create organisations and users', async () => {
    const admin = (await loadActor((await makeUser({ role: 'ADMIN' })).id))!;
    const fundAdmin = (await loadActor((await makeUser({ role: 'FUND_ADMIN' })).id))!;
    const org = await createOrganisation({ actor: admin, origin, input: { name: `Danjiangkou Bureau ${Date.now()}`, nameZh: '丹江口水务局', kind: 'UPSTREAM_GOVERNMENT' } });
    await expect(createOrganisation({ actor: fundAdmin, origin, input: { name: `X ${Date.now()}`, nameZh: 'X', kind: 'OBSERVER' } })).rejects.toBeInstanceOf(ForbiddenError);
    const email = `official-${Date.now()}@example.test`;
    const user = await createUser({ actor: admin, origin, input: { email, name: 'Zhou Li', password: 'reservoir shoreline 2031 survey', role: 'MEMBER', locale: 'zh', organisationId: org.id } });
    expect(await signIn({ email, password: 'reservoir shoreline 2031 survey', origin })).toMatchObject({ ok: true, user: { id: user.id } });
    expect(await testDb().auditEvent.count({ where: { action: { in: ['organisation.created', 'user.created'] }, actorId: admin.id } })).toBe(2);
  });

  it.each([
    ['short', 'must be at least 12 characters'],
    ['password1234', 'commonly used|easy to guess'],
    ['qwertyuiop12', 'commonly used|easy to guess'],
    ['iloveyou2026', 'commonly used|easy to guess'],
    ['abcdefghijkl', 'commonly used|easy to guess'],
  ])('refuses the password %s with a reason, creating nothing', async (password, reason) => {
    const admin = (await loadActor((await makeUser({ role: 'ADMIN' })).id))!;
    const organisation = await testDb().organisation.findFirstOrThrow();
    const email = `zhou.li-${Date.now()}@example.test`;
    const error = await createUser({ actor: admin, origin, input: { email, name: 'Zhou Li', password, role: 'MEMBER', locale: 'zh', organisationId: organisation.id } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('password');
    expect((error as Error).message).toMatch(new RegExp(reason));
    expect(await testDb().user.count({ where: { email } })).toBe(0);
  });

  it('disabling a user ends their access at once', async () => {
    const admin = (await loadActor((await makeUser({ role: 'ADMIN' })).id))!;
    const user = await makeUser();
    expect(await loadActor(user.id)).not.toBeNull();
    await setUserDisabled({ actor: admin, origin, userId: user.id, disabled: true });
    expect(await loadActor(user.id)).toBeNull();
  });
});
