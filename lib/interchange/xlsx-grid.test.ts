import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { deflateBomb, lyingDeflateBomb, sparseRowWorkbook } from '../../tests/support/hostile-workbooks';
import { archiveBounds, inspectXlsxArchive } from './xlsx-archive';
import { readXlsxGrid, type XlsxMeter } from './xlsx-grid';

const sheet = 'Cost table';

/**
 * Reads a workbook with a meter. A refusal is held to what the meter counted (bytes inflated,
 * sheets exceljs opened, rows it built), which no machine load changes; the time taken is printed
 * as a figure only.
 */
async function metered(bytes: Uint8Array, label: string) {
  const meter: XlsxMeter = { inflatedBytes: 0, sheetsOpened: 0, rows: 0 };
  const started = performance.now();
  const value = await readXlsxGrid(bytes, sheet, 'unreadable', { meter });
  console.info(`${label}: ${JSON.stringify(meter)} in ${(performance.now() - started).toFixed(0)} ms`);
  return { value, meter };
}

/** A workbook of one cell whose <dimension> alone claims it reaches `ref`: only the stated dimension can refuse it. */
async function claimedDimensionWorkbook(ref: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet(sheet).getCell('A1').value = 'section';
  const parts = unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
  const xml = new TextDecoder().decode(parts['xl/worksheets/sheet1.xml']);
  expect(xml).toMatch(/<dimension ref="A1:A1"\/>/);
  parts['xl/worksheets/sheet1.xml'] = new TextEncoder().encode(xml.replace(/<dimension ref="A1:A1"\/>/, `<dimension ref="${ref}"/>`));
  return zipSync(parts, { level: 6 });
}

describe('readXlsxGrid: bounded before parsing', () => {
  it('refuses a sparse-row workbook by its stated dimension, before exceljs opens it', async () => {
    const bytes = await sparseRowWorkbook(sheet);
    expect(bytes.byteLength).toBeLessThan(16 * 1024);
    const { value, meter } = await metered(bytes, 'sparse-row workbook');
    expect(value).toMatchObject({ ok: false, problems: [{ row: 0, message: expect.stringMatching(/too large to read \(it reaches row 800, column XFD\)/) }] });
    // Refused from the archive: exceljs never opened a sheet, so built none of its rows.
    expect(meter).toMatchObject({ sheetsOpened: 0, rows: 0 });

    // The sparse rows' own references refuse that one while inflating; here only the stated dimension can.
    const claimed = await claimedDimensionWorkbook('A1:XFD800');
    expect(inspectXlsxArchive(claimed)).toEqual({ ok: true, dimensions: new Map([['xl/worksheets/sheet1.xml', 'A1:XFD800']]) });
    const byDimension = await metered(claimed, 'one cell, dimension A1:XFD800');
    expect(byDimension.value).toMatchObject({ ok: false, problems: [{ row: 0, message: expect.stringMatching(/reaches row 800, column XFD/) }] });
    expect(byDimension.meter).toMatchObject({ sheetsOpened: 0, rows: 0 });
  });

  it('refuses the same workbook without a <dimension> from its cell references, while inflating', async () => {
    const bytes = await sparseRowWorkbook(sheet, { withoutDimension: true });
    expect(inspectXlsxArchive(bytes)).toEqual({ ok: false, reason: 'tableTooBig', rows: 800, columns: 16_384 });
    const { value, meter } = await metered(bytes, 'sparse-row workbook without <dimension>');
    expect(value).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/reaches row 800, column XFD/) }] });
    // Without the scan, exceljs would open the sheet and build its first row before refusing it.
    expect(meter).toMatchObject({ sheetsOpened: 0, rows: 0 });
  });

  it('refuses a deflate bomb from its directory, and one whose headers lie while inflating', async () => {
    const bombs = { 'deflate bomb': await deflateBomb(sheet), 'deflate bomb whose headers lie': await lyingDeflateBomb(sheet) };
    const read: Record<string, XlsxMeter> = {};
    for (const [label, bytes] of Object.entries(bombs)) {
      expect(bytes.byteLength, label).toBeLessThan(512 * 1024);
      const { value, meter } = await metered(bytes, label);
      expect(value, label).toMatchObject({ ok: false, problems: [{ row: 0, message: expect.stringMatching(/refused unread/) }] });
      expect(meter, label).toMatchObject({ sheetsOpened: 0, rows: 0 });
      read[label] = meter;
    }
    // Refused from the central directory: not one byte inflated. Without that check, inflating would
    // be stopped only by the 20 MB cap on the whole archive, here after all 30 MB of the bomb.
    expect(read['deflate bomb']!.inflatedBytes).toBe(0);
    // Refused at the first chunk that gives more than the 1 KB its headers claim: one 16 KB input
    // chunk of this bomb inflates to about 15 MB. Without that check only the 20 MB cap on the whole
    // archive would stop it, here after all 30 MB of the bomb.
    const lying = read['deflate bomb whose headers lie']!.inflatedBytes;
    expect(lying).toBeGreaterThan(0);
    expect(lying).toBeLessThan(archiveBounds.uncompressedBytes);
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
    // The meter counts what it says, so the zeros above are not a meter that never moves: the whole
    // archive inflated once, both sheets opened, the first sheet's row and the named sheet's two.
    const { value, meter } = await metered(bytes, 'ordinary workbook');
    expect(value).toMatchObject({ ok: true });
    const unpacked = Object.values(unzipSync(bytes)).reduce((total, part) => total + part.byteLength, 0);
    expect(meter).toEqual({ inflatedBytes: unpacked, sheetsOpened: 2, rows: 3 });
  });
});
