import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { ValidationError } from '@/lib/domain/errors';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { inDealTransaction } from '@/lib/server/authz/require-deal-access';
import { versionInDeal } from './scenario-access';
import { text } from '@/lib/domain/local-text';

const target = /^(scenario|(costs|subsidies|benefits|downstreamCosts)\[\d{1,4}\])$/;

/** Any member may comment, on a version or one of its line items; both sides see it. */
export async function addComment({ actor, origin, dealId, versionId, input }: { actor: Actor; origin: RequestOrigin; dealId: string; versionId: string; input: { body: string; target?: string | null } }) {
  const body = input.body.trim();
  if (!body) throw new ValidationError(text('writeSomething'), 'body');
  if (body.length > 4000) throw new ValidationError(text('atMostCharacters', { max: 4000 }), 'body');
  if (input.target && !target.test(input.target)) throw new ValidationError(text('mustBeEvidenceTarget'), 'target');
  return inDealTransaction({ actor, dealId, right: 'view', origin }, async (tx, { membership }) => {
    await versionInDeal(dealId, versionId, tx);
    const comment = await tx.comment.create({ data: { versionId, target: input.target ?? null, body, authorId: actor.id, side: membership.side } });
    await appendAuditEvent(tx, { action: 'comment.added', origin, actor, side: membership.side, dealId, object: { type: 'comment', id: comment.id }, summary: { after: { versionId, target: comment.target, length: body.length } } });
    return { id: comment.id, target: comment.target, body, author: actor.name, side: membership.side, createdAt: comment.createdAt.toISOString() };
  });
}
