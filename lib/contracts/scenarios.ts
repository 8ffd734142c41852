import type { Side } from '@/lib/domain/actor';
import type { ResultJson } from '@/lib/engine/compute';
import type { ScenarioDiff } from '@/lib/engine/diff';

/** A version of the deal another may be compared with: its scenario's name and its number (named in the reader's language, lib/domain/version-label.ts). */
export interface ComparableVersion {
  id: string;
  scenario: string;
  number: number;
  side: Side;
}

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

/**
 * A comment of a scenario's thread (all its versions), as the page of one version shows it
 * (lib/domain/comment-anchor.ts).
 */
export interface ScenarioComment {
  id: string;
  /** The version it was written on. */
  versionId: string;
  versionNumber: number;
  /** The line it is about, by its position on that version ("costs[3]"); null for the whole scenario. */
  target: string | null;
  /** That line's category code and label on that version; null for the whole scenario. */
  item: { code: string | null; label: string } | null;
  /** The same line on the version shown ("costs[4]"), or null: then the comment is in the thread only. */
  here: string | null;
  body: string;
  author: string;
  side: Side;
  createdAt: string;
}
