import 'server-only';
import type { Side } from '@/lib/domain/actor';
import { NotFoundError, ValidationError } from '@/lib/domain/errors';
import { text, type LocalText } from '@/lib/domain/local-text';

/** A scenario of the deal with its versions, newest first, as the zone reads them. */
export interface PairScenario {
  id: string;
  side: Side;
  createdAt: Date;
  versions: readonly { id: string; number: number }[];
}

/** Which bound the pair lacks, and why, as a code and its text (rendered in the reader's language by the caller). */
export interface PairGap {
  bound: 'lower' | 'upper';
  code: 'noUpstreamVersion' | 'noDownstreamVersion';
  text: LocalText;
}

export interface VersionPairIds {
  /** The upstream version that states the lower bound, or null when no upstream scenario has one. */
  lowerId: string | null;
  /** The downstream version that states the upper bound, or null when no downstream scenario has one. */
  upperId: string | null;
  missing: PairGap[];
}

// The side that states each bound (pes-model.md §1): upstream its costs, the lower bound;
// downstream its benefits, the upper bound.
const BOUNDS = {
  lower: { side: 'UPSTREAM', wrongSide: 'mustBeUpstreamVersion', none: 'noUpstreamVersion', noneText: 'pairNoUpstreamVersion' },
  upper: { side: 'DOWNSTREAM', wrongSide: 'mustBeDownstreamVersion', none: 'noDownstreamVersion', noneText: 'pairNoDownstreamVersion' },
} as const;

/** The latest version of the side's latest scenario (scenarios by creation, versions by number), or null. */
function latestOfSide(scenarios: readonly PairScenario[], side: Side): string | null {
  const latest = scenarios.filter((s) => s.side === side && s.versions.length > 0).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  return latest ? [...latest.versions].sort((a, b) => b.number - a.number)[0]!.id : null;
}

/**
 * Which two versions make the pair: the ones asked for (`lower` an upstream version, `upper` a
 * downstream one), else the latest of each side. An id that is not a version of this deal is the
 * same 404 as one that does not exist; a version of the other side is refused, naming the
 * parameter (`fields` names them as the caller's input does, `lower` / `upper` by default). A side
 * without any version is no error: the pair says which bound is missing.
 */
export function resolveVersionPair({
  scenarios,
  lower,
  upper,
  fields = {},
}: {
  scenarios: readonly PairScenario[];
  lower?: string;
  upper?: string;
  fields?: Partial<Record<'lower' | 'upper', string>>;
}): VersionPairIds {
  const sideOf = new Map(scenarios.flatMap((s) => s.versions.map((v) => [v.id, s.side] as const)));
  const missing: PairGap[] = [];
  const pick = (bound: 'lower' | 'upper', asked: string | undefined): string | null => {
    const rule = BOUNDS[bound];
    if (asked !== undefined) {
      const side = sideOf.get(asked);
      if (!side) throw new NotFoundError('scenarioVersion');
      if (side !== rule.side) throw new ValidationError(text(rule.wrongSide), fields[bound] ?? bound);
      return asked;
    }
    const latest = latestOfSide(scenarios, rule.side);
    if (!latest) missing.push({ bound, code: rule.none, text: text(rule.noneText) });
    return latest;
  };
  return { lowerId: pick('lower', lower), upperId: pick('upper', upper), missing };
}
