// Whether an .xlsx (a zip archive) is safe to open, decided before any spreadsheet code reads it:
// its entries' count, their uncompressed sizes and compression ratios from the central directory
// (fflate's unzip metadata), then the sizes checked again while inflating, since a header may lie,
// stopping as soon as an entry gives more than it declared. On the way, each worksheet's stated
// <dimension> is read from the start of its XML, and its cells are counted and located from their
// references, so a sheet too large to read is refused before a spreadsheet library builds any row.
import { Unzip, UnzipInflate, unzipSync, type UnzipFileInfo } from 'fflate';
import { gridBounds } from './grid-bounds';

export const archiveBounds = {
  entries: 200,
  uncompressedBytes: 20 * 1024 * 1024,
  /** Uncompressed to compressed; spreadsheet XML compresses about 10:1, a deflate bomb 1000:1. */
  ratio: 200,
  /** Entries smaller than this are not held to the ratio (tiny files compress oddly). */
  ratioFrom: 64 * 1024,
} as const;

export type ArchiveVerdict =
  | { ok: true; dimensions: Map<string, string | null> }
  | { ok: false; reason: 'unreadable' }
  | { ok: false; reason: 'tooManyEntries' | 'tooLarge' | 'ratio'; entry?: string }
  /** A worksheet reaching row `rows` and column number `columns`, or holding more cells than read. */
  | { ok: false; reason: 'tableTooBig'; rows: number; columns: number };

/**
 * The bytes an inspection inflated, added up as it goes. Only tests read it (through readXlsxGrid's
 * meter), to check in figures that do not depend on the machine's load that a hostile archive was
 * refused early: a deflate bomb from its directory with nothing inflated, a lying one after a chunk.
 */
export type InflationMeter = { inflatedBytes: number };

const chunkBytes = 16 * 1024;
const dimensionPrefixBytes = 4 * 1024;
const worksheetPath = /^xl\/worksheets\/sheet\d+\.xml$/;

function centralDirectory(bytes: Uint8Array): UnzipFileInfo[] | null {
  const entries: UnzipFileInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries.push(file);
        return false;
      },
    });
  } catch {
    return null;
  }
  return entries;
}

function declaredProblem(entries: readonly UnzipFileInfo[]): ArchiveVerdict | null {
  if (entries.length > archiveBounds.entries) return { ok: false, reason: 'tooManyEntries' };
  let total = 0;
  for (const entry of entries) {
    total += entry.originalSize;
    if (total > archiveBounds.uncompressedBytes) return { ok: false, reason: 'tooLarge', entry: entry.name };
    if (entry.originalSize > archiveBounds.ratioFrom && entry.originalSize > archiveBounds.ratio * Math.max(entry.size, 1)) return { ok: false, reason: 'ratio', entry: entry.name };
  }
  return null;
}

/** `A1:F120` from `<dimension ref="A1:F120"/>` at the start of a worksheet, or null when it states none. */
function statedDimension(prefix: string): string | null {
  return /<(?:\w+:)?dimension\s+ref="([A-Z]{1,3}\d{1,7}(?::[A-Z]{1,3}\d{1,7})?)"/.exec(prefix)?.[1] ?? null;
}

const columnNumber = (letters: string) => [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);

/**
 * Counts a worksheet's cells and finds the farthest row and column its references name, chunk by
 * chunk as it inflates; a tag cut by a chunk's end is carried over to the next.
 */
function sheetScanner() {
  let carry = '';
  let cells = 0;
  let rows = 0;
  let columns = 0;
  return (chunk: string): { rows: number; columns: number } | null => {
    const text = carry + chunk;
    const cut = text.lastIndexOf('<');
    const complete = cut > 0 ? text.slice(0, cut) : '';
    carry = (cut >= 0 ? text.slice(cut) : '').slice(0, 256);
    cells += complete.match(/<(?:\w+:)?c[\s/>]/g)?.length ?? 0;
    for (const [, letters, row] of complete.matchAll(/<(?:\w+:)?c\s[^>]*?\br="([A-Z]{1,3})(\d{1,7})"/g)) {
      columns = Math.max(columns, columnNumber(letters!));
      rows = Math.max(rows, Number(row));
    }
    for (const [, row] of complete.matchAll(/<(?:\w+:)?row\s[^>]*?\br="(\d{1,7})"/g)) rows = Math.max(rows, Number(row));
    return columns > gridBounds.columns || rows > gridBounds.rows || cells > gridBounds.cells ? { rows, columns: Math.max(columns, 1) } : null;
  };
}

/** Inflates every entry, counting, and stops at the first that gives more than its directory entry says. */
function inflatedProblem(bytes: Uint8Array, declared: ReadonlyMap<string, number>, dimensions: Map<string, string | null>, meter: InflationMeter): ArchiveVerdict | null {
  let verdict: ArchiveVerdict | null = null;
  let total = 0;
  const unzip = new Unzip((file) => {
    const allowed = declared.get(file.name) ?? 0;
    let inflated = 0;
    let prefix = '';
    const scan = worksheetPath.test(file.name) ? sheetScanner() : null;
    file.ondata = (error, chunk, final) => {
      if (verdict) return;
      if (error) {
        verdict = { ok: false, reason: 'unreadable' };
        return;
      }
      inflated += chunk.byteLength;
      total += chunk.byteLength;
      meter.inflatedBytes += chunk.byteLength;
      if (inflated > allowed || total > archiveBounds.uncompressedBytes) {
        verdict = { ok: false, reason: 'tooLarge', entry: file.name };
        file.terminate();
        return;
      }
      if (!scan) return;
      const chunkText = Buffer.from(chunk).toString('latin1');
      if (prefix.length < dimensionPrefixBytes) prefix += chunkText.slice(0, dimensionPrefixBytes);
      const tooBig = scan(chunkText);
      if (tooBig) {
        verdict = { ok: false, reason: 'tableTooBig', ...tooBig };
        file.terminate();
        return;
      }
      if (final) dimensions.set(file.name, statedDimension(prefix));
    };
    if (file.compression !== 0 && file.compression !== 8) verdict = { ok: false, reason: 'unreadable' };
    else file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let offset = 0; offset < bytes.byteLength && !verdict; offset += chunkBytes) {
      unzip.push(bytes.subarray(offset, offset + chunkBytes), offset + chunkBytes >= bytes.byteLength);
    }
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  return verdict;
}

export function inspectXlsxArchive(bytes: Uint8Array, meter: InflationMeter = { inflatedBytes: 0 }): ArchiveVerdict {
  const entries = centralDirectory(bytes);
  if (!entries || entries.length === 0) return { ok: false, reason: 'unreadable' };
  const declared = declaredProblem(entries);
  if (declared) return declared;
  const dimensions = new Map<string, string | null>();
  const inflated = inflatedProblem(bytes, new Map(entries.map((e) => [e.name, e.originalSize])), dimensions, meter);
  return inflated ?? { ok: true, dimensions };
}
