import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvText, parseCsvText } from './csv-text';
import { toCsv } from './cost-table';
import { ledgerToCsv } from './ledger-table';
import { gridToCsv } from './monitoring-table';
import type { Scenario } from '@/lib/engine';

const cellsOf = (csv: string): string[][] => Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;

describe('csvText', () => {
  it.each(['=HYPERLINK("http://evil.example","x")', '+1+1', '-1+1', '@SUM(A1)', '\t=1', '\r=1', '-', '--12', '-12.5e3', '- 12'])('writes %j after a quote so it is text', (cell) => {
    expect(cellsOf(csvText([['label'], [cell]]))[1]).toEqual([`'${cell}`]);
  });

  it.each(['-12.5', '-3', '0', '12.50', 'Miyun 密云', 'a=b', ' =1 '])('keeps %j as written', (cell) => {
    expect(cellsOf(csvText([['label'], [cell]]))[1]).toEqual([cell]);
  });
});

describe('parseCsvText', () => {
  it('reads back what csvText wrote, formula-like cells included', () => {
    const rows = [
      ['label', 'value'],
      ['=1+1', '-12.5'],
      ["'kept", '@x'],
      ["'-12.5", '\t=1'],
    ];
    expect(parseCsvText(csvText(rows)).data).toEqual(rows);
  });
});

describe('every CSV export neutralises formula cells', () => {
  it('the version cost table', () => {
    const scenario = {
      costs: [{ code: 'C1', label: '=cmd|"/c calc"!A1', values: { '2021': '-12.5' } }],
      subsidies: [{ code: 'S1', label: '@SUM(1)', values: { '2021': '4' } }],
    } as unknown as Scenario;
    const rows = cellsOf(toCsv(scenario));
    expect(rows[1]).toEqual(['cost', 'C1', `'=cmd|"/c calc"!A1`, '-12.5']);
    expect(rows[2]).toEqual(['subsidy', 'S1', "'@SUM(1)", '4']);
  });

  it('the monitoring table', () => {
    expect(
      cellsOf(
        gridToCsv([
          ['year', 'indicator'],
          ['2024', '+cmd'],
        ]),
      )[1],
    ).toEqual(['2024', "'+cmd"]);
  });

  it('the fund ledger', () => {
    const line = { deal: '=1+1', agreement: 1, year: 2024, funder: '-funder', scheduled: '-10.00', settled: null, paid: '0.00', outstanding: null };
    expect(cellsOf(ledgerToCsv([line]))[1]).toEqual(["'=1+1", '1', '2024', "'-funder", '-10.00', '', '0.00', '', 'CNY']);
  });
});
