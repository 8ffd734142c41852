/**
 * The PES calculation engine: pure functions over `pes-scenario/1` documents.
 * No I/O, no framework: only decimal.js, zod and the files of this folder
 * (enforced by purity.test.ts). Reference: docs/engine.md.
 */
export { D, ZERO, ONE, MAX_EXPONENT, formatDecimal, parseDecimal, type Dec } from './decimal';
export * from './categories';
export {
  ZScenario,
  ZCostItem,
  ZLabelledItem,
  ZBenefitItem,
  ZBenefitKind,
  BENEFIT_KINDS,
  ZPeriod,
  ZValuesMap,
  ZAlpha,
  ZAlphaOverrides,
  ZCategoryCode,
  ZUnit,
  ZText,
  ZAmount,
  ZFraction,
  SCENARIO_FORMAT,
  MAX_DOCUMENT_BYTES,
  parseScenario,
  parseScenarioText,
  formatPath,
  toCodedProblems,
  type Scenario,
  type ScenarioInput,
  type CostItem,
  type LabelledItem,
  type BenefitItem,
  type BenefitKind,
  type Period,
  type ValuesMap,
  type ScenarioProblem,
  type ParseOutcome,
} from './schema';
export { serializeScenario } from './serialize';
export { message, problemAt, issueText, readIssueText, type Message, type MessageParam, type CodedProblem } from './problem';
export {
  RESULT_FORMAT,
  YEAR_FIELDS,
  compileScenario,
  computeCompiled,
  computeScenario,
  backPayAnnuity,
  toResultJson,
  toStatedResultJson,
  statesLowerBound,
  toResultCsv,
  type CompiledScenario,
  type Result,
  type YearResult,
  type GroupBreakdown,
  type CategoryBreakdown,
  type BackPay,
  type PeriodResult,
  type Totals,
  type ResultJson,
  type AnyResultJson,
  type UpperBoundOnlyResultJson,
  type YearJson,
} from './compute';
export { explain, explainResult, EXPLAIN_FIELDS, type ExplainField, type Explanation, type ExplainResult, type ExplainInput } from './explain';
export {
  diffScenarios,
  ITEM_LISTS,
  MOVED_FIELDS,
  type ScenarioDiff,
  type ItemChange,
  type AssumptionChange,
  type Movement,
  type YearMovement,
  type ValueChange,
  type ItemList,
  type MovedField,
} from './diff';
export * from './calculators';
export { parseYearKey, yearKey, type YearRange } from './years';
export { shiyanScenario, miyunScenario, shiyanDocument, miyunDocument } from './fixtures';
export * from './sensitivity';
export { formatRange } from './years';
export { periodAverage, sumOrNull } from './period-average';
export * from './negotiation';
export * from './party-shares';
export { pairYears, pairPeriods, pairAsVersion, inUnit, type PairSide, type PairYear, type PairPeriod, type PairCoverage, type PairVersion } from './version-pair';
export * from './spans';
export * from './span-totals';
export * from './templates';
