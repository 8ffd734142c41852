import 'server-only';
import type { z } from 'zod';
import type { Actor } from '@/lib/domain/actor';
import type { ZCreateUser } from '@/lib/domain/deal-schemas';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/domain/errors';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { hashPassword } from '@/lib/server/auth/password';
import { passwordProblem } from '@/lib/server/auth/password-policy';
import { db } from '@/lib/server/db';
import { text } from '@/lib/domain/local-text';

export async function createUser({ actor, origin, input }: { actor: Actor; origin: RequestOrigin; input: z.infer<typeof ZCreateUser> }) {
  if (actor.role !== 'ADMIN') throw new ForbiddenError('administer', text('right.administerPlatform'));
  const { password, ...profile } = input;
  const weak = passwordProblem(password, [profile.email, profile.name, ...profile.email.split(/[@._-]/), ...profile.name.split(/\s+/)]);
  if (weak) throw new ValidationError(weak, 'password');
  const passwordHash = await hashPassword(password);
  return db().$transaction(async (tx) => {
    if (!(await tx.organisation.findUnique({ where: { id: profile.organisationId } }))) throw new ValidationError(text('noOrganisation'), 'organisationId');
    if (await tx.user.findUnique({ where: { email: profile.email } })) throw new ConflictError(text('problemLine', { field: 'email', message: text('userExists') }));
    const user = await tx.user.create({ data: { ...profile, passwordHash } });
    await appendAuditEvent(tx, { action: 'user.created', origin, actor, object: { type: 'user', id: user.id }, summary: { after: profile } });
    return { id: user.id, email: user.email, name: user.name, role: user.role, organisationId: user.organisationId };
  });
}
