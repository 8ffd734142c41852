import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/domain/errors';
import { checkOfferSchedule, scheduleRange } from '@/lib/engine/offer-schedule';
import { formatRange } from '@/lib/engine/years';
import { statesLowerBound, type AnyResultJson, type CodedProblem } from '@/lib/engine';
import type { OfferSent } from '@/lib/domain/audit-summary';
import type { SendOfferInput } from '@/lib/domain/offer-schemas';
import { counterpart, refuseMove, type OfferStatus } from '@/lib/domain/offer-state';
import type { Prisma } from '@/lib/generated/prisma/client';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { inDealTransaction } from '@/lib/server/authz/require-deal-access';
import { parseMonitoring, parseTerms } from '@/lib/terms';
import { versionInDeal } from '@/lib/server/scenarios/scenario-access';
import { modelVersion } from './model-version';
import { offerDto } from './offer-dto';
import { upperBoundVersion } from './upper-bound-version';
import { text } from '@/lib/domain/local-text';
import { codedProblem } from '@/lib/domain/engine-message';

/** Terms that parse, over the schedule's own years, and the back-test data they can read; else refused with the field. */
function checkTerms(input: SendOfferInput) {
  if (!input.terms) {
    if (input.termsMonitoring) throw new ValidationError(text('monitoringWithoutTerms'), 'termsMonitoring');
    return;
  }
  // The same engine that settles the terms checks them: a formula that does not parse, names
  // something unknown or reaches outside the expression language is refused with its name.
  const parsed = parseTerms(input.terms);
  const fail = (found: readonly CodedProblem[], prefix: string) => {
    const problems = found.map((p) => codedProblem(p, `${prefix}${p.path}`));
    throw ValidationError.listing(problems, (lines) => text('termsProblems', { count: problems.length, problems: lines }), problems[0]?.field);
  };
  if (!parsed.ok) return fail(parsed.problems, 'terms.');
  // Terms settle the years the schedule pays: other years would be paid by a rule nobody priced.
  const schedule = scheduleRange(input.schedule);
  if (parsed.terms.from !== schedule.from || parsed.terms.to !== schedule.to) {
    throw new ValidationError(text('termsYearsDifferFromSchedule', { terms: formatRange({ from: parsed.terms.from, to: parsed.terms.to }), schedule: formatRange(schedule) }), 'terms.from');
  }
  if (input.termsMonitoring) {
    const monitoring = parseMonitoring(input.termsMonitoring, parsed.terms);
    if (!monitoring.ok) fail(monitoring.problems, 'termsMonitoring.');
  }
}

/**
 * Sends an offer to the other side on a visible scenario version, with where it stands against
 * the pair (the lower bound and model payment of its version, the upper bound of the upper
 * version) year by year and in present value; as a counter it also marks the offer it answers,
 * in the same transaction.
 */
export async function sendOffer({ actor, origin, dealId, input, now = new Date() }: { actor: Actor; origin: RequestOrigin; dealId: string; input: SendOfferInput; now?: Date }) {
  if (input.validUntil.getTime() <= now.getTime()) throw new ValidationError(text('mustBeInFuture'), 'validUntil');
  checkTerms(input);
  return inDealTransaction({ actor, dealId, right: 'edit', origin }, async (tx, { membership }) => {
    const toSide = counterpart(membership.side);
    if (!toSide) throw new ForbiddenError('makeOffers', text('right.makeOffers'));
    const version = await versionInDeal(dealId, input.versionId, tx);
    // An offer is checked against its version's lower bound: a version that states none (only the
    // upper bound, decision 0046) would check it against the engine's placeholder 0.
    if (!statesLowerBound(version.result as unknown as AnyResultJson)) {
      throw new ValidationError(text('offerVersionStatesNoLowerBound', { scenario: version.scenario.name, number: version.number }), 'versionId');
    }
    const upper = await upperBoundVersion({ dealId, upperVersionId: input.upperVersionId, offerVersionId: version.id, tx });
    const lowerModel = modelVersion(version);
    // Without a downstream version the offer's own version states the upper bound.
    const boundCheck = checkOfferSchedule(input.schedule, lowerModel, upper ? modelVersion(upper) : lowerModel);
    if (boundCheck.outsideScenarioYears.length) {
      throw new ValidationError(text('yearsOutsideScenario', { years: boundCheck.outsideScenarioYears.map(String) }), 'schedule');
    }
    if (input.answersOfferId) {
      // Locked: an offer answered twice at once gets exactly one answer.
      const [answered] = await tx.$queryRaw<{ status: OfferStatus; validUntil: Date; fromSide: string; toSide: string }[]>`
        SELECT status, "validUntil", "fromSide", "toSide" FROM "Offer" WHERE id = ${input.answersOfferId}::uuid AND "dealId" = ${dealId}::uuid FOR UPDATE`;
      if (!answered) throw new ValidationError(text('noOfferInDeal'), 'answersOfferId');
      const refusal = refuseMove(answered as Parameters<typeof refuseMove>[0], 'counter', membership.side, now);
      if (refusal) throw new ConflictError(text('problemLine', { field: 'answersOfferId', message: refusal.text }));
      await tx.offer.update({ where: { id: input.answersOfferId }, data: { status: 'COUNTERED', answeredAt: now, answeredById: actor.id } });
    }
    // Offers of a deal are numbered one after another: two sent at once take turns here instead of
    // both taking the same number (a transaction-scoped lock, released at commit).
    await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${`offer-number:${dealId}`}))) AS l`;
    const last = await tx.offer.findFirst({ where: { dealId }, orderBy: { number: 'desc' }, select: { number: true } });
    const offer = await tx.offer.create({
      data: {
        dealId,
        number: (last?.number ?? 0) + 1,
        fromSide: membership.side,
        toSide,
        createdById: actor.id,
        versionId: version.id,
        schedule: input.schedule as Prisma.InputJsonValue,
        terms: input.terms as Prisma.InputJsonValue | undefined,
        validUntil: input.validUntil,
        boundCheck: boundCheck as unknown as Prisma.InputJsonValue,
        answersOfferId: input.answersOfferId ?? null,
        upperVersionId: upper?.id ?? version.id,
        message: input.message || null,
        termsMonitoring: input.termsMonitoring as Prisma.InputJsonValue | undefined,
      },
    });
    const sent: OfferSent = {
      number: offer.number,
      versionId: version.id,
      unit: boundCheck.unit,
      offered: boundCheck.totals.offered,
      belowLowerYears: boundCheck.belowLowerYears,
      aboveUpperYears: boundCheck.aboveUpperYears,
      deferredYears: boundCheck.deferredYears,
      presentValue: boundCheck.presentValue && { baseYear: boundCheck.presentValue.baseYear, rate: boundCheck.presentValue.rate, offered: boundCheck.presentValue.offered },
      answersOfferId: offer.answersOfferId,
    };
    await appendAuditEvent(tx, {
      action: input.answersOfferId ? 'offer.countered' : 'offer.sent',
      origin,
      actor,
      side: membership.side,
      dealId,
      object: { type: 'offer', id: offer.id },
      summary: { after: sent },
    });
    return offerDto(offer, now);
  });
}
