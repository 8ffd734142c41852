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
