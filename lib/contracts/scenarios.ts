import type { Side } from '@/lib/domain/actor';
import type { ResultJson } from '@/lib/engine/compute';
import type { ScenarioDiff } from '@/lib/engine/diff';

/** A version as the comparison shows it: its inputs' headline and the period results stored when it was saved. */
export interface ComparedVersion {
  id: string;
  scenario: string;
  side: Side;
  number: number;
  message: string;
  createdAt: string;
  unit: number;
  currency: string;
  priceBase: string;
  periods: ResultJson['periods'];
  totals: ResultJson['totals'];
}

/** Two versions of the same deal side by side, with the engine's diff from the first to the second. */
export interface VersionComparison {
  from: ComparedVersion;
  to: ComparedVersion;
  diff: ScenarioDiff;
}
