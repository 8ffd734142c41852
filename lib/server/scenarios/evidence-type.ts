import 'server-only';
import { fileTypeFromBuffer } from 'file-type';

// What evidence may be: documents, spreadsheets, images (scenario evidence and re-test evidence).
// The type is read from the bytes, never trusted from the browser; CSV has no signature, so it must
// be UTF-8 text without NUL bytes that no browser would take for a page.
export const evidenceTypes: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'image/webp': 'WebP image',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel workbook (.xlsx)',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document (.docx)',
};

// The WHATWG MIME sniffing patterns for HTML (and XML, which can carry script), at the start of the
// text after whitespace; and the tags older browsers sniffed anywhere in the first kilobyte.
const sniffedAsHtml = /^[\s\uFEFF]*<(?:!doctype html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|!--|\?xml|svg)[\s>/]/i;
const markupInside = /<(?:script|html|iframe|body|svg|object|embed)[\s>/]/i;

function looksLikeHtml(text: string): boolean {
  return sniffedAsHtml.test(text) || markupInside.test(text.slice(0, 1024));
}

/** The evidence's content type, read from its bytes, or null when it is not a kind of evidence. */
export async function evidenceType(bytes: Uint8Array, fileName: string): Promise<string | null> {
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) return evidenceTypes[detected.mime] ? detected.mime : null;
  if (!/\.csv$/i.test(fileName) || bytes.includes(0)) return null;
  let csv: string;
  try {
    csv = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  return looksLikeHtml(csv) ? null : 'text/csv';
}
