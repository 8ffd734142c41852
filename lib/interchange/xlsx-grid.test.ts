import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { deflateBomb, lyingDeflateBomb, sparseRowWorkbook } from '../../tests/support/hostile-workbooks';
import { inspectXlsxArchive } from './xlsx-archive';
import { readXlsxGrid } from './xlsx-grid';

const sheet = 'Cost table';

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}

describe('readXlsxGrid: bounded before parsing', () => {
  it('refuses a sparse-row workbook by its stated dimension, at once', async () => {
    const bytes = await sparseRowWorkbook(sheet);
    expect(bytes.byteLength).toBeLessThan(16 * 1024);
    const { value, ms } = await timed(() => readXlsxGrid(bytes, sheet, 'unreadable'));
    expect(ms).toBeLessThan(1000);
    expect(value).toMatchObject({ ok: false, problems: [{ row: 0, message: expect.stringMatching(/too large to read \(it reaches row 800, column XFD\)/) }] });
  });

  it('refuses the same workbook without a <dimension> from its cell references, while inflating', async () => {
    const bytes = await sparseRowWorkbook(sheet, { withoutDimension: true });
    expect(inspectXlsxArchive(bytes)).toEqual({ ok: false, reason: 'tableTooBig', rows: 800, columns: 16_384 });
    const { value, ms } = await timed(() => readXlsxGrid(bytes, sheet, 'unreadable'));
    expect(ms).toBeLessThan(1000);
    expect(value).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/reaches row 800, column XFD/) }] });
  });

  it('refuses a deflate bomb from its directory, and one whose headers lie while inflating', async () => {
    for (const make of [deflateBomb, lyingDeflateBomb]) {
      const bytes = await make(sheet);
      expect(bytes.byteLength).toBeLessThan(512 * 1024);
      const { value, ms } = await timed(() => readXlsxGrid(bytes, sheet, 'unreadable'));
      expect(ms, make.name).toBeLessThan(1000);
      expect(value, make.name).toMatchObject({ ok: false, problems: [{ row: 0, message: expect.stringMatching(/refused unread/) }] });
    }
    expect(inspectXlsxArchive(await deflateBomb(sheet))).toEqual({ ok: false, reason: 'tooLarge', entry: 'xl/worksheets/sheet1.xml' });
    expect(inspectXlsxArchive(await deflateBomb(sheet, 15))).toEqual({ ok: false, reason: 'ratio', entry: 'xl/worksheets/sheet1.xml' });
    expect(inspectXlsxArchive(await lyingDeflateBomb(sheet))).toEqual({ ok: false, reason: 'tooLarge', entry: 'xl/worksheets/sheet1.xml' });
  });

  it('still reads an ordinary workbook: the named sheet, else the first; empty rows and cells kept', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Read me').addRow(['notes']);
    const costs = workbook.addWorksheet(sheet);
    costs.addRow(['section', 'code', 'label', '2021']);
    costs.getCell('A3').value = 'cost';
    costs.getCell('D3').value = 12.5;
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await readXlsxGrid(bytes, sheet, 'unreadable')).toEqual({ ok: true, grid: [['section', 'code', 'label', '2021'], [], ['cost', '', '', '12.5']] });
    expect(await readXlsxGrid(bytes, 'Elsewhere', 'unreadable')).toEqual({ ok: true, grid: [['notes']] });
    expect(await readXlsxGrid(new TextEncoder().encode('PK\u0003\u0004 not a zip'), sheet, 'unreadable')).toMatchObject({ ok: false, problems: [{ message: 'unreadable' }] });
  });
});
