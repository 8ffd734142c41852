import 'server-only';
import { z } from 'zod';
import { D, computeSensitivity, formatDecimal, parseDecimal, toSensitivityJson, type AnyResultJson, type SensitivityJson } from '@/lib/engine';
import type { Actor, Side } from '@/lib/domain/actor';
import { amountInUnit, type AmountScale } from '@/lib/domain/format';
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

/** An offered yearly payment in the version's own unit, 0 or more. */
export const ZOfferAmount = z
  .string()
  .trim()
  .transform((text, ctx) => {
    const parsed = parseDecimal(text);
    if (!parsed.ok || parsed.value.lt(0)) {
      ctx.issues.push({ code: 'custom', message: saying(localText('mustBeAmountNotNegative')), input: text });
      return z.NEVER;
    }
    return formatDecimal(parsed.value);
  });

/** A parameter of the two-way table: `alpha`, `alpha:ED`, `rate`, `cost:PD`, `benefits`, `waterVolume` … (unknown ids fall back to the first two). */
const ZParameterId = z.string().trim().max(40);

/** `?percent=10&offer=12000000&rows=benefits&cols=bargainingWeight` */
export const ZSensitivityQuery = z.strictObject({
  percent: ZPercent.optional().default(DEFAULT_SENSITIVITY_PERCENT),
  offer: ZOfferAmount.optional(),
  rows: ZParameterId.optional(),
  cols: ZParameterId.optional(),
});
export type SensitivityQuery = z.input<typeof ZSensitivityQuery>;

export interface VersionSensitivity {
  deal: { id: string; name: string; nameZh: string };
  version: { id: string; scenarioId: string; scenario: string; side: Side; number: number; message: string; createdAt: string };
  /** The ± move in percent, as asked. */
  percent: string;
  sensitivity: SensitivityJson;
  /** The stored pes-result/1 totals, which the base case reproduces (null where not stated). */
  stored: AnyResultJson['totals'];
}

/**
 * How one version's bounds, payment, Nash payment, price per m³ and an offered payment's distance
 * from the Nash payment move when each parameter (α groups, rate, cost groups, benefits,
 * downstream costs, water volume, bargaining weight, the offer) moves by ±percent; the α × rate
 * table and a two-way table of two parameters. Computed by the engine on modified copies of the
 * version's document; nothing is saved.
 */
export async function getVersionSensitivity({
  actor,
  origin,
  dealId,
  versionId,
  percent = DEFAULT_SENSITIVITY_PERCENT,
  offer,
  offerScale,
  rows,
  cols,
}: {
  actor: Actor;
  origin: RequestOrigin;
  dealId: string;
  versionId: string;
  percent?: string;
  /** An offered yearly payment, in the version's unit or, with offerScale, in that reader's unit. */
  offer?: string;
  offerScale?: AmountScale;
  rows?: string;
  cols?: string;
}): Promise<VersionSensitivity> {
  const { deal } = await requireDealAccess({ actor, dealId, right: 'view', origin });
  const version = await versionInDeal(dealId, versionId);
  const scenario = parseOrRefuse(version.document);
  const checked = ZPercent.safeParse(percent);
  if (!checked.success) throw new ValidationError(localText('mustBePercentage'), 'percent');
  const offered = offer === undefined ? undefined : ZOfferAmount.safeParse(offer);
  if (offered && !offered.success) throw new ValidationError(localText('mustBeAmountNotNegative'), 'offer');
  const result = computeSensitivity(scenario, {
    change: new D(checked.data).div(100),
    offer: offered ? (offerScale ? amountInUnit(offered.data, offerScale, scenario.unit).toFixed() : offered.data) : null,
    twoWay: rows !== undefined && cols !== undefined ? { rows, cols } : undefined,
  });
  return {
    deal: { id: deal.id, name: deal.name, nameZh: deal.nameZh },
    version: {
      id: version.id,
      scenarioId: version.scenario.id,
      scenario: version.scenario.name,
      side: version.scenario.side,
      number: version.number,
      message: version.message,
      createdAt: version.createdAt.toISOString(),
    },
    percent: checked.data,
    sensitivity: toSensitivityJson(result),
    stored: (version.result as unknown as AnyResultJson).totals,
  };
}
