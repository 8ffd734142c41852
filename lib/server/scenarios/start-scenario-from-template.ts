import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import type { DealPeriod } from '@/lib/contracts/deals';
import { render, text } from '@/lib/domain/local-text';
import { CATEGORIES, type Category } from '@/lib/engine/categories';
import { scenarioFromTemplate, type ScenarioTemplate } from '@/lib/engine/templates';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { inDealTransaction } from '@/lib/server/authz/require-deal-access';
import { insertVersion } from './save-scenario-version';

/**
 * A scenario of the actor's side that starts without a file: its v1 is the template on the deal's
 * years, unit, price base and periods, with no amount or assumption nobody typed (decision 0041);
 * the member fills it in the editor and saves v2. Category lines are labelled in the actor's language.
 */
export async function startScenarioFromTemplate({ actor, origin, dealId, input }: { actor: Actor; origin: RequestOrigin; dealId: string; input: { template: ScenarioTemplate; name: string; message: string } }) {
  return inDealTransaction({ actor, dealId, right: 'edit', origin }, async (tx, { deal, membership }) => {
    const labels = Object.fromEntries(CATEGORIES.map((code) => [code, render(text(`category.${code}`), actor.locale)])) as Record<Category, string>;
    // The periods under a share lock: a manager changing them (change-deal-periods.ts) waits for this
    // version, or this reads what the manager saved; never a v1 on periods the deal no longer has.
    const [locked] = await tx.$queryRaw<{ periods: DealPeriod[] }[]>`SELECT periods FROM "Deal" WHERE id = ${dealId}::uuid FOR SHARE`;
    const settings = { name: input.name, currency: deal.currency, unit: deal.unit, priceBase: deal.priceBase, startYear: deal.startYear, endYear: deal.endYear, periods: locked!.periods };
    const document = scenarioFromTemplate(input.template, settings, labels);
    const scenario = await tx.scenario.create({ data: { dealId, side: membership.side, name: input.name, template: input.template, createdById: actor.id } });
    const version = await insertVersion(tx, { dealId, scenarioId: scenario.id, number: 1, actor, message: input.message, document, evidence: [] });
    await appendAuditEvent(tx, {
      action: 'scenario.version_saved',
      origin,
      actor,
      side: membership.side,
      dealId,
      object: { type: 'scenario_version', id: version.id },
      summary: { after: { scenarioId: scenario.id, number: 1, message: input.message, documentHash: version.documentHash, template: input.template } },
    });
    return { scenarioId: scenario.id, versionId: version.id, number: 1, documentHash: version.documentHash };
  });
}
