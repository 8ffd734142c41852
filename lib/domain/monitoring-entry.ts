// The entry form's constants, apart from the schemas (fund-schemas.ts) so that the form's first
// screen does not bring zod with it (docs/decisions/0099-page-weight-under-200-kb.md).

/** The most samples a lab may report for one indicator and year: one per day (dates do not repeat). */
export const maxSamplesPerYear = 366;

/** How the entry form gives a result: one value for the year, or dated samples. */
export const entryModes = ['value', 'samples'] as const;
