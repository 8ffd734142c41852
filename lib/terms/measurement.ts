/**
 * What a settlement reads for one indicator and year (issue 17): one value, as every document
 * before samples had, or the year's dated samples as a laboratory took them. A bare indicator
 * with samples means their annual mean, so a formula written for one value keeps its meaning.
 */

/** One dated sample. `value` is decimal text, or `"<0.01"` for a result below the detection limit 0.01. */
export interface Sample {
  /** The sampling date, YYYY-MM-DD. */
  on: string;
  value: string;
}

export type Measurement = string | readonly Sample[];

export const isSampleList = (measurement: Measurement): measurement is readonly Sample[] => typeof measurement !== 'string';

/** Nothing measured: a blank cell or an empty list of samples. */
export const isBlankMeasurement = (measurement: Measurement): boolean => (typeof measurement === 'string' ? measurement.trim() === '' : measurement.length === 0);

/** The cells a person filled in, years with none left out: blank cells of a back-test grid are not data. */
export function filledMeasurements(monitoring: Readonly<Record<string, Readonly<Record<string, Measurement>>>>): Record<string, Record<string, Measurement>> {
  return Object.fromEntries(
    Object.entries(monitoring)
      .map(([year, values]) => [year, Object.fromEntries(Object.entries(values).filter(([, measured]) => !isBlankMeasurement(measured)))] as const)
      .filter(([, values]) => Object.keys(values).length > 0),
  );
}
