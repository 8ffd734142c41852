/**
 * What a benefit row measures (pes-model.md §4), an extension of pes-scenario/1
 * (docs/scenario-format-extensions.md). Absent = unspecified, as in every document before it.
 */
export const BENEFIT_KINDS = ['avoidedTreatment', 'nextBestSupply', 'ecosystemServiceValue', 'willingnessToPay'] as const;
export type BenefitKind = (typeof BENEFIT_KINDS)[number];
