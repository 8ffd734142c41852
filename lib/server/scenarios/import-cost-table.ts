import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import { ValidationError } from '@/lib/domain/errors';
import { fromCsv, fromXlsx } from '@/lib/interchange/cost-table';
import { gridBounds } from '@/lib/interchange/grid-bounds';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { requireDealAccess } from '@/lib/server/authz/require-deal-access';
import { inEnglish, text } from '@/lib/domain/local-text';

export const maxCostTableBytes = 5 * 1024 * 1024;

const zipSignature = [0x50, 0x4b, 0x03, 0x04];

/**
 * Reads a cost table (.xlsx or CSV, docs/cost-table-format.md) into the editor's base document.
 * Nothing is stored: the answer is a draft the member reviews and saves as a version. A table
 * that breaks any rule is refused whole, every problem with its row and column.
 */
export async function importCostTable({ actor, origin, dealId, fileName, bytes, base }: { actor: Actor; origin: RequestOrigin; dealId: string; fileName: string; bytes: Uint8Array; base: unknown }) {
  await requireDealAccess({ actor, dealId, right: 'edit', origin });
  if (bytes.byteLength === 0) throw new ValidationError(text('fileEmpty'), 'file');
  if (bytes.byteLength > maxCostTableBytes) throw new ValidationError(text('fileTooLarge', { mb: maxCostTableBytes / 1024 / 1024 }), 'file');
  const isZip = zipSignature.every((byte, i) => bytes[i] === byte);
  let outcome;
  if (isZip) outcome = await fromXlsx(bytes, base);
  else if (/\.csv$/i.test(fileName) || !/\.xlsx$/i.test(fileName)) {
    let csv: string;
    try {
      csv = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new ValidationError(text('costTableNotUtf8'), 'file');
    }
    outcome = fromCsv(csv, base);
  } else throw new ValidationError(text('costTableNotXlsx'), 'file');
  if (outcome.ok) return { document: outcome.document };
  // Every problem is at a cell (or in the file): "row 3, column D", in the reader's language too.
  const problems = outcome.problems.map((p) => {
    const at = p.row ? text('at.cell', { row: p.row, column: p.column }) : undefined;
    return { field: at ? inEnglish(at) : 'file', message: p.message, ...(p.text ? { text: p.text } : {}), ...(at ? { at } : {}) };
  });
  throw ValidationError.listing(problems, (lines) => text('costTableProblems', { count: problems.length, problems: lines }), problems[0]?.field, gridBounds.listedProblems);
}
