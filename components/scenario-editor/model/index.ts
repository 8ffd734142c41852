/**
 * The scenario editor's model: reading and writing a `pes-scenario/1` document in memory. No
 * React, no DOM, so it is unit-tested on its own (tests/unit/scenario-editor-model.test.ts).
 * One idea per file; the year-span algebra and the subtotals are the engine's
 * (lib/engine/spans.ts, span-totals.ts) and are offered here under the names the editor uses.
 */
export * from './document';
export * from './from-json';
export * from './edits';
export * from './item-order';
export * from './cell-check';
export * from './cell-drafts';
export * from './cell-path';
export * from './paste';
export * from './periods';
export * from './calculator-inputs';
export * from './calculator-apply';
export * from './period-explanation';
export * from './display';
export { groupSubtotals, listTotals, type SubtotalRow } from '@/lib/engine/span-totals';
export {
  MAX_YEAR_COLUMNS,
  fillRight,
  splitRange,
  periodSpans,
  setSpan,
  spanAverage,
  spanValue,
  splitSpanIntoYears,
  tidyValues,
  yearSpans,
  yearValue,
  type Span,
  type SpanValue,
} from '@/lib/engine/spans';
