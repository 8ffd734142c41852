// Spreadsheets built to hurt an importer (issue 16): a sparse-row workbook whose rows each hold one
// cell in the last column, and deflate bombs, one honest about its size and one that lies.
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';

async function workbookParts(sheetName: string, fill: (sheet: ExcelJS.Worksheet) => void): Promise<Record<string, Uint8Array>> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet(sheetName));
  return unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
}

const rezip = (parts: Record<string, Uint8Array>) => zipSync(parts, { level: 6 });

/**
 * One cell in column XFD (16,384) of each of `rows` rows: about 10 KB. With `withoutDimension`, the
 * sheet states no <dimension>, so only reading the rows can tell.
 */
export async function sparseRowWorkbook(sheetName: string, { rows = 800, withoutDimension = false } = {}): Promise<Uint8Array> {
  const parts = await workbookParts(sheetName, (sheet) => {
    for (let row = 1; row <= rows; row += 1) sheet.getCell(`XFD${row}`).value = row;
  });
  if (withoutDimension) {
    const xml = new TextDecoder().decode(parts['xl/worksheets/sheet1.xml']).replace(/<dimension [^>]*\/>/, '');
    parts['xl/worksheets/sheet1.xml'] = new TextEncoder().encode(xml);
  }
  return rezip(parts);
}

/** A valid workbook whose sheet XML carries `megabytes` of whitespace: tens of kilobytes zipped. */
export async function deflateBomb(sheetName: string, megabytes = 30): Promise<Uint8Array> {
  const parts = await workbookParts(sheetName, (sheet) => {
    sheet.addRow(['section', 'code', 'label']);
  });
  const xml = new TextDecoder().decode(parts['xl/worksheets/sheet1.xml']);
  const at = xml.indexOf('<sheetData>');
  const head = new TextEncoder().encode(xml.slice(0, at));
  const tail = new TextEncoder().encode(xml.slice(at));
  const padded = new Uint8Array(head.length + megabytes * 1024 * 1024 + tail.length).fill(0x20);
  padded.set(head, 0);
  padded.set(tail, padded.length - tail.length);
  parts['xl/worksheets/sheet1.xml'] = padded;
  return rezip(parts);
}

/** The same bomb, its zip headers claiming the sheet unpacks to 1 KB (local header and central directory). */
export async function lyingDeflateBomb(sheetName: string, megabytes = 30): Promise<Uint8Array> {
  const bytes = await deflateBomb(sheetName, megabytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const name = 'xl/worksheets/sheet1.xml';
  for (let offset = 0; offset + 46 < bytes.length; offset += 1) {
    const signature = view.getUint32(offset, true);
    const nameAt = signature === 0x04034b50 ? offset + 30 : signature === 0x02014b50 ? offset + 46 : -1;
    if (nameAt < 0) continue;
    const nameLength = view.getUint16(offset + (signature === 0x04034b50 ? 26 : 28), true);
    if (new TextDecoder().decode(bytes.subarray(nameAt, nameAt + nameLength)) !== name) continue;
    view.setUint32(offset + (signature === 0x04034b50 ? 22 : 24), 1024, true);
  }
  return bytes;
}
