import { useMemo, useState } from 'react';
import { D, type Dec } from '@/lib/engine/decimal';

/** The weight as the slider's string with two places: the decimal is built from the string, never from a float. */
export function weightText(value: string): string {
  const d = new D(value);
  return d.lt(0) || d.gt(1) ? '0.50' : d.toFixed(2);
}

export interface WeightState {
  /** The weight the view opened with, as the slider shows it ("0.50"). */
  start: string;
  /** The slider's value, two places. */
  value: string;
  weight: Dec;
  set: (value: string) => void;
}

/** The bargaining weight w of a view: the slider's string and its decimal, starting at `initial`. */
export function useWeight(initial: string): WeightState {
  const start = weightText(initial);
  const [value, setValue] = useState(start);
  const weight = useMemo(() => new D(value), [value]);
  return { start, value, weight, set: (next) => setValue(weightText(next)) };
}
