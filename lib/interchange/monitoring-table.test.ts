import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  gridToCsv,
  gridToXlsx,
  isIsoDate,
  monitoringFromCsv,
  monitoringFromXlsx,
  monitoringGrid,
  monitoringHeaders,
  monitoringSamplesTemplate,
  monitoringTemplate,
  samplingDate,
} from './monitoring-table';
import { problemAt, problemField } from './grid-problem';
import { render } from '@/lib/domain/local-text';
import { defaultRule } from '@/lib/terms';
import zh from '@/messages/zh.json';
import en from '@/messages/en.json';
import '@/lib/domain/catalogue';

const rules = { indicators: ['codmn', 'nh3n', 'tn', 'tp'], from: 2021, to: 2030 };
const header = 'year,indicator,value,laboratory,sampledFrom,sampledTo';

describe('monitoring table: CSV', () => {
  it('reads a year of results', () => {
    const csv = `\uFEFF${header}\n2023,codmn,2.310,Shiyan station,2023-01-05,2023-12-20\n2023,tp,0.026,"Hubei centre, lab 2",2023-01-05,2023-12-20\n\n`;
    expect(monitoringFromCsv(csv, rules)).toEqual({
      ok: true,
      rows: [
        { row: 2, year: 2023, indicator: 'codmn', value: '2.31', laboratory: 'Shiyan station', sampledFrom: '2023-01-05', sampledTo: '2023-12-20' },
        { row: 3, year: 2023, indicator: 'tp', value: '0.026', laboratory: 'Hubei centre, lab 2', sampledFrom: '2023-01-05', sampledTo: '2023-12-20' },
      ],
      columns: { year: 'A', indicator: 'B', value: 'C', laboratory: 'D', sampledFrom: 'E', sampledTo: 'F' },
    });
  });

  it('takes the columns in any order, and names missing or unknown ones', () => {
    const reordered = `laboratory,value,indicator,year,sampledTo,sampledFrom\nLab,1.5,tn,2022,2022-06-30,2022-06-01`;
    expect(monitoringFromCsv(reordered, rules)).toMatchObject({ ok: true, rows: [{ indicator: 'tn', value: '1.5', sampledFrom: '2022-06-01' }] });
    expect(monitoringFromCsv('year,indicator,value,lab,sampledFrom\n', rules)).toMatchObject({
      ok: false,
      problems: [
        { row: 1, column: 'D', message: 'unknown column "lab" (the columns are year, indicator, value, unit, laboratory, sampledFrom, sampledTo, sampledOn)' },
        { row: 1, column: '—', message: 'the header lacks laboratory, sampledTo (the columns are year, indicator, value, laboratory, sampledFrom, sampledTo)' },
      ],
    });
  });

  it('lists every problem of every row with its row and column, and returns no rows', () => {
    const csv = [
      header,
      '2023,codmn,2.31,Lab,2023-01-01,2023-12-31',
      '2023,CODMN,2,31,Lab,2023-01-01', // unquoted decimal comma shifts the columns
      '2023,xyz,abc,,2023-02-30,2022-12-31',
      '1999,tp,<0.01,Lab,2023-03-01,2023-02-01',
      '2023,codmn,2.35,Lab,2023-01-01,2023-12-31',
      'twenty,tn,1e999,Lab,2023-01-01,2023-12-31',
    ].join('\n');
    const outcome = monitoringFromCsv(csv, rules);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems).toMatchObject([
      { row: 3, column: 'B', message: 'unknown indicator "CODMN"; did you mean "codmn"? (the agreement\'s terms declare codmn, nh3n, tn, tp)' },
      { row: 3, column: 'E', message: '"Lab" is not a date (write 2018-01-01, 2018/1/1 or an Excel date)' },
      { row: 4, column: 'B', message: expect.stringContaining('unknown indicator "xyz"') },
      { row: 4, column: 'C', message: expect.stringContaining('"abc" is not a lab result') },
      { row: 4, column: 'D', message: 'name the laboratory that measured it' },
      { row: 4, column: 'E', message: expect.stringContaining('"2023-02-30" is not a date') },
      { row: 4, column: 'F', message: '2022-12-31 is not in 2023, the year of the result' },
      { row: 5, column: 'A', message: "1999 is outside the agreement's years 2021–2030" },
      { row: 5, column: 'F', message: '2023-02-01 is before sampledFrom 2023-03-01' },
      { row: 6, column: 'B', message: 'codmn for 2023 is given already in row 2: one result per indicator and year' },
      { row: 7, column: 'A', message: '"twenty" is not a four-digit year' },
      { row: 7, column: 'C', message: expect.stringContaining('"1e999" is not a lab result') },
    ]);
    expect(problemField(outcome.problems[1]!, header.split(','))).toBe('row 3, column E (sampledFrom)');
  });

  it('refuses a table without results, and one that is not CSV', () => {
    expect(monitoringFromCsv(`${header}\n`, rules)).toMatchObject({ ok: false, problems: [{ row: 0, column: '—', message: 'the table has no results below its header' }] });
    expect(monitoringFromCsv(`${header}\n2023,"codmn,2.3`, rules)).toMatchObject({ ok: false, problems: [{ message: expect.stringContaining('not readable as CSV') }] });
  });

  it('refuses every indicator when the terms measure nothing', () => {
    expect(monitoringFromCsv(`${header}\n2023,codmn,2.3,Lab,2023-01-01,2023-01-02`, { ...rules, indicators: [] })).toMatchObject({
      ok: false,
      problems: [{ row: 2, column: 'B', message: expect.stringContaining('none: the agreement’s terms measure nothing') }],
    });
  });

  it('reads back what it writes, for any values', () => {
    const row = fc.record({
      year: fc.integer({ min: 2021, max: 2030 }),
      indicator: fc.constantFrom(...rules.indicators),
      value: fc.bigInt({ min: 0n, max: 10n ** 12n }).chain((n) =>
        fc.integer({ min: 0, max: 6 }).map((d) =>
          d === 0
            ? n.toString()
            : `${n < 0n ? '-' : ''}${(n < 0n ? -n : n)
                .toString()
                .padStart(d + 1, '0')
                .replace(new RegExp(`(\\d{${d}})$`), '.$1')}`,
        ),
      ),
      laboratory: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() === s && s.trim() !== '' && !s.includes('\uFEFF')),
    });
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: (r) => `${r.year}.${r.indicator}`, minLength: 1, maxLength: 12 }), (rows) => {
        const full = rows.map((r) => ({ ...r, sampledFrom: `${r.year}-01-01`, sampledTo: `${r.year}-12-31` }));
        const outcome = monitoringFromCsv(gridToCsv(monitoringGrid(full)), rules);
        expect(outcome.ok).toBe(true);
        if (!outcome.ok) return;
        expect(outcome.rows.map((r) => [r.year, r.indicator, r.laboratory])).toEqual(full.map((r) => [r.year, r.indicator, r.laboratory]));
        outcome.rows.forEach((r, i) => expect(Number(r.value)).toBe(Number(full[i]!.value)));
      }),
      { numRuns: 50 },
    );
  });
});

describe('monitoring table: Excel', () => {
  it('reads number and date cells as their text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Monitoring');
    sheet.addRow(['year', 'indicator', 'value', 'laboratory', 'sampledFrom', 'sampledTo']);
    sheet.addRow([2023, 'codmn', 2.31, 'Lab', new Date(Date.UTC(2023, 0, 5)), '2023-12-20']);
    sheet.addRow([2023, 'tp', 'n/a', 'Lab', new Date(Date.UTC(2023, 0, 5)), new Date(Date.UTC(2023, 11, 20))]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await monitoringFromXlsx(bytes, rules)).toMatchObject({ ok: false, problems: [{ row: 3, column: 'C', message: expect.stringContaining('"n/a" is not a lab result') }] });
    sheet.getRow(3).getCell(3).value = 0.026;
    const fixed = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await monitoringFromXlsx(fixed, rules)).toMatchObject({
      ok: true,
      rows: [
        { value: '2.31', sampledFrom: '2023-01-05' },
        { value: '0.026', sampledTo: '2023-12-20' },
      ],
    });
  });

  it('writes a template that reads back once filled, and refuses bytes that are no workbook', async () => {
    const template = monitoringTemplate(
      rules.indicators.map((name) => ({ name, unit: 'mg/L' })),
      2024,
    );
    template.slice(1).forEach((row) => {
      row[2] = '1.5';
      row[4] = 'Lab';
    });
    const outcome = await monitoringFromXlsx(new Uint8Array(await gridToXlsx(template)), rules);
    expect(outcome).toMatchObject({ ok: true, rows: rules.indicators.map((indicator) => ({ year: 2024, indicator, value: '1.5' })) });
    expect(await monitoringFromXlsx(new TextEncoder().encode('not a zip'), rules)).toMatchObject({ ok: false, problems: [{ message: expect.stringContaining('not a readable .xlsx') }] });
  });

  it('reads real date cells, Excel day numbers and text dates in the forms labs write', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Monitoring');
    sheet.addRow(['年度', '指标', '数值', '实验室', '采样起', '采样止']);
    sheet.addRow([2018, 'tp', '<0.025', '密云站', new Date(Date.UTC(2018, 0, 1)), 43465]);
    sheet.addRow([2018, 'tn', 1.05, '密云站', '2018/1/1', '2018年12月31日']);
    const outcome = await monitoringFromXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()), { ...rules, from: 2014 });
    expect(outcome).toMatchObject({
      ok: true,
      rows: [
        { value: '<0.025', sampledFrom: '2018-01-01', sampledTo: '2018-12-31' },
        { value: '1.05', sampledFrom: '2018-01-01', sampledTo: '2018-12-31' },
      ],
    });
  });

  it('knows a real date', () => {
    expect(samplingDate('2018/01/01')).toBe('2018-01-01');
    expect(samplingDate('2018-1-1')).toBe('2018-01-01');
    expect(samplingDate('2018.1.9')).toBe('2018-01-09');
    expect(samplingDate('43101')).toBe('2018-01-01');
    expect(samplingDate('2018/02/30')).toBeNull();
    expect(samplingDate('2018-01/01')).toBeNull();
    expect(samplingDate('01/02/2018')).toBeNull();
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-1-05')).toBe(false);
  });
});

describe('monitoring table: Chinese headers, lab results under the terms, labels in the reader’s language', () => {
  const tp = { ...defaultRule('mg/L'), max: '1' };
  const terms = { ...rules, from: 2014, monitoring: { tp, tn: defaultRule('mg/L'), codmn: defaultRule('mg/L'), nh3n: defaultRule('mg/L') } };
  const zhHeader = '年度,指标,数值,单位,实验室,采样起,采样止';

  it('reads a Chinese header with the unit column, and keeps a result below the detection limit as censored', () => {
    const outcome = monitoringFromCsv(`\uFEFF${zhHeader}\n2018,tp,<0.025,mg/L,密云水库站,2018/1/1,2018-12-31\n2018,tn,＜ 0.5,,密云水库站,2018-1-1,2018-12-31`, terms);
    expect(outcome).toEqual({
      ok: true,
      rows: [
        { row: 2, year: 2018, indicator: 'tp', value: '<0.025', laboratory: '密云水库站', sampledFrom: '2018-01-01', sampledTo: '2018-12-31' },
        { row: 3, year: 2018, indicator: 'tn', value: '<0.5', laboratory: '密云水库站', sampledFrom: '2018-01-01', sampledTo: '2018-12-31' },
      ],
      columns: { year: 'A', indicator: 'B', value: 'C', unit: 'D', laboratory: 'E', sampledFrom: 'F', sampledTo: 'G' },
    });
  });

  it('refuses exponents, negative concentrations, values beyond the plausible range and another unit, naming the column in the reader’s language', () => {
    const csv = [
      zhHeader,
      '2018,tp,1e3,mg/L,站,2018-01-01,2018-12-31',
      '2018,tn,-0.2,mg/L,站,2018-01-01,2018-12-31',
      '2018,codmn,<0,mg/L,站,2018-01-01,2018-12-31',
      '2019,tp,1.5,mg/L,站,2019-01-01,2019-12-31',
      '2019,tn,1.2,µg/L,站,2019-01-01,2019-12-31',
    ].join('\n');
    const outcome = monitoringFromCsv(csv, terms);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'C'],
      [3, 'C'],
      [4, 'C'],
      [5, 'C'],
      [6, 'D'],
    ]);
    expect(outcome.problems[1]!.message).toBe('-0.2 is below the plausible minimum 0 mg/L');
    expect(outcome.problems[3]!.message).toBe('1.5 is above the plausible maximum 1 mg/L');
    expect(render(problemAt(outcome.problems[0]!), 'zh')).toBe('第 2 行 C 列（数值）');
    expect(render(problemAt(outcome.problems[4]!), 'zh')).toBe('第 6 行 D 列（单位）');
    expect(render(problemAt(outcome.problems[0]!), 'en')).toBe('row 2, column C (value)');
    expect(render(outcome.problems[0]!.text!, 'zh')).toContain('“1e3”不是检测结果');
  });

  it('writes its template header in the reader’s language, with each indicator’s unit, and reads it back', () => {
    const template = monitoringTemplate([{ name: 'tp', unit: 'mg/L' }], 2020, 'zh');
    expect(template).toEqual([
      ['年度', '指标', '数值', '单位', '实验室', '采样起', '采样止'],
      ['2020', 'tp', '', 'mg/L', '', '2020-01-01', '2020-12-31'],
    ]);
    template[1]![2] = '0.03';
    template[1]![4] = '站';
    expect(monitoringFromCsv(gridToCsv(template), terms)).toMatchObject({ ok: true, rows: [{ indicator: 'tp', value: '0.03' }] });
  });

  it('uses the catalogue’s column labels as its headers', () => {
    expect(zh.fundServer.column).toEqual(monitoringHeaders.zh);
    expect(en.fundServer.column).toEqual(monitoringHeaders.en);
  });
});

describe('monitoring table: one row per sample (decision 0097)', () => {
  const terms = {
    ...rules,
    from: 2014,
    monitoring: { tp: { ...defaultRule('mg/L'), max: '1', belowLimit: 'half' as const }, tn: defaultRule('mg/L'), codmn: defaultRule('mg/L'), nh3n: defaultRule('mg/L') },
  };

  it('makes the rows of an indicator and year one list of dated samples, their mean the value and their dates the period', () => {
    const csv = [
      '指标,采样日期,数值,单位,实验室',
      'tp,2018/3/15,0.03,mg/L,密云水库站',
      'tp,2018-01-15,<0.02,mg/L,密云水库站',
      'codmn,2018-01-15,2.1,mg/L,密云水库站',
      'tp,2018年2月15日,0.05,mg/L,密云水库站',
      'tp,2019-01-15,0.04,mg/L,密云水库站',
    ].join('\n');
    const outcome = monitoringFromCsv(csv, terms);
    expect(outcome).toEqual({
      ok: true,
      rows: [
        {
          row: 2,
          year: 2018,
          indicator: 'tp',
          // (0.03 + 0.01 + 0.05) / 3: the censored sample counts as half its limit, as the terms say.
          value: '0.03',
          laboratory: '密云水库站',
          sampledFrom: '2018-01-15',
          sampledTo: '2018-03-15',
          samples: [
            { on: '2018-01-15', value: '<0.02' },
            { on: '2018-02-15', value: '0.05' },
            { on: '2018-03-15', value: '0.03' },
          ],
        },
        { row: 4, year: 2018, indicator: 'codmn', value: '2.1', laboratory: '密云水库站', sampledFrom: '2018-01-15', sampledTo: '2018-01-15', samples: [{ on: '2018-01-15', value: '2.1' }] },
        { row: 6, year: 2019, indicator: 'tp', value: '0.04', laboratory: '密云水库站', sampledFrom: '2019-01-15', sampledTo: '2019-01-15', samples: [{ on: '2019-01-15', value: '0.04' }] },
      ],
      columns: { indicator: 'A', sampledOn: 'B', value: 'C', unit: 'D', laboratory: 'E' },
    });
  });

  it('refuses a repeated date, a second laboratory, a date outside the year or the agreement, and a table mixing both layouts', () => {
    const csv = [
      'year,indicator,sampledOn,value,laboratory',
      '2018,tp,2018-01-15,0.03,Lab A',
      '2018,tp,2018-01-15,0.04,Lab A',
      '2018,tp,2018-02-15,0.04,Lab B',
      '2018,tp,2019-03-15,0.04,Lab A',
      '2018,tp,,0.04,Lab A',
    ].join('\n');
    const outcome = monitoringFromCsv(csv, terms);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [3, 'C', 'tp for 2018 has a sample of 2018-01-15 already in row 2: one sample per date'],
      [4, 'E', "tp for 2018 is from Lab A in row 2: one laboratory's samples per indicator and year"],
      [5, 'C', '2019-03-15 is not in 2018, the year of the result'],
      [6, 'C', 'the sampling date is empty (e.g. 2018-01-01)'],
    ]);
    expect(render(problemAt(outcome.problems[0]!), 'zh')).toBe('第 3 行 C 列（采样日期）');

    expect(monitoringFromCsv('indicator,sampledOn,value,laboratory\ntp,2013-06-01,0.1,Lab', terms)).toMatchObject({
      ok: false,
      problems: [{ row: 2, column: 'B', message: "2013 is outside the agreement's years 2014–2030" }],
    });
    expect(monitoringFromCsv('indicator,sampledOn,sampledFrom,value,laboratory\ntp,2018-06-01,2018-06-01,0.1,Lab', terms)).toMatchObject({
      ok: false,
      problems: [{ row: 1, message: expect.stringContaining('both a sampling-date column and a sampling period') }],
    });
    expect(monitoringFromCsv('year,sampledOn,value,laboratory\n2018,2018-06-01,0.1,Lab', terms)).toMatchObject({
      ok: false,
      problems: [{ row: 1, message: 'the header lacks indicator (the columns are indicator, sampledOn, value, laboratory)' }],
    });
  });

  it('writes a template of samples at the agreed frequency, which reads back once filled', () => {
    const template = monitoringSamplesTemplate(
      [
        { name: 'tp', unit: 'mg/L', frequency: 'quarterly' },
        { name: 'tn', unit: 'mg/L' },
      ],
      2020,
      'zh',
    );
    expect(template[0]).toEqual(['年度', '指标', '采样日期', '数值', '单位', '实验室']);
    expect(template.slice(1, 3)).toEqual([
      ['2020', 'tp', '2020-02-15', '', 'mg/L', ''],
      ['2020', 'tp', '2020-05-15', '', 'mg/L', ''],
    ]);
    expect(template.filter((row) => row[1] === 'tp')).toHaveLength(4);
    expect(template.filter((row) => row[1] === 'tn')).toHaveLength(12);
    template.slice(1).forEach((row, i) => {
      row[3] = String(0.01 * (i + 1));
      row[5] = '站';
    });
    const outcome = monitoringFromCsv(gridToCsv(template), terms);
    expect(outcome).toMatchObject({
      ok: true,
      rows: [
        { indicator: 'tp', samples: expect.any(Array) },
        { indicator: 'tn', samples: expect.any(Array) },
      ],
    });
    if (outcome.ok) expect(outcome.rows.map((r) => r.samples!.length)).toEqual([4, 12]);
  });
});
