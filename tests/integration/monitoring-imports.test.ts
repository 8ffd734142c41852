import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../lib/domain/errors';
import { render } from '../../lib/domain/local-text';
import { templateTerms } from '../../lib/terms';
import { enterMonitoringValue } from '../../lib/server/fund/enter-monitoring-value';
import { exportMonitoringTemplate } from '../../lib/server/fund/export-monitoring-template';
import { getMonitoring } from '../../lib/server/fund/get-monitoring';
import { getMonitoringImport } from '../../lib/server/fund/get-monitoring-import';
import { importMonitoringTable } from '../../lib/server/fund/import-monitoring-table';
import { testDb } from '../factories';
import { fundOrigin as origin, signedAgreement, type FundActor } from '../factories/signed-agreement';

// The two-way rule over 2021–2030, any one lab enough; total phosphorus with a plausible maximum
// of 1 mg/L, and a censored result counted as half its detection limit, as the parties agreed.
const template = templateTerms('two-way-quality-index', 'zh');
const monitoring = Object.fromEntries(Object.keys(template.indicators).map((name) => [name, { labs: 'either' }])) as Record<string, Record<string, unknown>>;
monitoring.tp = { labs: 'either', min: '0', max: '1', belowLimit: 'half' };
const terms = { ...template, from: 2021, to: 2030, monitoring };

type Table = Awaited<ReturnType<typeof signedAgreement>>;
const encode = (csv: string) => new TextEncoder().encode(csv);
const importAs = (t: Table, actor: FundActor, bytes: Uint8Array, fileName = 'results.csv') => importMonitoringTable({ actor, origin: origin(), ...t.at, fileName, bytes });
const enter = (t: Table, actor: FundActor, indicator: string, value: string) =>
  enterMonitoringValue({ actor, origin: origin(), ...t.at, input: { year: 2024, indicator, value, laboratory: '上游监测站', sampledFrom: '2024-03-01', sampledTo: '2024-03-31' } });
const stored = (t: Table) => testDb().monitoringValue.findMany({ where: { agreementId: t.agreementId }, orderBy: { indicator: 'asc' } });
const refusal = async (attempt: Promise<unknown>) => {
  const error = await attempt.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
};

describe('lab results under the signed terms: ranges and detection limits', () => {
  it('refuses an exponent, a negative concentration and a value beyond the plausible range, and writes nothing', async () => {
    const t = await signedAgreement({ terms });
    for (const [indicator, value, says] of [
      ['tp', '1e3', '"1e3" is not a lab result'],
      ['tn', '-0.2', '-0.2 is below the plausible minimum 0 mg/L'],
      ['tp', '1.5', '1.5 is above the plausible maximum 1 mg/L'],
      ['tp', '<0', 'a detection limit is above 0'],
    ] as const) {
      const refused = await refusal(enter(t, t.upstream, indicator, value));
      expect(refused.problems.map((p) => [p.field, p.message])).toEqual([['value', expect.stringContaining(says)]]);
    }
    const table = await refusal(importAs(t, t.upstream, encode('year,indicator,value,laboratory,sampledFrom,sampledTo\n2024,tp,0.02,站,2024-01-01,2024-12-31\n2024,tn,-1,站,2024-01-01,2024-12-31')));
    expect(table.problems).toMatchObject([{ field: 'row 3, column C (value)', message: '-1 is below the plausible minimum 0 mg/L' }]);
    expect(await stored(t)).toEqual([]);
  });

  it('keeps a result below the detection limit as censored and counts it as the terms say', async () => {
    const t = await signedAgreement({ terms });
    await enter(t, t.upstream, 'tp', '＜ 0.025');
    await importAs(t, t.downstream, encode('年度,指标,数值,实验室,采样起,采样止\n2024,tn,<0.5,北京市水文总站,2024/1/1,2024/12/31'));
    expect((await stored(t)).map((v) => [v.indicator, v.value, v.side])).toEqual([
      ['tn', '<0.5', 'DOWNSTREAM'],
      ['tp', '<0.025', 'UPSTREAM'],
    ]);
    const view = await getMonitoring({ actor: t.fundAdmin, origin: origin(), ...t.at });
    // Half the limit for tp (agreed), the limit itself for tn (the default).
    expect(view.cells.find((c) => c.year === 2024 && c.indicator === 'tp')).toMatchObject({ state: 'single', value: '0.0125', current: [{ value: '<0.025' }] });
    expect(view.cells.find((c) => c.year === 2024 && c.indicator === 'tn')).toMatchObject({ state: 'single', value: '0.5' });
  });
});

describe('monitoring imports: Chinese headers and the dates labs write', () => {
  it('reads a CSV with Chinese headers and dates as 2024/01/01, 2024-1-1 and Excel day numbers', async () => {
    const t = await signedAgreement({ terms });
    const csv = [
      '\uFEFF采样止,年度,指标,数值,单位,实验室,采样起',
      '2024/12/31,2024,codmn,2.31,mg/L,丹江口水质监测站,2024/01/01',
      '2024-12-31,2024,nh3n,0.10,mg/L,丹江口水质监测站,2024-1-1',
      '45657,2024,tp,0.026,mg/L,丹江口水质监测站,45292',
    ].join('\r\n');
    expect(await importAs(t, t.upstream, encode(csv))).toMatchObject({ imported: 3, years: [2024] });
    const rows = await stored(t);
    expect(rows.map((r) => [r.indicator, r.value, r.sampledFrom.toISOString().slice(0, 10), r.sampledTo.toISOString().slice(0, 10)])).toEqual([
      ['codmn', '2.31', '2024-01-01', '2024-12-31'],
      ['nh3n', '0.1', '2024-01-01', '2024-12-31'],
      ['tp', '0.026', '2024-01-01', '2024-12-31'],
    ]);
  });

  it('reads real date cells of an .xlsx, and refuses a workbook whose unit is not the agreed one, naming the column in Chinese', async () => {
    const t = await signedAgreement({ terms, locale: 'zh' });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('监测结果');
    sheet.addRow(['年度', '指标', '数值', '单位', '实验室', '采样起', '采样止']);
    sheet.addRow([2023, 'tp', 0.03, 'mg/L', '十堰市环境监测站', new Date(Date.UTC(2023, 0, 5)), new Date(Date.UTC(2023, 11, 20))]);
    sheet.addRow([2023, 'tn', 1050, 'µg/L', '十堰市环境监测站', new Date(Date.UTC(2023, 0, 5)), new Date(Date.UTC(2023, 11, 20))]);
    const refused = await refusal(importAs(t, t.upstream, new Uint8Array(await workbook.xlsx.writeBuffer()), '2023年监测.xlsx'));
    expect(refused.problems).toHaveLength(1);
    expect(render(refused.problems[0]!.at!, 'zh')).toBe('第 3 行 D 列（单位）');
    expect(render(refused.problems[0]!.text!, 'zh')).toContain('与协议条款为总氮');
    expect(await stored(t)).toEqual([]);
    expect(await testDb().monitoringImport.count({ where: { agreementId: t.agreementId } })).toBe(0);

    sheet.getRow(3).getCell(3).value = 1.05;
    sheet.getRow(3).getCell(4).value = 'mg/L';
    await importAs(t, t.upstream, new Uint8Array(await workbook.xlsx.writeBuffer()), '2023年监测.xlsx');
    expect((await stored(t)).map((r) => [r.indicator, r.value, r.sampledFrom.toISOString().slice(0, 10), r.sampledTo.toISOString().slice(0, 10)])).toEqual([
      ['tn', '1.05', '2023-01-05', '2023-12-20'],
      ['tp', '0.03', '2023-01-05', '2023-12-20'],
    ]);
  });

  it('writes the template with Chinese headers and each indicator’s unit for a Chinese reader', async () => {
    const t = await signedAgreement({ terms, locale: 'zh' });
    const file = await exportMonitoringTemplate({ actor: t.upstream, origin: origin(), ...t.at, year: 2024, format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const rows = (workbook.getWorksheet('Monitoring')!.getSheetValues() as unknown[][]).filter(Boolean).map((row) => row.slice(1));
    expect(rows[0]).toEqual(['年度', '指标', '数值', '单位', '实验室', '采样起', '采样止']);
    expect(rows.slice(1).map((row) => [row[1], row[3]])).toEqual([
      ['codmn', 'mg/L'],
      ['nh3n', 'mg/L'],
      ['tn', 'mg/L'],
      ['tp', 'mg/L'],
    ]);
    const csv = await exportMonitoringTemplate({ actor: t.upstream, origin: origin(), ...t.at, year: 2024, format: 'csv' });
    expect(csv.bytes.toString('utf8')).toMatch(/^\uFEFF年度,指标,数值,单位,实验室,采样起,采样止\r?\n2024,codmn,,mg\/L,,2024-01-01,2024-12-31/);
  });
});

describe('monitoring imports: the file is kept', () => {
  it('keeps the bytes, name, SHA-256, who and when; the importer’s side and the fund may download it, no one else', async () => {
    const t = await signedAgreement({ terms });
    const bytes = encode('year,indicator,value,laboratory,sampledFrom,sampledTo\n2022,tp,0.021,Danjiangkou station,2022-01-10,2022-12-15\n');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const { importId } = await importAs(t, t.upstream, bytes, '2022 结果.csv');
    expect(await testDb().monitoringImport.findUniqueOrThrow({ where: { id: importId } })).toMatchObject({
      agreementId: t.agreementId,
      side: 'UPSTREAM',
      fileName: '2022 结果.csv',
      sha256,
      size: bytes.byteLength,
      rows: 1,
      importedById: t.upstream.id,
      importedByName: t.upstream.name,
    });
    expect((await stored(t))[0]).toMatchObject({ importId, fileName: '2022 结果.csv' });

    for (const actor of [t.upstream, t.fundAdmin, t.reader]) {
      const file = await getMonitoringImport({ actor, origin: origin(), ...t.at, importId });
      expect(Buffer.from(file.bytes).equals(Buffer.from(bytes))).toBe(true);
      expect(file).toMatchObject({ fileName: '2022 结果.csv', sha256, contentType: 'text/csv; charset=utf-8' });
    }
    // The other party would read the upstream lab's values before entering its own (blind entry).
    for (const actor of [t.downstream, t.viewer]) await expect(getMonitoringImport({ actor, origin: origin(), ...t.at, importId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMonitoringImport({ actor: t.fundAdmin, origin: origin(), ...t.at, importId: '00000000-0000-4000-8000-000000000000' })).rejects.toBeInstanceOf(NotFoundError);
    const other = await signedAgreement({ terms });
    await expect(getMonitoringImport({ actor: other.fundAdmin, origin: origin(), ...other.at, importId })).rejects.toBeInstanceOf(NotFoundError);

    expect((await getMonitoring({ actor: t.fundAdmin, origin: origin(), ...t.at })).imports).toMatchObject([{ id: importId, fileName: '2022 结果.csv', sha256, rows: 1, side: 'UPSTREAM' }]);
    expect((await getMonitoring({ actor: t.downstream, origin: origin(), ...t.at })).imports).toEqual([]);
    const event = await testDb().auditEvent.findFirstOrThrow({ where: { dealId: t.deal.id, action: 'monitoring.imported' } });
    expect(event.summary).toMatchObject({ after: { importId, sha256 } });
    await expect(testDb().monitoringImport.delete({ where: { id: importId } })).rejects.toThrow();
  });
});
