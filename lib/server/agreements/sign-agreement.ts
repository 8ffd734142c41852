import 'server-only';
import type { Actor, DealStatus } from '@/lib/domain/actor';
import { refuseSignature, statusAfterSignature, type AgreementStatus, type SignatureRefusal } from '@/lib/domain/agreement-state';
import type { SignAgreementInput } from '@/lib/domain/agreement-schemas';
import { mayMoveDeal } from '@/lib/domain/deal-rights';
import { ConflictError, ForbiddenError, type DomainError } from '@/lib/domain/errors';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { inDealTransaction, requireDealAccess } from '@/lib/server/authz/require-deal-access';
import { db } from '@/lib/server/db';
import { agreementHash, loadAgreementRows } from './agreement-content';
import { confirmSigningPassword } from './confirm-signing-password';
import { text } from '@/lib/domain/local-text';

export { TooManyAttemptsError } from './confirm-signing-password';

/**
 * Signs an agreement as one of its designated signatories, by re-entering the password. The
 * password check shares the sign-in limiter, so signing is no side door for guessing a password.
 * Under a row lock on the agreement the state is checked again: two signatures racing are taken
 * one after the other, the same person's second attempt is refused, and exactly one of them finds
 * nobody left to sign and archives the agreement: hash over the stored rows, status ARCHIVED
 * (after which the database refuses any change), and the deal moved to AGREED when it is
 * negotiating. A wrong password writes nothing to the deal.
 */
export async function signAgreement({
  actor,
  origin,
  dealId,
  agreementId,
  input,
  now = new Date(),
}: {
  actor: Actor;
  origin: RequestOrigin;
  dealId: string;
  agreementId: string;
  input: SignAgreementInput;
  now?: Date;
}) {
  await requireDealAccess({ actor, dealId, right: 'sign', origin });
  const before = await loadAgreementRows(db(), dealId, agreementId);
  const early = refuseSignature(before.agreement, signatoryState(before, actor.id));
  if (early) throw refusal(early);

  await confirmSigningPassword({ actor, origin, dealId, object: { type: 'agreement', id: agreementId }, password: input.password });

  return inDealTransaction({ actor, dealId, right: 'sign', origin }, async (tx, { membership }) => {
    await tx.$queryRaw`SELECT id FROM "Agreement" WHERE id = ${agreementId}::uuid FOR UPDATE`;
    const rows = await loadAgreementRows(tx, dealId, agreementId);
    const refused = refuseSignature(rows.agreement, signatoryState(rows, actor.id));
    if (refused) throw refusal(refused);
    const signatory = rows.signatories.find((s) => s.userId === actor.id)!;
    await tx.agreementSignature.create({ data: { agreementId, signatoryId: signatory.id, signedAt: now, ip: origin.ip, userAgent: origin.userAgent } });
    const stillToSign = rows.signatories.filter((s) => !s.signature && s.id !== signatory.id).length;
    const archive = statusAfterSignature(stillToSign) === 'ARCHIVED';

    // The deal row before the audit chain, the order every deal change takes them in. NO KEY UPDATE:
    // an acceptance drafting another agreement (a foreign-key share lock on the deal) need not wait.
    const [deal] = archive ? await tx.$queryRaw<{ status: DealStatus }[]>`SELECT status FROM "Deal" WHERE id = ${dealId}::uuid FOR NO KEY UPDATE` : [];
    await appendAuditEvent(tx, {
      action: 'agreement.signed',
      origin,
      actor,
      side: membership.side,
      dealId,
      object: { type: 'agreement', id: agreementId },
      summary: { after: { number: rows.agreement.number, signedAt: now.toISOString(), signatures: `${rows.signatories.length - stillToSign}/${rows.signatories.length}` } },
    });
    if (!archive) return { status: 'DRAFT' as AgreementStatus, hash: null, dealStatus: null };

    const signed = await loadAgreementRows(tx, dealId, agreementId);
    const hash = agreementHash(signed, now);
    await tx.agreement.update({ where: { id: agreementId }, data: { status: 'ARCHIVED', archivedAt: now, hash } });
    await appendAuditEvent(tx, {
      action: 'agreement.archived',
      origin,
      actor,
      side: membership.side,
      dealId,
      object: { type: 'agreement', id: agreementId },
      summary: { before: { status: 'DRAFT' }, after: { status: 'ARCHIVED', hash } },
    });
    let dealStatus: DealStatus | null = null;
    if (deal && mayMoveDeal(deal.status, 'AGREED')) {
      await tx.deal.update({ where: { id: dealId }, data: { status: 'AGREED' } });
      dealStatus = 'AGREED';
      await appendAuditEvent(tx, {
        action: 'deal.status_changed',
        origin,
        actor,
        side: membership.side,
        dealId,
        object: { type: 'deal', id: dealId },
        summary: { before: { status: deal.status }, after: { status: 'AGREED' }, agreementNumber: rows.agreement.number },
      });
    }
    return { status: 'ARCHIVED' as AgreementStatus, hash, dealStatus };
  });
}

function signatoryState(rows: Awaited<ReturnType<typeof loadAgreementRows>>, userId: string) {
  const signatory = rows.signatories.find((s) => s.userId === userId);
  return signatory ? { signed: Boolean(signatory.signature) } : null;
}

function refusal(refused: SignatureRefusal): DomainError {
  // Not being a designated signatory is a missing right; the rest is the agreement's state.
  return refused.reason === 'not_signatory' ? new ForbiddenError('sign', text('right.signAsDesignated')) : new ConflictError(refused.text);
}
