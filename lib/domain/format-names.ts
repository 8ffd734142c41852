// The names of formats, standards and media types a reader sees as they are (JSON, PDF, SHA-256,
// multipart/form-data…): values of the catalogue's messages, never its text (decision 0106), so
// messages/zh.json holds Chinese only and a name is written once, here. Pages pass them to t()
// (`t('exportJson', formatNames)`); the server's translators (lib/domain/text-catalogue.ts, the
// exports' and the PDFs') give them to every message. The format ids equal the engines' constants
// (SCENARIO_FORMAT, RESULT_FORMAT, TERMS_FORMAT; format-names.test.ts), kept here as text so a page
// showing them loads no engine.

export const formatNames = {
  json: 'JSON',
  csv: 'CSV',
  csvUtf8: 'CSV UTF-8',
  utf8: 'UTF-8',
  pdf: 'PDF',
  excel: 'Excel',
  xlsx: 'xlsx',
  word: 'Word',
  docx: 'docx',
  png: 'PNG',
  jpeg: 'JPEG',
  webp: 'WebP',
  sha256: 'SHA-256',
  scenarioFormat: 'pes-scenario/1',
  resultFormat: 'pes-result/1',
  termsFormat: 'payment-terms/1',
} as const;

/** The media types the API reads (lib/server/http/same-origin.ts) and the header a script names its page's origin in. */
export const mediaTypes = {
  jsonType: 'application/json',
  multipartType: 'multipart/form-data',
  originHeader: 'Origin',
} as const;
