// What counts as English or code in Chinese text: the one allowlist shared by the catalogue test
// (tests/unit/zh-catalogue-language.test.ts) and the e2e language crawl, so a word allowed on a
// page is allowed in messages/zh.json and the other way round.

/**
 * Words a Chinese reader may see, each for a reason:
 * - units: CNY, mg, km, kWh, MB;
 * - the paper's notation (Dong et al. 2011, cited by its author's name as published): C_f … A_PES,
 *   ED/PD/AD, IO/AO, NPV, GDP with its subscripts GDP_0 and GDP_n;
 * - format and standard names: CSV, PDF, JSON, xlsx/XLSX, Excel, Word, docx, PNG, JPEG, WebP,
 *   UTF (UTF-8, the encoding Excel names "CSV UTF-8"), SHA (SHA-256 digests), UTC;
 * - "English", the language switcher naming the other language in its own script.
 */
export const allowedWords: ReadonlySet<string> = new Set([
  'CNY',
  'mg',
  'km',
  'kWh',
  'MB',
  'C_f',
  'C_s',
  'C_m',
  'C_n',
  'C_q',
  'C_p',
  'C_np',
  'C_w',
  'C_sa',
  'C_IO',
  'C_AO',
  'A_PES',
  'ED',
  'PD',
  'AD',
  'IO',
  'AO',
  'NPV',
  'GDP',
  'GDP_0',
  'GDP_n',
  'Dong',
  'CSV',
  'PDF',
  'JSON',
  'xlsx',
  'XLSX',
  'Excel',
  'Word',
  'docx',
  'PNG',
  'JPEG',
  'WebP',
  'UTF',
  'SHA',
  'UTC',
  'English',
]);

// The paper's notation: a letter with a subscript (C_f, I_N, i_s, a_t).
const notation = /^[A-Za-z]_[A-Za-z0-9]+$/;

/**
 * Removed before looking for words: format names with their version, e-mail addresses, hash
 * digests, ids, and code the reader types, marked as code in plain text with backticks
 * (`payment`, `application/json`; decision 0081).
 */
const allowedPatterns = [
  /`[^`\n]*`/g,
  /(?:pes-scenario|pes-result|payment-terms)\/\d+/g,
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
  /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g,
  /\b[0-9a-f]{8,64}\b/g,
];

const word = /[A-Za-z][A-Za-z0-9_]*(?:[.[][A-Za-z0-9_\]]+)*/g;

// innerText joins adjacent inline elements ("xlsxJSON" from two buttons): a word made of allowed words is allowed.
const allowedRun = new RegExp(`^(?:${[...allowedWords].sort((a, b) => b.length - a.length).join('|')})+$`);

function isAllowedWord(w: string): boolean {
  return w.replace(/[^A-Za-z]/g, '').length < 2 || allowedWords.has(w) || notation.test(w) || allowedRun.test(w);
}

/** The English words and code in `text` that a Chinese reader should not see, each once. */
export function findEnglish(text: string): string[] {
  let rest = text;
  for (const pattern of allowedPatterns) rest = rest.replace(pattern, ' ');
  return [...new Set((rest.match(word) ?? []).filter((w) => !isAllowedWord(w)))];
}
