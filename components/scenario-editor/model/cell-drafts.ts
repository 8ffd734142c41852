import type { DraftProblem } from './cell-check';

/**
 * A cell whose text is not in the document: typed or pasted, refused or waiting for the
 * confirmation of a negative amount. `path` is the place in the document it would write
 * (`costs[3].values["2014-2020"]`), which names it for readers (lib/domain/problem-place.ts).
 */
export interface CellDraft {
  path: string;
  text: string;
  problem: DraftProblem;
  /** For a negative amount: the value written at `path` once confirmed (writeCell). */
  value?: string;
}

/**
 * The cells holding text that is not in the document, outside React so that a keystroke in one
 * cell re-renders that cell (and the list of them), not the grid. While it is not empty the
 * document on screen is not what the user typed, and nothing may be saved.
 */
export class CellDrafts {
  private drafts = new Map<string, CellDraft>();
  private listeners = new Set<() => void>();
  private snapshot: readonly CellDraft[] = [];

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get = (path: string): CellDraft | undefined => this.drafts.get(path);

  /** Every draft in the order they were made (a stable array between changes). */
  list = (): readonly CellDraft[] => this.snapshot;

  set(draft: CellDraft): void {
    const old = this.drafts.get(draft.path);
    if (old && old.text === draft.text && old.problem === draft.problem) return;
    this.drafts.set(draft.path, draft);
    this.changed();
  }

  clear(path: string): void {
    if (this.drafts.delete(path)) this.changed();
  }

  clearAll(): void {
    if (this.drafts.size === 0) return;
    this.drafts.clear();
    this.changed();
  }

  /** Drafts of a list's rows follow them when a row is removed (dropped) or inserted (moved down). */
  moveRows(list: string, index: number, change: 'removed' | 'inserted'): void {
    const prefix = `${list}[`;
    let moved = false;
    const next = new Map<string, CellDraft>();
    for (const [path, draft] of this.drafts) {
      const m = path.startsWith(prefix) ? /^[^[]+\[(\d+)\](.*)$/.exec(path) : null;
      const row = m ? Number(m[1]) : -1;
      if (!m || row < index || (change === 'inserted' && row === index)) {
        next.set(path, draft);
        continue;
      }
      moved = true;
      if (change === 'removed' && row === index) continue;
      const to = `${list}[${change === 'removed' ? row - 1 : row + 1}]${m[2]}`;
      next.set(to, { ...draft, path: to });
    }
    if (!moved) return;
    this.drafts = next;
    this.changed();
  }

  private changed() {
    this.snapshot = [...this.drafts.values()];
    for (const listener of this.listeners) listener();
  }
}
