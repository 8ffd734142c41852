import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { signingSides } from '@/lib/domain/agreement-state';
import { ConflictError } from '@/lib/domain/errors';
import { ZSchedule } from '@/lib/domain/offer-schedule';
import type { Prisma } from '@/lib/generated/prisma/client';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { Tx } from '@/lib/server/transaction';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import type { DealAccess } from '@/lib/server/authz/require-deal-access';
import { scheduleTotal } from '@/lib/engine';
import { text } from '@/lib/domain/local-text';
import { dealPartiesSection, samePartiesSection } from '@/lib/domain/deal-parties';
import { storedDealParty } from '@/lib/server/deals/deal-parties-dto';
import { parseTerms } from '@/lib/terms';

/**
 * Drafts the agreement of an offer accepted in this transaction (answerOffer calls it before
 * appending its own audit event): parties, the schedule and terms, the version it rests on, and as
 * signatories every active member of the upstream and downstream sides who holds the sign right
 * now. A side with nobody to sign refuses the acceptance: an agreement that can never be signed
 * would only look settled. When the deal names its parties (docs/decisions/0098), each party
 * organisation needs a signatory of its own, and the terms carry the parties with their shares in
 * their `parties` section, so the signed agreement keeps the split it was signed with.
 */
export async function createAgreement({ actor, origin, tx, access, offerId }: { actor: Actor; origin: RequestOrigin; tx: Tx; access: DealAccess; offerId: string }) {
  const dealId = access.deal.id;
  // Agreement numbers are handed out one acceptance at a time. A lock of their own, not the audit
  // chain's: the insert below locks the deal row (foreign key), and everywhere else the deal row is
  // locked before the audit chain, so taking the chain's lock first could deadlock with a status change.
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`agreement-number:${dealId}`}, 0))::text`;
  const offer = await tx.offer.findUniqueOrThrow({ where: { id: offerId } });
  const version = await tx.scenarioVersion.findUniqueOrThrow({ where: { id: offer.versionId }, select: { id: true, documentHash: true, document: true } });
  // The offer's amounts are in the version's unit and currency (pes-scenario/1 states both).
  const basis = version.document as { currency: string; unit: number; priceBase: string };
  // The deal and its parties in one statement: a change of the parties committing meanwhile is seen whole or not at all.
  const { parties: partyRows, ...deal } = await tx.deal.findUniqueOrThrow({
    where: { id: dealId },
    include: { parties: { orderBy: [{ side: 'asc' }, { position: 'asc' }], include: { organisation: true } } },
  });
  const members = await tx.dealMember.findMany({
    where: { dealId, side: { in: [...signingSides] }, user: { disabled: false } },
    include: { user: { include: { organisation: true } } },
    orderBy: { createdAt: 'asc' },
  });
  const signatories = members.filter((m) => m.canSign);
  for (const side of signingSides) {
    if (!signatories.some((m) => m.side === side)) {
      throw new ConflictError(text('noSignatoryOnSide', { side: text(`side.${side}`) }));
    }
  }
  // Every named party signs: a party organisation with nobody who may sign for it refuses the acceptance.
  for (const row of partyRows) {
    if (row.side === 'FUNDER') continue;
    if (!signatories.some((m) => m.side === row.side && m.user.organisation.id === row.organisationId)) {
      throw new ConflictError(text('noSignatoryOfParty', { name: row.organisation.name, nameZh: row.organisation.nameZh, side: text(`side.${row.side}`) }));
    }
  }
  const parties = signingSides.map((side) => {
    const named = partyRows.filter((row) => row.side === side).map((row) => row.organisation);
    const organisations = named.length ? new Map(named.map((o) => [o.id, o])) : new Map(members.filter((m) => m.side === side).map((m) => [m.user.organisation.id, m.user.organisation]));
    return { side, organisations: [...organisations.values()].map((o) => ({ id: o.id, name: o.name, nameZh: o.nameZh, kind: o.kind })) };
  });
  const section = dealPartiesSection(partyRows.map(storedDealParty), deal.partyQuantityUnit);
  const terms = termsWithParties(offer.terms, section);
  const schedule = ZSchedule.parse(offer.schedule);
  const last = await tx.agreement.findFirst({ where: { dealId }, orderBy: { number: 'desc' }, select: { number: true } });
  const totalAmount = scheduleTotal(schedule, basis.unit);
  const agreement = await tx.agreement.create({
    data: {
      dealId,
      number: (last?.number ?? 0) + 1,
      offerId: offer.id,
      offerNumber: offer.number,
      acceptedById: actor.id,
      versionId: version.id,
      versionDocumentHash: version.documentHash,
      dealSnapshot: { slug: deal.slug, name: deal.name, nameZh: deal.nameZh, watershed: deal.watershed, watershedZh: deal.watershedZh },
      parties,
      currency: basis.currency,
      unit: basis.unit,
      priceBase: basis.priceBase,
      startYear: Math.min(...schedule.map((e) => e.from)),
      endYear: Math.max(...schedule.map((e) => e.to)),
      // Stored exactly as the offer held it, so the agreement says what was accepted.
      schedule: offer.schedule as Prisma.InputJsonValue,
      terms: (terms ?? undefined) as Prisma.InputJsonValue | undefined,
      totalAmount: totalAmount.toFixed(),
      signatories: {
        create: signatories.map((m) => ({
          userId: m.userId,
          side: m.side,
          name: m.user.name,
          email: m.user.email,
          organisationId: m.user.organisation.id,
          organisationName: m.user.organisation.name,
          organisationNameZh: m.user.organisation.nameZh,
        })),
      },
    },
  });
  await appendAuditEvent(tx, {
    action: 'agreement.drafted',
    origin,
    actor,
    side: access.membership.side,
    dealId,
    object: { type: 'agreement', id: agreement.id },
    summary: {
      after: {
        number: agreement.number,
        offerNumber: offer.number,
        versionId: version.id,
        years: `${agreement.startYear}–${agreement.endYear}`,
        totalAmount: totalAmount.toFixed(),
        signatories: signatories.map((m) => m.user.email),
      },
    },
  });
  return agreement;
}

/**
 * The offer's terms as the agreement keeps them: as accepted, with the deal's parties added as their
 * `parties` section when they name none. Terms that name other parties or shares than the deal now
 * does refuse the acceptance: the agreement would say something the deal's parties did not set.
 */
function termsWithParties(terms: unknown, section: ReturnType<typeof dealPartiesSection>): unknown {
  if (terms === null || terms === undefined) return terms;
  const parsed = parseTerms(terms);
  const stated = parsed.ok ? parsed.terms.parties : undefined;
  if (stated === undefined) return section ? { ...(terms as Record<string, unknown>), parties: section } : terms;
  if (!section || !samePartiesSection(stated, section)) throw new ConflictError(text('partiesDifferFromDeal'));
  return terms;
}
