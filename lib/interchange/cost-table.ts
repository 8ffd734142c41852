// The cost table of a scenario as a spreadsheet (.xlsx) or CSV, in the layout documented in
// docs/cost-table-format.md: one row per line item, one column per year or year range. Import
// replaces the four item lists of a base document and validates the result with the engine, so a
// spreadsheet obeys exactly the rules of pes-scenario/1; problems name the row and column.
import ExcelJS from 'exceljs';
import { addColumnGuide, type ColumnGuide } from './column-guide';
import { csvText, parseCsvText } from './csv-text';
import { columnLetter, gridProblem, type GridProblem } from './grid-problem';
import { gridProblems } from './grid-bounds';
import { readXlsxGrid } from './xlsx-grid';
import { fromMessage, text } from '@/lib/domain/local-text';
import { placeOf, scenarioFields } from '@/lib/domain/problem-place';
import { parseScenario, parseYearKey, type Scenario } from '@/lib/engine';

export const sections = ['cost', 'subsidy', 'benefit', 'downstreamCost'] as const;
type Section = (typeof sections)[number];
const listOf: Record<Section, 'costs' | 'subsidies' | 'benefits' | 'downstreamCosts'> = { cost: 'costs', subsidy: 'subsidies', benefit: 'benefits', downstreamCost: 'downstreamCosts' };
export const fixedColumns = ['section', 'code', 'label'] as const;
/** The fixed columns as messages name them (`code` is the catalogue's tag, so no value is named so). */
export const fixedColumnNames = { sectionHeader: fixedColumns[0], codeHeader: fixedColumns[1], labelHeader: fixedColumns[2] };
/** The sections as messages name them. */
export const sectionNames = { cost: sections[0], subsidy: sections[1], benefit: sections[2], downstreamCost: sections[3] };
export const sheetName = 'Cost table';

export type ImportOutcome = { ok: true; document: Record<string, unknown> } | { ok: false; problems: GridProblem[] };

type Item = { code?: string; label: string; values: Record<string, string> };

/** Header and rows of a scenario's cost table; value columns are every key its items use, in year order. */
export function costTable(scenario: Scenario): { header: string[]; rows: string[][] } {
  const items = sections.flatMap((section) => ((scenario[listOf[section]] ?? []) as Item[]).map((item) => ({ section, item })));
  const keys = [...new Set(items.flatMap(({ item }) => Object.keys(item.values)))].sort((a, b) => {
    const [ra, rb] = [parseYearKey(a), parseYearKey(b)];
    return ra.ok && rb.ok ? ra.from - rb.from || ra.to - rb.to : a.localeCompare(b);
  });
  return {
    header: [...fixedColumns, ...keys],
    rows: items.map(({ section, item }) => [section, item.code ?? '', item.label, ...keys.map((key) => item.values[key] ?? '')]),
  };
}

export function toCsv(scenario: Scenario): string {
  const { header, rows } = costTable(scenario);
  return csvText([header, ...rows]);
}

/** The .xlsx of a scenario's cost table; with a guide, a sheet naming its columns in the reader's language. */
export async function toXlsx(scenario: Scenario, guide?: ColumnGuide): Promise<Buffer> {
  const { header, rows } = costTable(scenario);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) {
    // Numbers Excel can hold exactly (15 significant digits) become number cells; longer ones stay text.
    sheet.addRow(row.map((cell, index) => (index >= fixedColumns.length && cell !== '' && cell.replace(/[-.]/g, '').replace(/^0+/, '').length <= 15 ? Number(cell) : cell)));
  }
  sheet.getColumn(3).width = 40;
  if (guide) addColumnGuide(workbook, guide);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A cell as the decimal text it shows: numbers by the shortest text that reads back as the same number. */
function fromGrid(grid: string[][], base: unknown): ImportOutcome {
  const problems: GridProblem[] = [];
  const [header = [], ...body] = grid;
  const names = header.map((cell) => cell.trim());
  fixedColumns.forEach((name, index) => {
    if (names[index] !== name) problems.push(gridProblem(1, columnLetter(index), text('costHeaderMustBe', { name, ...fixedColumnNames })));
  });
  const valueColumns = names.slice(fixedColumns.length).map((key, offset) => ({ key, index: offset + fixedColumns.length }));
  for (const { key, index } of valueColumns) {
    const range = parseYearKey(key);
    if (!range.ok) problems.push(gridProblem(1, columnLetter(index), text('quotedKeyReason', { key, reason: fromMessage(range.problem) })));
  }
  const lists: Record<string, Item[]> = { costs: [], subsidies: [], benefits: [], downstreamCosts: [] };
  const where = new Map<string, { row: number }>();
  body.forEach((cells, offset) => {
    const row = offset + 2;
    if (cells.every((cell) => cell.trim() === '')) return;
    const [section = '', code = '', label = ''] = cells.map((cell) => cell.trim());
    if (!(sections as readonly string[]).includes(section)) {
      problems.push(gridProblem(row, 'A', text('sectionNotOneOf', { section, sections: [...sections] })));
      return;
    }
    const list = listOf[section as Section];
    const values: Record<string, string> = {};
    for (const { key, index } of valueColumns) {
      const cell = (cells[index] ?? '').trim();
      if (cell !== '') values[key] = cell;
    }
    const item: Item = list === 'costs' || list === 'subsidies' ? { code, label, values } : { label, values };
    if ((list === 'benefits' || list === 'downstreamCosts') && code) problems.push(gridProblem(row, 'B', text('rowHasNoCode', { section })));
    where.set(`${list}[${lists[list]!.length}]`, { row });
    lists[list]!.push(item);
  });
  if (problems.length) return { ok: false, problems };

  // benefits and downstreamCosts are optional in pes-scenario/1: an empty list means "not stated".
  const document: Record<string, unknown> = { ...(base as Record<string, unknown>), ...lists };
  for (const optional of ['benefits', 'downstreamCosts']) if ((lists[optional] ?? []).length === 0) delete document[optional];
  const parsed = parseScenario(document);
  if (parsed.ok) return { ok: true, document };
  for (const problem of parsed.problems) {
    // costs[3].values["2011-2020"] → the row of costs[3], the column of "2011-2020".
    const match = /^(costs|subsidies|benefits|downstreamCosts)\[(\d+)\](?:\.(code|label)|\.values\["?([^"\]]+)"?\])?/.exec(problem.path);
    const located = match ? where.get(`${match[1]}[${match[2]}]`) : undefined;
    if (!match || !located) {
      problems.push(gridProblem(0, '—', text('settingOutsideTable', { path: placeOf(problem.path, document, scenarioFields), message: fromMessage(problem) })));
      continue;
    }
    const column = match[3] === 'code' ? 'B' : match[3] === 'label' ? 'C' : match[4] ? columnLetter(valueColumns.find((c) => c.key === match[4])?.index ?? 0) : 'A';
    problems.push(gridProblem(located.row, column, fromMessage(problem)));
  }
  return { ok: false, problems };
}

export function fromCsv(text: string, base: unknown): ImportOutcome {
  const parsed = parseCsvText(text);
  if (parsed.errors.length) return { ok: false, problems: parsed.errors.map((error) => ({ row: (error.row ?? 0) + 1, column: '—', message: error.message })) };
  const tooBig = gridProblems(parsed.data);
  return tooBig.length ? { ok: false, problems: tooBig } : fromGrid(parsed.data, base);
}

export async function fromXlsx(bytes: Uint8Array, base: unknown): Promise<ImportOutcome> {
  const read = await readXlsxGrid(bytes, sheetName, text('costWorkbookUnreadable'));
  return read.ok ? fromGrid(read.grid, base) : read;
}
