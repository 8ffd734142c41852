/**
 * Performance-linked payment terms: pure functions over `payment-terms/1`
 * documents and monitoring data. No I/O, no framework: only
 * decimal.js, zod, the files of this folder and lib/engine (enforced by
 * purity.test.ts). Reference: docs/terms.md.
 */
export { TD, formatTermsDecimal, type TDec } from './decimal';
export { FUNCTIONS, SAMPLE_FUNCTIONS, CALLABLE, BUILTINS, nameProblem, type FunctionName, type SampleFunctionName } from './names';
export {
  compileExpression,
  evaluateExpression,
  printExpression,
  describeRefusal,
  EvaluationError,
  MAX_EXPRESSION_LENGTH,
  MAX_ROUND_DIGITS,
  type TNode,
  type SampleNode,
  type SampleSource,
  type Scope,
  type Uses,
  type Value,
  type ValueType,
  type CompiledExpression,
  type CompileOutcome,
  type Refusal,
} from './expression';
export {
  TERMS_FORMAT,
  MAX_DOCUMENT_BYTES,
  MAX_FORMULAS,
  ZTermsShape,
  parseTerms,
  parseTermsText,
  compileTerms,
  TermsError,
  type PaymentTerms,
  type Formula,
  type TermsOutcome,
  type CompiledTerms,
  type CompiledFormula,
  type Problem,
} from './schema';
export {
  SETTLEMENT_FORMAT,
  parseMonitoring,
  parseMonitoringText,
  settle,
  traceSettlement,
  isSettled,
  type Monitoring,
  type MonitoringOutcome,
  type Settlement,
  type SettlementYear,
  type SettledYear,
  type MissingYear,
  type FailedYear,
  type SettleOptions,
  type Scheduled,
  type TraceStep,
  type TraceSample,
  type TraceSamples,
  type YearTrace,
} from './settle';
export { isSampleList, isBlankMeasurement, filledMeasurements, type Sample, type Measurement } from './measurement';
export {
  AGGREGATES,
  SHARE_OPERATORS,
  MAX_SAMPLES_PER_YEAR,
  aggregateOf,
  countedSample,
  countedSamples,
  isCalendarDate,
  measurementFigure,
  measurementValues,
  meetsBound,
  parseSamples,
  shareOf,
  type Aggregate,
  type CountedSample,
  type SampleAggregate,
  type ShareOperator,
} from './samples';
export { parseScheduled, parseScheduledText, scheduledFromScenario, type ScheduledMap, type ScheduledOutcome } from './scheduled';
export {
  belowLimitRules,
  countedValue,
  defaultRule,
  directions,
  frequencies,
  comparisons,
  type Comparison,
  labResultText,
  labRules,
  meetsTarget,
  missingLabs,
  monitoringRules,
  parseLabResult,
  readMonitoringSections,
  termsFunders,
  type BelowLimitRule,
  type Direction,
  type Frequency,
  type Lab,
  type LabResult,
  type LabRule,
  type LabTolerance,
  type MonitoringRule,
  type MonitoringRuleInput,
  type TermsFunder,
} from './monitoring-rules';
export { indicatorTarget, isVolumeUnit, judgedDirection, targetMet } from './indicator-target';
export { toleranceBand } from './tolerance-band';
export { WATER_INDICATORS, WATER_BODIES, WORSE_THAN_V, classLimits, waterClass, type WaterIndicator, type WaterBody } from './water-class';
export {
  agreementStanding,
  nettingByDirection,
  standings,
  flowDirections,
  type AgreementStanding,
  type DirectionNetting,
  type FlowDirection,
  type Standing,
  type StandingLine,
} from './agreement-standing';
export { TERMS_TEMPLATES, findTemplate, templateTerms, templateSample, type TermsTemplate, type TemplateId, type TermsDefaults, type Locale } from './templates';
export {
  MAX_PARTIES,
  funderKindShares,
  onePartyPerSide,
  partyFractions,
  partyLists,
  partyWeights,
  readPartiesSection,
  splitAmongParties,
  splitAmount,
  splitByParties,
  type PartiesRead,
  type PartiesSection,
  type PartyList,
  type PartyPart,
  type TermsFunderParty,
  type TermsParty,
} from './parties';
