import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundError } from '@/lib/domain/errors';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { db } from '@/lib/server/db';
import { readAdministered } from './fund-access';
import { visibleImports } from './monitoring-import-access';

/** An imported table's file as it was sent, if this member may open it (anything else is not found). */
export async function getMonitoringImport({ actor, origin, dealId, agreementId, importId }: { actor: Actor; origin: RequestOrigin; dealId: string; agreementId: string; importId: string }) {
  const { agreement, access } = await readAdministered({ actor, origin, dealId, agreementId, client: db() });
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(importId);
  const kept = uuid ? await db().monitoringImport.findFirst({ where: { AND: [visibleImports(agreement.id, access.membership.side), { id: importId }] }, include: { file: true } }) : null;
  if (!kept) throw new NotFoundError('evidenceFile');
  return { bytes: kept.file.bytes, contentType: kept.contentType, fileName: kept.fileName, sha256: kept.sha256 };
}
