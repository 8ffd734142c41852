import 'server-only';
import type { AgreementDetail, DealSnapshot, Party } from '@/lib/contracts/agreements';
import type { Actor } from '@/lib/domain/actor';
import { describeAuditEvent } from '@/lib/domain/audit-summary';
import { sealedSummary } from '@/lib/domain/monitoring-visibility';
import { monitoringSeal } from '@/lib/server/fund/monitoring-seal';
import { agreementNavigation } from '@/lib/domain/agreement-navigation';
import { grants } from '@/lib/domain/deal-rights';
import { ZSchedule } from '@/lib/domain/offer-schedule';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { requireDealAccess } from '@/lib/server/authz/require-deal-access';
import { db } from '@/lib/server/db';
import { loadAgreementRows } from './agreement-content';
import { agreementSummaryDto, schedulePeriods, verifyAgreement } from './agreement-dto';
import { mayProposeAmendment } from './amendment-access';
import { amendmentDtos } from './amendment-dto';

/**
 * One agreement with its parties, schedule, terms, signatories and who has signed, the audit
 * events about it, and its hash checked again against the stored rows.
 */
export async function getAgreement({ actor, origin, dealId, agreementId }: { actor: Actor; origin: RequestOrigin; dealId: string; agreementId: string }): Promise<AgreementDetail> {
  const { membership } = await requireDealAccess({ actor, dealId, right: 'view', origin });
  const rows = await loadAgreementRows(db(), dealId, agreementId);
  const { agreement, signatories } = rows;
  const mayStillSign = grants(actor, membership, 'sign');
  const summary = agreementSummaryDto(rows, { userId: actor.id, mayStillSign });
  const { recomputedHash, auditedHash } = verifyAgreement(rows);
  const [version, events, amendments] = await Promise.all([
    db().scenarioVersion.findUnique({ where: { id: agreement.versionId }, select: { id: true, number: true, documentHash: true, scenario: { select: { id: true, name: true, side: true } } } }),
    db().auditEvent.findMany({
      where: {
        dealId,
        OR: [
          { objectType: 'agreement', objectId: agreement.id },
          { objectType: 'offer', objectId: agreement.offerId },
        ],
      },
      orderBy: { seq: 'asc' },
      select: { seq: true, at: true, action: true, actorId: true, email: true, summary: true, hash: true, side: true, objectId: true },
    }),
    db().agreementAmendment.findMany({ where: { agreementId: agreement.id }, orderBy: { number: 'asc' }, include: { signatures: true } }),
  ]);
  const sealed = await monitoringSeal(db(), membership.side, [agreement.id]);
  const people = new Map(
    (await db().user.findMany({ where: { id: { in: [...new Set(events.map((e) => e.actorId).filter((id): id is string => Boolean(id)))] } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u.name,
    ]),
  );
  const mine = signatories.find((s) => s.userId === actor.id);
  return {
    ...summary,
    recomputedHash,
    auditedHash,
    deal: agreement.dealSnapshot as unknown as DealSnapshot,
    parties: agreement.parties as unknown as Party[],
    schedule: schedulePeriods(ZSchedule.parse(agreement.schedule), agreement.unit),
    terms: (agreement.terms ?? null) as Record<string, unknown> | null,
    version: version
      ? { id: version.id, number: version.number, scenarioId: version.scenario.id, scenarioName: version.scenario.name, side: version.scenario.side, documentHash: agreement.versionDocumentHash }
      : { id: agreement.versionId, number: null, scenarioId: null, scenarioName: null, side: null, documentHash: agreement.versionDocumentHash },
    signatories: [...signatories]
      .sort((a, b) => (a.side === b.side ? a.name.localeCompare(b.name) : a.side === 'UPSTREAM' ? -1 : 1))
      .map((s) => ({
        id: s.id,
        userId: s.userId,
        name: s.name,
        email: s.email,
        side: s.side,
        organisation: { id: s.organisationId, name: s.organisationName, nameZh: s.organisationNameZh },
        signedAt: s.signature?.signedAt.toISOString() ?? null,
      })),
    me: {
      isSignatory: Boolean(mine),
      hasSigned: Boolean(mine?.signature),
      maySign: mayStillSign,
      mayProposeAmendment: agreement.status === 'ARCHIVED' && mayProposeAmendment(actor, membership) === null,
    },
    navigation: agreementNavigation(actor, membership, agreement),
    amendments: amendmentDtos(amendments, signatories, actor.id),
    audit: events.map((e) => {
      const by = e.actorId ? (people.get(e.actorId) ?? null) : null;
      return {
        seq: e.seq,
        at: e.at.toISOString(),
        action: e.action,
        actor: by,
        description: describeAuditEvent({ action: e.action, summary: sealedSummary(e, membership.side, sealed) }, by ?? e.email ?? '—', {
          user: (id) => people.get(id),
          scenario: () => version?.scenario.name,
        }),
        hash: e.hash,
      };
    }),
  };
}
