import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import type { DealPeriod } from '@/lib/contracts/deals';
import { render, text } from '@/lib/domain/local-text';
import { CATEGORIES, type Category } from '@/lib/engine/categories';
import { scenarioFromTemplate, type ScenarioTemplate } from '@/lib/engine/templates';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { inDealTransaction } from '@/lib/server/authz/require-deal-access';
import { writeScenarioVersion } from './save-scenario-version';

/**
 * A scenario of the actor's side that starts without a file: its v1 is the template on the deal's
 * years, unit, price base and periods, with no amount or assumption nobody typed (decision 0041);
 * the member fills it in the editor and saves v2. Category lines are labelled in the actor's language.
 * Written as any first version is (writeScenarioVersion); the event also names the template.
 */
export async function startScenarioFromTemplate({
  actor,
  origin,
  dealId,
  input,
}: {
  actor: Actor;
  origin: RequestOrigin;
  dealId: string;
  input: { template: ScenarioTemplate; name: string; message: string };
}) {
  return inDealTransaction({ actor, dealId, right: 'edit', origin }, async (tx, { deal, membership }) => {
    const labels = Object.fromEntries(CATEGORIES.map((code) => [code, render(text(`category.${code}`), actor.locale)])) as Record<Category, string>;
    // The periods under a share lock: a manager changing them (change-deal-periods.ts) waits for this
    // version, or this reads what the manager saved; never a v1 on periods the deal no longer has.
    const [locked] = await tx.$queryRaw<{ periods: DealPeriod[] }[]>`SELECT periods FROM "Deal" WHERE id = ${dealId}::uuid FOR SHARE`;
    const settings = { name: input.name, currency: deal.currency, unit: deal.unit, priceBase: deal.priceBase, startYear: deal.startYear, endYear: deal.endYear, periods: locked!.periods };
    const document = scenarioFromTemplate(input.template, settings, labels);
    return writeScenarioVersion(tx, {
      actor,
      origin,
      dealId,
      side: membership.side,
      target: { newScenario: { name: input.name, template: input.template } },
      document,
      message: input.message,
      audit: { template: input.template },
    });
  });
}
