import { codeNames, refusal, text, type Refusal } from './local-text';

/**
 * An agreement's life. Accepting an offer drafts it; it waits for every designated signatory; the
 * last signature archives it (frozen and hashed). A draft may be voided, never an archived one.
 * The database enforces the same (prisma/migrations/*_agreements), this is what the code asks first.
 */
export const agreementStatuses = ['DRAFT', 'ARCHIVED', 'VOID'] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];
export const agreementStatusNames = codeNames(agreementStatuses, { draft: 'DRAFT', archived: 'ARCHIVED', void: 'VOID' });

export const agreementTransitions: Record<AgreementStatus, AgreementStatus[]> = {
  DRAFT: ['ARCHIVED', 'VOID'],
  ARCHIVED: [],
  VOID: [],
};

export function mayMoveAgreement(from: AgreementStatus, to: AgreementStatus): boolean {
  return agreementTransitions[from].includes(to);
}

export function isAgreementStatus(value: unknown): value is AgreementStatus {
  return typeof value === 'string' && (agreementStatuses as readonly string[]).includes(value);
}

export type SignatureRefusal = { reason: 'not_draft' | 'not_signatory' | 'signed_already' } & Refusal;

/** Null when this person may sign now; otherwise why not. `signatory` is null for someone not designated. */
export function refuseSignature(agreement: { status: AgreementStatus }, signatory: { signed: boolean } | null): SignatureRefusal | null {
  if (agreement.status !== 'DRAFT')
    return { reason: 'not_draft', ...refusal(text('agreementIsAlready', { state: text(agreement.status === 'ARCHIVED' ? 'agreementDone.archived' : 'agreementDone.void') })) };
  if (!signatory) return { reason: 'not_signatory', ...refusal(text('notASignatory')) };
  if (signatory.signed) return { reason: 'signed_already', ...refusal(text('signedAlready')) };
  return null;
}

/** What a signature leaves: archived when nobody is left to sign, still a draft otherwise. */
export function statusAfterSignature(stillToSign: number): Extract<AgreementStatus, 'DRAFT' | 'ARCHIVED'> {
  return stillToSign <= 0 ? 'ARCHIVED' : 'DRAFT';
}

/** Only the sides that pay and are paid sign; the fund keeps the agreement, observers watch. */
export const signingSides = ['UPSTREAM', 'DOWNSTREAM'] as const;
export type SigningSide = (typeof signingSides)[number];

export function isSigningSide(side: string): side is SigningSide {
  return (signingSides as readonly string[]).includes(side);
}

/**
 * The hash check of an agreement: null while nothing is hashed yet (a draft), true when the
 * stored hash matches the one recomputed from the stored rows and the one the audit trail
 * recorded when it was archived (`audited`: a changed agreement whose hash was recomputed in the
 * database still differs from the record the keyed audit chain holds), false otherwise, including
 * an archived agreement without a hash or without its archiving record, or a draft that somehow
 * has one.
 */
export function hashVerdict(status: AgreementStatus, stored: string | null, recomputed: string, audited: string | null): boolean | null {
  if (stored === null) return status === 'ARCHIVED' ? false : null;
  return status === 'ARCHIVED' && stored === recomputed && stored === audited;
}
