import { TD, type TDec } from './decimal';

/**
 * Water-quality classes of GB 3838-2002 (《地表水环境质量标准》), Table 1, for the indicators
 * payment terms use: the limits of Classes I to V in mg/L, read by `gbclass(…)` in the formula
 * language (docs/terms.md). Pure: decimal arithmetic, plain types.
 */

export { WATER_INDICATORS, WATER_BODIES, DEFAULT_WATER_BODY, type WaterIndicator, type WaterBody } from './water-names';
import { WATER_BODIES, WATER_INDICATORS, type WaterIndicator, type WaterBody } from './water-names';

/** The best and the worst class: I, and worse than Class V (劣Ⅴ类), which Table 1 leaves unnamed. */
export const BEST_CLASS = 1;
export const WORSE_THAN_V = 6;

interface Limits {
  /** `higher`: a value meets a limit at or above it (dissolved oxygen); `lower`: at or below. */
  better: 'higher' | 'lower';
  /** Classes I to V; absent for a water body Table 1 does not class the indicator for. */
  river?: readonly string[];
  lake: readonly string[];
}

const TABLE_1: Record<WaterIndicator, Limits> = {
  do: { better: 'higher', river: ['7.5', '6', '5', '3', '2'], lake: ['7.5', '6', '5', '3', '2'] },
  codmn: { better: 'lower', river: ['2', '4', '6', '10', '15'], lake: ['2', '4', '6', '10', '15'] },
  cod: { better: 'lower', river: ['15', '15', '20', '30', '40'], lake: ['15', '15', '20', '30', '40'] },
  bod5: { better: 'lower', river: ['3', '3', '4', '6', '10'], lake: ['3', '3', '4', '6', '10'] },
  nh3n: { better: 'lower', river: ['0.15', '0.5', '1.0', '1.5', '2.0'], lake: ['0.15', '0.5', '1.0', '1.5', '2.0'] },
  tp: { better: 'lower', river: ['0.02', '0.1', '0.2', '0.3', '0.4'], lake: ['0.01', '0.025', '0.05', '0.1', '0.2'] },
  // Total nitrogen is classed for lakes and reservoirs only.
  tn: { better: 'lower', lake: ['0.2', '0.5', '1.0', '1.5', '2.0'] },
};

export function isWaterIndicator(name: string): name is WaterIndicator {
  return (WATER_INDICATORS as readonly string[]).includes(name);
}

export function isWaterBody(name: string): name is WaterBody {
  return (WATER_BODIES as readonly string[]).includes(name);
}

/** Whether Table 1 classes `indicator` in `body` (total nitrogen is not classed in rivers). */
export function isClassed(indicator: WaterIndicator, body: WaterBody): boolean {
  return TABLE_1[indicator][body] !== undefined;
}

/** The limits of Classes I to V as decimals, or undefined where Table 1 gives none. */
export function classLimits(indicator: WaterIndicator, body: WaterBody): readonly TDec[] | undefined {
  return TABLE_1[indicator][body]?.map((limit) => new TD(limit));
}

/** Which way is better for `indicator`: `higher` for dissolved oxygen, `lower` for the rest. */
export function betterDirection(indicator: WaterIndicator): 'higher' | 'lower' {
  return TABLE_1[indicator].better;
}

/**
 * The class of `value`: the best class whose limit it meets (so COD 15 is Class I, where I and II
 * share the limit), or WORSE_THAN_V when it meets none. Undefined where Table 1 gives no limits.
 */
export function waterClass(indicator: WaterIndicator, body: WaterBody, value: TDec): number | undefined {
  const limits = classLimits(indicator, body);
  if (limits === undefined) return undefined;
  const meets = betterDirection(indicator) === 'higher' ? (limit: TDec) => value.gte(limit) : (limit: TDec) => value.lte(limit);
  const index = limits.findIndex(meets);
  return index === -1 ? WORSE_THAN_V : BEST_CLASS + index;
}

/** Whether `value` is a class: a whole number from 1 to 6. */
export function isWaterClass(value: TDec): boolean {
  return value.isInteger() && value.gte(BEST_CLASS) && value.lte(WORSE_THAN_V);
}
