import 'server-only';
import { z } from 'zod';
import { D, computeSensitivity, formatDecimal, parseDecimal, toSensitivityJson, type ResultJson, type SensitivityJson } from '@/lib/engine';
import type { Actor, Side } from '@/lib/domain/actor';
import { ValidationError } from '@/lib/domain/errors';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { requireDealAccess } from '@/lib/server/authz/require-deal-access';
import { versionInDeal } from '@/lib/server/scenarios/scenario-access';
import { parseOrRefuse } from '@/lib/server/scenarios/save-scenario-version';
import { saying, text as localText } from '@/lib/domain/local-text';

export const DEFAULT_SENSITIVITY_PERCENT = '10';

/** A percentage 0 … 100 as a decimal string ("10", "2.5"), never through a binary float. */
export const ZPercent = z
  .string()
  .trim()
  .transform((text, ctx) => {
    const parsed = parseDecimal(text);
    if (!parsed.ok || parsed.value.lt(0) || parsed.value.gt(100)) {
      ctx.issues.push({ code: 'custom', message: saying(localText('mustBePercentage')), input: text });
      return z.NEVER;
    }
    return formatDecimal(parsed.value);
  });

/** `?percent=10` */
export const ZSensitivityQuery = z.strictObject({ percent: ZPercent.optional().default(DEFAULT_SENSITIVITY_PERCENT) });

export interface VersionSensitivity {
  deal: { id: string; name: string; nameZh: string };
  version: { id: string; scenarioId: string; scenario: string; side: Side; number: number; message: string; createdAt: string };
  /** The ± move in percent, as asked. */
  percent: string;
  sensitivity: SensitivityJson;
  /** The stored pes-result/1 totals, which the base case reproduces. */
  stored: ResultJson['totals'];
}

/**
 * How one version's lower bound (and the payment built on it) moves when each α group, the
 * interest rate and each cost group move by ±percent, and the α × rate table. Computed by the
 * engine on modified copies of the version's document; nothing is saved.
 */
export async function getVersionSensitivity({ actor, origin, dealId, versionId, percent = DEFAULT_SENSITIVITY_PERCENT }: { actor: Actor; origin: RequestOrigin; dealId: string; versionId: string; percent?: string }): Promise<VersionSensitivity> {
  const { deal } = await requireDealAccess({ actor, dealId, right: 'view', origin });
  const version = await versionInDeal(dealId, versionId);
  const scenario = parseOrRefuse(version.document);
  const checked = ZPercent.safeParse(percent);
  if (!checked.success) throw new ValidationError(localText('mustBePercentage'), 'percent');
  const result = computeSensitivity(scenario, { change: new D(checked.data).div(100) });
  return {
    deal: { id: deal.id, name: deal.name, nameZh: deal.nameZh },
    version: { id: version.id, scenarioId: version.scenario.id, scenario: version.scenario.name, side: version.scenario.side, number: version.number, message: version.message, createdAt: version.createdAt.toISOString() },
    percent: checked.data,
    sensitivity: toSensitivityJson(result),
    stored: (version.result as unknown as ResultJson).totals,
  };
}

