import 'server-only';
import { ValidationError } from '@/lib/domain/errors';
import { placeOf, requestFields } from '@/lib/domain/problem-place';
import { monitoringColumns, monitoringFromGrid, sampleColumn } from '@/lib/interchange/monitoring-table';
import type { Administration } from './administration';

/** The columns of the table one entry of samples is checked as: a row per sample. */
const sampleRowColumns = ['year', 'indicator', sampleColumn, 'value', 'laboratory'] as const;

/** A lab's result as a request gives it: one value with its sampling period, or dated samples. */
export interface LabResultInput {
  year: number;
  indicator: string;
  laboratory: string;
  value?: string;
  samples?: readonly { on: string; value: string }[];
  sampledFrom?: string;
  sampledTo?: string;
}

/**
 * A lab's result checked by exactly the rules of an imported table (a declared indicator, a year of
 * the agreement, a result in the terms' plausible range or below the detection limit, a
 * laboratory, sampling dates within the year), as a lab's entry and a re-test with samples are
 * (docs/decisions/0097, 0110). Problems name the body's fields (`samples.2.value`), labelled by
 * place; the row as the table reads it otherwise.
 */
export function checkLabResult(admin: Pick<Administration, 'agreement' | 'indicators' | 'resultRules'>, input: LabResultInput) {
  const samples = input.samples;
  const columns: readonly string[] = samples ? sampleRowColumns : monitoringColumns;
  const grid = samples
    ? [[...columns], ...samples.map((s) => [String(input.year), input.indicator, s.on, s.value, input.laboratory])]
    : [[...columns], [String(input.year), input.indicator, input.value ?? '', input.laboratory, input.sampledFrom ?? '', input.sampledTo ?? '']];
  const checked = monitoringFromGrid(grid, { indicators: admin.indicators.declared, from: admin.agreement.startYear, to: admin.agreement.endYear, monitoring: admin.resultRules });
  if (!checked.ok) {
    // The table's columns are the body's fields; a row of samples is a sample of the body's list.
    const fieldOf = (p: { row: number; column: string }) => {
      const column = /^[A-Z]$/.test(p.column) ? columns[p.column.charCodeAt(0) - 65] : undefined;
      if (!column) return { field: '(body)' };
      if (!samples || (column !== 'value' && column !== sampleColumn)) return { field: column };
      const path = ['samples', p.row - 2, column === sampleColumn ? 'on' : 'value'] as const;
      return { field: path.join('.'), label: placeOf(path, input, requestFields) };
    };
    // Each row of samples repeats the year and indicator: a problem with them is listed once.
    const listed = checked.problems.map((p) => ({ ...fieldOf(p), message: p.message, text: p.text }));
    throw ValidationError.listing(listed.filter((p, i) => listed.findIndex((q) => q.field === p.field && q.message === p.message) === i));
  }
  return checked.rows[0]!;
}
