// The names gbclass(…) reads (GB 3838-2002, Table 1), apart from its limits so that a message
// naming them (lib/domain/terms-words.ts) loads no decimal arithmetic.

/** The indicators of Table 1 the language classes, by the names formulas give them. */
export const WATER_INDICATORS = ['do', 'codmn', 'cod', 'bod5', 'nh3n', 'tp', 'tn'] as const;
export type WaterIndicator = (typeof WATER_INDICATORS)[number];

/** Rivers, or lakes and reservoirs (湖、库), where Table 1 gives their own limits. */
export const WATER_BODIES = ['river', 'lake'] as const;
export type WaterBody = (typeof WATER_BODIES)[number];
export const DEFAULT_WATER_BODY: WaterBody = 'river';
