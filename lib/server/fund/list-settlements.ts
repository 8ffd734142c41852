import 'server-only';
import type { SettlementsView } from '@/lib/contracts/fund';
import type { Actor } from '@/lib/domain/actor';
import { isYearClosed } from '@/lib/domain/ledger';
import { problem, problemIn, text } from '@/lib/domain/local-text';
import type { AppLocale } from '@/lib/domain/locale';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { db } from '@/lib/server/db';
import { loadAdministration, runYear } from './administration';
import { readAdministered } from './fund-access';
import { namesOf, settlementDto } from './fund-dto';

/**
 * Every year of an agreement with where its settlement stands: confirmed (final), a draft to
 * check and confirm, ready to run, blocked (with every reason: missing or disputed data …), or
 * not closed yet. A draft whose data changed since it was run says so. The reasons are in the
 * reader's language.
 */
export async function listSettlements({
  actor,
  origin,
  dealId,
  agreementId,
  locale = 'en',
  now = new Date(),
}: {
  actor: Actor;
  origin: RequestOrigin;
  dealId: string;
  agreementId: string;
  locale?: AppLocale;
  now?: Date;
}): Promise<SettlementsView> {
  const { agreement, abilities } = await readAdministered({ actor, origin, dealId, agreementId, client: db() });
  const admin = await loadAdministration(db(), agreement);
  const names = await namesOf(
    db(),
    admin.settlements.flatMap((s) => [s.runById, s.confirmedById]),
  );
  const years = admin.years.map((year) => {
    const settlement = admin.settlements.find((s) => s.year === year);
    if (settlement?.status === 'CONFIRMED') return { year, state: 'CONFIRMED' as const, settlement: settlementDto(settlement, names, agreement), problems: [], stale: false };
    if (!isYearClosed(year, now)) return { year, state: 'OPEN' as const, settlement: null, problems: [], stale: false };
    const { outcome, fingerprint } =
      agreement.status === 'ARCHIVED' ? runYear(admin, year, now) : { outcome: { ok: false as const, problems: [problem('agreement', text('agreementNotArchived'))] }, fingerprint: null };
    const problems = outcome.ok ? [] : outcome.problems.map((p) => problemIn(p, locale));
    if (settlement) return { year, state: 'DRAFT' as const, settlement: settlementDto(settlement, names, agreement), problems, stale: fingerprint !== settlement.fingerprint };
    return {
      year,
      state: outcome.ok ? ('READY' as const) : ('BLOCKED' as const),
      settlement: null,
      problems,
      stale: false,
      preview: outcome.ok ? { due: outcome.run.netting.due, direction: outcome.run.netting.direction } : null,
    };
  });
  return {
    agreement: {
      id: agreement.id,
      number: agreement.number,
      status: agreement.status,
      startYear: agreement.startYear,
      endYear: agreement.endYear,
      currency: agreement.currency,
      termsUnit: admin.terms?.unit ?? 1,
    },
    shares: admin.shares,
    sharesAgreed: admin.sharesAgreed,
    years,
    me: abilities,
  };
}
