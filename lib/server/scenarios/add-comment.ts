import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { itemAt } from '@/lib/domain/comment-anchor';
import { ValidationError } from '@/lib/domain/errors';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { inDealTransaction } from '@/lib/server/authz/require-deal-access';
import { text } from '@/lib/domain/local-text';
import { evidenceTargetNames } from '@/lib/domain/scenario-schemas';
import { threadComment } from './comment-thread';
import { versionInDeal } from './scenario-access';

const target = /^(scenario|(costs|subsidies|benefits|downstreamCosts)\[\d{1,4}\])$/;

/**
 * Any member may comment on a version, about the scenario or one of its line items; both sides
 * see it in the scenario's thread, on every version (comment-thread.ts).
 */
export async function addComment({
  actor,
  origin,
  dealId,
  versionId,
  input,
}: {
  actor: Actor;
  origin: RequestOrigin;
  dealId: string;
  versionId: string;
  input: { body: string; target?: string | null };
}) {
  const body = input.body.trim();
  if (!body) throw new ValidationError(text('writeSomething'), 'body');
  if (body.length > 4000) throw new ValidationError(text('atMostCharacters', { max: 4000 }), 'body');
  if (input.target && !target.test(input.target)) throw new ValidationError(text('mustBeEvidenceTarget', evidenceTargetNames), 'target');
  return inDealTransaction({ actor, dealId, right: 'view', origin }, async (tx, { membership }) => {
    const version = await versionInDeal(dealId, versionId, tx);
    // "scenario" is the whole scenario, as the evidence links name it; a line must be one of this version's.
    const about = input.target && input.target !== 'scenario' ? input.target : null;
    if (about && !itemAt(version.document, about)) throw new ValidationError(text('notALineOfVersion'), 'target');
    const comment = await tx.comment.create({ data: { versionId, target: about, body, authorId: actor.id, side: membership.side } });
    await appendAuditEvent(tx, {
      action: 'comment.added',
      origin,
      actor,
      side: membership.side,
      dealId,
      object: { type: 'comment', id: comment.id },
      summary: { after: { versionId, target: comment.target, length: body.length } },
    });
    return threadComment(comment, actor.name, version, version);
  });
}
