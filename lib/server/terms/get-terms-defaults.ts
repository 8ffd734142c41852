import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import type { TermsDefaults } from '@/lib/terms';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { requireDealAccess } from '@/lib/server/authz/require-deal-access';
import { db } from '@/lib/server/db';
import { loadDealPartiesSection } from '@/lib/server/deals/deal-parties-dto';

/** What payment terms drafted for a deal start from: the deal's years, unit and currency, and its parties (members only). */
export async function getTermsDefaults({ actor, origin, dealId }: { actor: Actor; origin: RequestOrigin; dealId: string }): Promise<TermsDefaults> {
  const { deal } = await requireDealAccess({ actor, dealId, right: 'view', origin });
  return { from: deal.startYear, to: deal.endYear, unit: deal.unit, currency: deal.currency, parties: await loadDealPartiesSection(db(), deal) };
}
