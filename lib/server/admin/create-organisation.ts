import 'server-only';
import type { z } from 'zod';
import type { Actor } from '@/lib/domain/actor';
import type { ZCreateOrganisation } from '@/lib/domain/deal-schemas';
import { ConflictError, ForbiddenError } from '@/lib/domain/errors';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { db } from '@/lib/server/db';
import { text } from '@/lib/domain/local-text';

export async function createOrganisation({ actor, origin, input }: { actor: Actor; origin: RequestOrigin; input: z.infer<typeof ZCreateOrganisation> }) {
  if (actor.role !== 'ADMIN') throw new ForbiddenError('administer', text('right.administerPlatform'));
  return db().$transaction(async (tx) => {
    if (await tx.organisation.findUnique({ where: { name: input.name } })) throw new ConflictError(text('problemLine', { field: 'name', message: text('organisationExists', { name: input.name }) }));
    const organisation = await tx.organisation.create({ data: input });
    await appendAuditEvent(tx, { action: 'organisation.created', origin, actor, object: { type: 'organisation', id: organisation.id }, summary: { after: input } });
    return { id: organisation.id, name: organisation.name, nameZh: organisation.nameZh, kind: organisation.kind };
  });
}
