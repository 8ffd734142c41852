import { meetsTarget, type Direction } from './monitoring-rules';

/**
 * An indicator's result against its target as the portfolio judges it. The target is the one the
 * terms name among their constants (`target_X`, `X_target`, or the standard concentration `c0_X`);
 * the direction is the one the parties signed in the monitoring rules (docs/decisions/0087): a
 * conduct score of 75 against a target of 90 under "higher" is not met, a concentration of 0.026
 * against 0.05 under "lower" is.
 */
export function indicatorTarget(constants: Readonly<Record<string, string>>, indicator: string): string | null {
  return constants[`target_${indicator}`] ?? constants[`${indicator}_target`] ?? constants[`c0_${indicator}`] ?? null;
}

/** Whether a result meets its target: null when there is no result or no target to judge it by. */
export function targetMet(value: string | null, target: string | null, direction: Direction): boolean | null {
  if (value === null || target === null) return null;
  return meetsTarget(value, target, direction);
}

/**
 * The direction the portfolio judges an indicator by: the one signed in the terms' monitoring
 * rules; for a document that states none (written before the rules were part of the terms), a
 * volume (m³) is better higher and everything else lower, and the reader is told it was assumed.
 */
export function judgedDirection(signed: Direction | undefined, unit: string): { direction: Direction; signed: boolean } {
  if (signed) return { direction: signed, signed: true };
  return { direction: isVolumeUnit(unit) ? 'higher' : 'lower', signed: false };
}

export function isVolumeUnit(unit: string): boolean {
  return /m³|m3/i.test(unit);
}
