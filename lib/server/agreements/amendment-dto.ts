import 'server-only';
import type { AmendmentDto } from '@/lib/contracts/agreements';
import type { AgreementAmendment, AgreementAmendmentSignature, AgreementSignatory } from '@/lib/generated/prisma/client';

/** The agreement's amendments, each with every signatory and whether (and when) they signed it. */
export function amendmentDtos(amendments: (AgreementAmendment & { signatures: AgreementAmendmentSignature[] })[], signatories: AgreementSignatory[], readerId: string): AmendmentDto[] {
  const mine = signatories.find((s) => s.userId === readerId);
  return amendments.map((a) => {
    const signedBy = new Map(a.signatures.map((s) => [s.signatoryId, s.signedAt]));
    return {
      id: a.id,
      number: a.number,
      changes: a.changes as AmendmentDto['changes'],
      effectiveFrom: a.effectiveFrom,
      reason: a.reason,
      proposedBy: { name: a.proposedByName, side: a.proposedBySide },
      createdAt: a.createdAt.toISOString(),
      signedAt: a.signedAt?.toISOString() ?? null,
      signatures: signatories.map((s) => ({ signatoryId: s.id, name: s.name, side: s.side, signedAt: signedBy.get(s.id)?.toISOString() ?? null })),
      me: { isSignatory: Boolean(mine), hasSigned: Boolean(mine && signedBy.has(mine.id)) },
    };
  });
}
