import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import type { SignAgreementInput } from '@/lib/domain/agreement-schemas';
import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/domain/errors';
import { isId } from '@/lib/domain/ids';
import { text } from '@/lib/domain/local-text';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { requireDealAccess } from '@/lib/server/authz/require-deal-access';
import { db } from '@/lib/server/db';
import { inFundTransaction } from '@/lib/server/fund/fund-access';
import { maySignAmendment } from './amendment-access';
import { confirmSigningPassword } from './confirm-signing-password';

/**
 * Signs a pending amendment as one of the agreement's signatories, by re-entering the password, as
 * the agreement itself was signed. Under a row lock on the amendment: the same signatory's second
 * signature is refused, and the signature that leaves nobody to sign makes the amendment effective
 * (signedAt set; from then on the database refuses any change to it). A year confirmed since the
 * proposal, at or after the amendment's first year, refuses it: a confirmed year keeps its rules.
 */
export async function signAmendment({
  actor,
  origin,
  dealId,
  agreementId,
  amendmentId,
  input,
  now = new Date(),
}: {
  actor: Actor;
  origin: RequestOrigin;
  dealId: string;
  agreementId: string;
  amendmentId: string;
  input: SignAgreementInput;
  now?: Date;
}) {
  await requireDealAccess({ actor, dealId, right: 'sign', origin });
  // An amendment that is not this agreement's is not found before the password is weighed, so a
  // wrong id neither counts as a wrong password nor reaches the audit trail.
  const exists = isId(amendmentId) && isId(agreementId) ? await db().agreementAmendment.findFirst({ where: { id: amendmentId, agreementId, agreement: { dealId } }, select: { id: true } }) : null;
  if (!exists) throw new NotFoundError('amendment');
  await confirmSigningPassword({ actor, origin, dealId, object: { type: 'amendment', id: amendmentId }, password: input.password });

  return inFundTransaction({ actor, origin, dealId, agreementId, rule: maySignAmendment }, async (tx, { access, agreement }) => {
    await tx.$queryRaw`SELECT id FROM "AgreementAmendment" WHERE id = ${amendmentId}::uuid FOR UPDATE`;
    const amendment = await tx.agreementAmendment.findFirst({ where: { id: amendmentId, agreementId: agreement.id }, include: { signatures: true } });
    if (!amendment) throw new NotFoundError('amendment');
    const signatories = await tx.agreementSignatory.findMany({ where: { agreementId: agreement.id } });
    const signatory = signatories.find((s) => s.userId === actor.id);
    if (!signatory) throw new ForbiddenError('sign', text('right.signAsDesignated'));
    if (amendment.signedAt) throw new ConflictError(text('amendment.inForceAlready', { number: amendment.number }));
    if (amendment.signatures.some((s) => s.signatoryId === signatory.id)) throw new ConflictError(text('amendment.youSignedAlready', { number: amendment.number }));
    const confirmedSince = await tx.settlement.findFirst({
      where: { agreementId: agreement.id, status: 'CONFIRMED', year: { gte: amendment.effectiveFrom } },
      orderBy: { year: 'desc' },
      select: { year: true },
    });
    if (confirmedSince) throw new ConflictError(text('amendment.yearConfirmedSince', { number: amendment.number, year: confirmedSince.year }));

    await tx.agreementAmendmentSignature.create({ data: { amendmentId, signatoryId: signatory.id, signedAt: now, ip: origin.ip, userAgent: origin.userAgent } });
    const signed = amendment.signatures.length + 1;
    const effective = signed >= signatories.length;
    if (effective) await tx.agreementAmendment.update({ where: { id: amendmentId }, data: { signedAt: now } });
    await appendAuditEvent(tx, {
      action: 'agreement.amendment_signed',
      origin,
      actor,
      side: access.membership.side,
      dealId,
      object: { type: 'agreement', id: agreement.id },
      summary: { after: { amendmentId, number: amendment.number, effectiveFrom: amendment.effectiveFrom, signatures: `${signed}/${signatories.length}`, effective } },
    });
    return { id: amendmentId, number: amendment.number, effective };
  });
}
