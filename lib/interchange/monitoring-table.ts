// Monitoring results as a CSV or .xlsx table: one row per indicator and year, in the columns
// year, indicator, value, laboratory, sampledFrom, sampledTo (any order, header in row 1, in
// English or Chinese: 年度, 指标, 数值, 实验室, 采样起, 采样止), and optionally the indicator's unit
// (unit, 单位), which the template states and an import checks. An import is all or nothing: every
// problem is listed with its row and column, and a table with any problem saves nothing. A value
// is a lab result under the signed terms' rule (lib/terms/monitoring-rules.ts: a plain decimal in
// the plausible range, or "<0.025" below the detection limit); dates are read in the forms labs
// write them (2018-01-01, 2018/1/1, 2018年1月1日, an Excel date) and kept as YYYY-MM-DD.
//
// Or one row per sample (docs/decisions/0097): a sampling-date column sampledOn (采样日期) in place of
// sampledFrom and sampledTo, the year optional (the date's); the rows of one indicator and year
// become that laboratory's samples, one per date.
import ExcelJS from 'exceljs';
import { addColumnGuide, type ColumnGuide } from './column-guide';
import { csvText, parseCsvText } from './csv-text';
import { columnLetter, gridProblem, type GridProblem } from './grid-problem';
import { gridProblems } from './grid-bounds';
import { readXlsxGrid } from './xlsx-grid';
import { indicatorText } from '@/lib/domain/indicator-name';
import { fromMessage, text, type LocalText } from '@/lib/domain/local-text';
import { sampleMean } from '@/lib/domain/monitoring';
import { defaultRule, labResultText, parseLabResult, type MonitoringRule } from '@/lib/terms';
import type { Sample } from '@/lib/terms/measurement';

export const monitoringColumns = ['year', 'indicator', 'value', 'laboratory', 'sampledFrom', 'sampledTo'] as const;
export type MonitoringColumn = (typeof monitoringColumns)[number];
/** The optional column the template adds after the value: the indicator's unit as the terms state it. */
export const unitColumn = 'unit';
/** The column of a table with one row per sample: the day the sample was taken, in place of sampledFrom and sampledTo. */
export const sampleColumn = 'sampledOn';
type AnyColumn = MonitoringColumn | typeof unitColumn | typeof sampleColumn;
/** The columns in the order a template writes them. */
export const templateColumns: readonly AnyColumn[] = ['year', 'indicator', 'value', unitColumn, 'laboratory', 'sampledFrom', 'sampledTo'];
/** The columns a table of samples needs (the year is the date's when the table has none). */
export const sampleTableColumns = ['indicator', sampleColumn, 'value', 'laboratory'] as const;
/** The columns of a template of samples, in its order. */
export const sampleTemplateColumns: readonly AnyColumn[] = ['year', 'indicator', sampleColumn, 'value', unitColumn, 'laboratory'];
/** Every column a table may have, for the message naming an unknown one. */
const knownColumns: readonly AnyColumn[] = [...templateColumns, sampleColumn];

/**
 * The header each column is known by, per language: part of the file format (docs/api.md), so an
 * import reads a Chinese reader's template as it reads an English one. The catalogue's
 * fundServer.column.* label a column in messages; a unit test keeps the two in step.
 */
export const monitoringHeaders: Record<'en' | 'zh', Record<AnyColumn, string>> = {
  en: { year: 'year', indicator: 'indicator', value: 'value', unit: 'unit', laboratory: 'laboratory', sampledFrom: 'sampledFrom', sampledTo: 'sampledTo', sampledOn: 'sampledOn' },
  zh: { year: '年度', indicator: '指标', value: '数值', unit: '单位', laboratory: '实验室', sampledFrom: '采样起', sampledTo: '采样止', sampledOn: '采样日期' },
};
export const monitoringSheetName = 'Monitoring';
export const maxMonitoringRows = 10_000;

export interface MonitoringRow {
  /** The row in the table (1 is the header); for samples, the row of the first. */
  row: number;
  year: number;
  indicator: string;
  /** The result as stored: canonical decimal text, or "<limit" for a result below the detection limit; for samples their annual mean, counted by the terms' rule. */
  value: string;
  laboratory: string;
  /** The sampling period; for samples the first and last date. */
  sampledFrom: string;
  sampledTo: string;
  /** The dated samples in date order, when the table has a row per sample. */
  samples?: Sample[];
}

export interface MonitoringRules {
  /** The indicators the agreement's terms declare. */
  indicators: readonly string[];
  /** The years results may be entered for. */
  from: number;
  to: number;
  /** Each indicator's rule from the signed terms; an indicator without one reads with the defaults. */
  monitoring?: Readonly<Record<string, MonitoringRule>>;
}

/** An accepted table's rows, and where each column is (its letter), for problems found later (a settled year). */
export type MonitoringImport = { ok: true; rows: MonitoringRow[]; columns: Partial<Record<AnyColumn, string>> } | { ok: false; problems: GridProblem[] };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date written YYYY-MM-DD that exists (no 2023-02-30). */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

const pad = (n: string) => n.padStart(2, '0');
// 2018-01-01, 2018-1-1, 2018/01/01, 2018.1.1, and 2018年1月1日 as a Chinese reader writes it.
const WRITTEN_DATE = [/^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/, /^(\d{4})(年)(\d{1,2})月(\d{1,2})日?$/];
// Excel's day numbers in the 1900 system (day 60 is its fictitious 1900-02-29, so from day 61 on,
// day 0 is 1899-12-30). Five digits: 1927-05-18 to 2173-10-14, every year an agreement can have.
const EXCEL_SERIAL = /^\d{5}$/;
const excelEpoch = Date.UTC(1899, 11, 30);

/** A sampling date in any form it is written in, as YYYY-MM-DD; null when it is no date. */
export function samplingDate(written: string): string | null {
  const raw = written.trim();
  if (EXCEL_SERIAL.test(raw)) return new Date(excelEpoch + Number(raw) * 86_400_000).toISOString().slice(0, 10);
  for (const form of WRITTEN_DATE) {
    const match = form.exec(raw);
    if (!match) continue;
    const iso = `${match[1]}-${pad(match[3]!)}-${pad(match[4]!)}`;
    return isIsoDate(iso) ? iso : null;
  }
  return null;
}

export const columnLabel = (column: AnyColumn): LocalText => text(`column.${column}`);
const headerKey = (name: string) =>
  name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();
const knownHeaders = new Map<string, AnyColumn>(Object.values(monitoringHeaders).flatMap((names) => Object.entries(names).map(([column, name]) => [headerKey(name), column as AnyColumn] as const)));

/** Reads and checks the rows of a table already split into cells; row 1 is the header. */
export function monitoringFromGrid(grid: readonly (readonly string[])[], rules: MonitoringRules): MonitoringImport {
  const problems: GridProblem[] = [];
  const [header = [], ...body] = grid;
  const where = new Map<AnyColumn, number>();
  header.forEach((raw, index) => {
    const name = raw.replace(/^\uFEFF/, '').trim();
    if (name === '') return;
    const column = knownHeaders.get(headerKey(name));
    if (!column) problems.push(gridProblem(1, columnLetter(index), text('unknownColumn', { name, columns: knownColumns.map(columnLabel) })));
    else if (where.has(column)) problems.push(gridProblem(1, columnLetter(index), text('repeatedColumn', { name, column: columnLetter(where.get(column)!) }), columnLabel(column)));
    else where.set(column, index);
  });
  // A sampling-date column makes a table of samples, one row each; else a row is a year's result.
  const perSample = where.has(sampleColumn);
  if (perSample && (where.has('sampledFrom') || where.has('sampledTo'))) problems.push(gridProblem(1, '—', text('samplingLayoutsMixed')));
  const required: readonly AnyColumn[] = perSample ? sampleTableColumns : monitoringColumns;
  const absent = required.filter((c) => !where.has(c));
  if (absent.length) problems.push(gridProblem(1, '—', text('headerLacks', { missing: absent.map(columnLabel), columns: required.map(columnLabel) })));
  if (problems.length) return { ok: false, problems };

  const rows: MonitoringRow[] = [];
  const seen = new Map<string, number>();
  /** A table of samples: the rows of each indicator and year, by the key; each date's row. */
  const groups = new Map<string, { first: MonitoringRow; samples: Sample[]; dates: Map<string, number> }>();
  const declared = new Set(rules.indicators);
  let filled = 0;
  body.forEach((cells, offset) => {
    const row = offset + 2;
    if (cells.every((cell) => cell.trim() === '')) return;
    if (++filled > maxMonitoringRows) {
      if (filled === maxMonitoringRows + 1) problems.push(gridProblem(row, '—', text('tooManyRows', { max: maxMonitoringRows })));
      return;
    }
    const cell = (column: AnyColumn) => (where.has(column) ? (cells[where.get(column)!] ?? '').trim() : '');
    const problem = (column: AnyColumn, message: LocalText) => problems.push(gridProblem(row, columnLetter(where.get(column)!), message, columnLabel(column)));
    const before = problems.length;

    // A table of samples may leave the year out: the sampling date says it.
    const written = perSample ? cell(sampleColumn) : '';
    const sampledOn = perSample ? samplingDate(written) : null;
    const yearText = perSample && !where.has('year') ? (sampledOn?.slice(0, 4) ?? '') : cell('year');
    const yearColumn: AnyColumn = where.has('year') ? 'year' : sampleColumn;
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
    const yearInRange = year !== null && year >= rules.from && year <= rules.to;
    if (where.has('year')) {
      if (year === null) problem('year', yearText === '' ? text('yearEmpty') : text('notFourDigitYear', { text: yearText }));
      else if (!yearInRange) problem('year', text('yearOutsideAgreement', { year, from: rules.from, to: rules.to }));
    } else if (year !== null && !yearInRange) problem(yearColumn, text('yearOutsideAgreement', { year, from: rules.from, to: rules.to }));

    const indicator = cell('indicator');
    const isDeclared = declared.has(indicator);
    if (indicator === '') problem('indicator', text('indicatorEmpty'));
    else if (!isDeclared) {
      const near = rules.indicators.find((name) => name.toLowerCase() === indicator.toLowerCase());
      const known = rules.indicators.length ? rules.indicators : text('noIndicatorsDeclared');
      problem('indicator', near ? text('unknownIndicatorNear', { indicator, near, known }) : text('unknownIndicator', { indicator, known }));
    }
    const rule = rules.monitoring?.[indicator] ?? defaultRule('');

    const unit = cell(unitColumn);
    if (isDeclared && unit !== '' && rule.unit !== '' && unit !== rule.unit) problem(unitColumn, text('unitNotAgreed', { unit, agreed: rule.unit, indicator: indicatorText(indicator) }));

    const valueText = cell('value');
    let value: string | null = null;
    if (valueText === '') problem('value', text('valueEmpty'));
    else {
      const parsed = parseLabResult(valueText, rule);
      if (!parsed.ok) problem('value', parsed.reason.code === 'engine.notAPlainDecimal' ? text('valueNotNumber', { text: valueText }) : fromMessage(parsed.reason));
      else value = labResultText(parsed.result);
    }

    const laboratory = cell('laboratory');
    if (laboratory === '') problem('laboratory', text('laboratoryEmpty'));
    else if (laboratory.length > 200) problem('laboratory', text('tooLong', { max: 200 }));

    if (perSample) {
      if (written === '') problem(sampleColumn, text('samplingDateEmpty'));
      else if (sampledOn === null) problem(sampleColumn, text('notIsoDate', { text: written }));
      else if (where.has('year') && yearInRange && Number(sampledOn.slice(0, 4)) !== year) problem(sampleColumn, text('dateNotInYear', { date: sampledOn, year: year! }));
      if (year === null || indicator === '' || sampledOn === null) return;
      const key = `${year}\u0000${indicator}`;
      const group = groups.get(key);
      if (group) {
        const earlier = group.dates.get(sampledOn);
        if (earlier !== undefined) problem(sampleColumn, text('duplicateSampleDate', { indicator, year, date: sampledOn, row: earlier }));
        if (laboratory !== '' && laboratory !== group.first.laboratory)
          problem('laboratory', text('sampleLaboratoryDiffers', { indicator, year, laboratory: group.first.laboratory, row: group.first.row }));
      }
      if (problems.length !== before || value === null) return;
      if (group) {
        group.samples.push({ on: sampledOn, value });
        group.dates.set(sampledOn, row);
      } else {
        const first: MonitoringRow = { row, year, indicator, value, laboratory, sampledFrom: sampledOn, sampledTo: sampledOn };
        groups.set(key, { first, samples: [{ on: sampledOn, value }], dates: new Map([[sampledOn, row]]) });
        rows.push(first);
      }
      return;
    }

    const dates: Partial<Record<'sampledFrom' | 'sampledTo', string>> = {};
    for (const column of ['sampledFrom', 'sampledTo'] as const) {
      const written = cell(column);
      const date = samplingDate(written);
      if (written === '') problem(column, text('samplingDateEmpty'));
      else if (date === null) problem(column, text('notIsoDate', { text: written }));
      else if (yearInRange && Number(date.slice(0, 4)) !== year) problem(column, text('dateNotInYear', { date, year: year! }));
      else dates[column] = date;
    }
    const { sampledFrom, sampledTo } = dates;
    if (sampledFrom && sampledTo && sampledTo < sampledFrom) problem('sampledTo', text('sampledToBeforeFrom', { to: sampledTo, from: sampledFrom }));

    if (year !== null && indicator !== '') {
      const key = `${year}\u0000${indicator}`;
      const first = seen.get(key);
      if (first !== undefined) problem('indicator', text('duplicateResult', { indicator, year, row: first }));
      else seen.set(key, row);
    }
    if (problems.length === before && year !== null && value !== null && sampledFrom && sampledTo) {
      rows.push({ row, year, indicator, value, laboratory, sampledFrom, sampledTo });
    }
  });
  // Each indicator and year of a table of samples is one result: its samples in date order, their
  // mean (censored ones counted by the terms' rule) and the first and last date.
  for (const row of rows) {
    const group = groups.get(`${row.year}\u0000${row.indicator}`);
    if (!group) continue;
    const samples = [...group.samples].sort((a, b) => a.on.localeCompare(b.on));
    Object.assign(row, { samples, value: sampleMean(samples, rules.monitoring?.[row.indicator] ?? defaultRule('')), sampledFrom: samples[0]!.on, sampledTo: samples.at(-1)!.on });
  }
  if (!problems.length && rows.length === 0) problems.push(gridProblem(0, '—', text('tableEmpty')));
  return problems.length ? { ok: false, problems } : { ok: true, rows, columns: Object.fromEntries([...where].map(([column, index]) => [column, columnLetter(index)])) };
}

export function monitoringFromCsv(csv: string, rules: MonitoringRules): MonitoringImport {
  const parsed = parseCsvText(csv);
  if (parsed.errors.length) return { ok: false, problems: parsed.errors.map((error) => gridProblem((error.row ?? 0) + 1, '—', text('csvUnreadable', { detail: error.message }))) };
  const tooBig = gridProblems(parsed.data);
  return tooBig.length ? { ok: false, problems: tooBig } : monitoringFromGrid(parsed.data, rules);
}

/** A cell as the text it shows: numbers by their shortest round-trip form, dates as YYYY-MM-DD. */
export async function monitoringFromXlsx(bytes: Uint8Array, rules: MonitoringRules): Promise<MonitoringImport> {
  const read = await readXlsxGrid(bytes, monitoringSheetName, text('monitoringWorkbookUnreadable'));
  return read.ok ? monitoringFromGrid(read.grid, rules) : read;
}

/** A table in the import layout: a filled one to export. */
export function monitoringGrid(rows: readonly Omit<MonitoringRow, 'row'>[]): string[][] {
  return [[...monitoringColumns], ...rows.map((r) => [String(r.year), r.indicator, r.value, r.laboratory, r.sampledFrom, r.sampledTo])];
}

/**
 * An empty table to fill in (a template): the header in the reader's language, one row per
 * indicator with the unit the terms state for it, so that a lab writes its result in that unit.
 */
export function monitoringTemplate(indicators: readonly { name: string; unit: string }[], year: number, language: 'en' | 'zh' = 'en'): string[][] {
  const blank: Record<AnyColumn, (indicator: { name: string; unit: string }) => string> = {
    year: () => String(year),
    indicator: (i) => i.name,
    value: () => '',
    unit: (i) => i.unit,
    laboratory: () => '',
    sampledFrom: () => `${year}-01-01`,
    sampledTo: () => `${year}-12-31`,
    sampledOn: () => '',
  };
  return [templateColumns.map((column) => monitoringHeaders[language][column]), ...indicators.map((indicator) => templateColumns.map((column) => blank[column](indicator)))];
}

/** The days a template of samples proposes: mid-month for monthly sampling, mid-quarter for quarterly, one for yearly. */
const templateDays: Record<'monthly' | 'quarterly' | 'yearly', readonly string[]> = {
  monthly: ['01-15', '02-15', '03-15', '04-15', '05-15', '06-15', '07-15', '08-15', '09-15', '10-15', '11-15', '12-15'],
  quarterly: ['02-15', '05-15', '08-15', '11-15'],
  yearly: ['07-15'],
};

/**
 * An empty table of samples (one row per sample): per indicator a row for each sampling the terms'
 * frequency calls for (monthly when they say nothing of it), the date proposed, to be corrected to
 * the day the sample was taken; rows may be added or removed.
 */
export function monitoringSamplesTemplate(
  indicators: readonly { name: string; unit: string; frequency?: 'monthly' | 'quarterly' | 'yearly' }[],
  year: number,
  language: 'en' | 'zh' = 'en',
): string[][] {
  return [
    sampleTemplateColumns.map((column) => monitoringHeaders[language][column]),
    ...indicators.flatMap((indicator) =>
      templateDays[indicator.frequency === 'quarterly' || indicator.frequency === 'yearly' ? indicator.frequency : 'monthly'].map((day) => {
        const cells: Partial<Record<AnyColumn, string>> = { year: String(year), indicator: indicator.name, sampledOn: `${year}-${day}`, value: '', unit: indicator.unit, laboratory: '' };
        return sampleTemplateColumns.map((column) => cells[column] ?? '');
      }),
    ),
  ];
}

export function gridToCsv(grid: readonly (readonly string[])[]): string {
  return csvText(grid);
}

/** The .xlsx of a table in the import layout; with a guide, a sheet naming its columns in the reader's language. */
export async function gridToXlsx(grid: readonly (readonly string[])[], sheetName = monitoringSheetName, guide?: ColumnGuide): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  grid.forEach((row, index) => {
    // Text cells throughout: a value keeps every digit the laboratory wrote, a date stays ISO.
    const added = sheet.addRow([...row]);
    if (index === 0) added.font = { bold: true };
  });
  sheet.columns.forEach((column) => {
    column.width = 16;
  });
  if (guide) addColumnGuide(workbook, guide);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
