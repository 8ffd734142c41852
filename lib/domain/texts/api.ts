import type { TextEntry } from '../text-catalogue';

/** The API's own messages, errors every use case may raise, files and uploads. */
export const apiTexts = {
  // --- The API and its errors ---------------------------------------------------------------
  problemLine: { en: '{field}: {message}', zh: '{field}：{message}' },
  lines: { en: '{lines}', zh: '{lines}' },
  sessionEnded: { en: 'Your session has ended; sign in again.', zh: '您的会话已结束，请重新登录。' },
  signInFirst: { en: 'Sign in first: this API needs a session.', zh: '请先登录：此接口需要登录会话。' },
  bodyTooLarge: { en: 'The body is larger than {size}.', zh: '请求内容超过 {size}。' },
  bodyNotJson: { en: 'The body is not valid JSON.', zh: '请求内容不是有效的 JSON。' },
  invalidInput: { en: '{what}: {problems}', zh: '{what}：{problems}' },
  textHasNul: { en: 'must not contain the NUL character (U+0000)', zh: '不得包含 NUL 字符（U+0000）' },
  textHasLoneSurrogate: { en: 'is not valid Unicode text (it contains a lone surrogate)', zh: '不是有效的 Unicode 文本（含有孤立的代理码元）' },
  fieldNameUnstorable: { en: 'a field name {problem}', zh: '字段名{problem}' },
  databaseUnavailable: {
    en: 'The database cannot be reached at the moment. Try again in a few seconds; if you were saving a change, reload first to see whether it was stored.',
    zh: '暂时无法连接数据库。请几秒后重试；如您正在保存更改，请先刷新页面，确认是否已经保存。',
  },
  internalError: {
    en: 'The server could not complete this request. Nothing was changed; try again, and tell your administrator if it keeps failing.',
    zh: '服务器未能完成此请求，未做任何更改。请重试；如反复失败，请告知管理员。',
  },
  notFound: { en: 'No {thing} with that id is visible to you.', zh: '找不到该编号的{thing}，或您无权查看。' },
  'thing.deal': { en: 'deal', zh: '协商项目' },
  'thing.agreement': { en: 'agreement', zh: '协议' },
  'thing.evidenceFile': { en: 'evidence file', zh: '证明材料文件' },
  'thing.member': { en: 'member', zh: '成员' },
  'thing.offer': { en: 'offer', zh: '报价' },
  'thing.scenarioVersion': { en: 'scenario version', zh: '情景版本' },
  'thing.scenario': { en: 'scenario', zh: '情景' },
  'thing.settlement': { en: 'settlement', zh: '结算' },
  'thing.user': { en: 'user', zh: '用户' },
  forbidden: { en: 'You are a member of this deal but lack the "{right}" right.', zh: '您是该项目的成员，但没有“{right}”权限。' },
  none: { en: 'none', zh: '无' },
  // The sides, as words inside a message ("only the upstream side can …").
  'side.UPSTREAM': { en: 'upstream', zh: '上游' },
  'side.DOWNSTREAM': { en: 'downstream', zh: '下游' },
  'side.FUND': { en: 'fund', zh: '基金' },
  'side.OBSERVER': { en: 'observer', zh: '观察' },

  // --- Files and uploads -------------------------------------------------------------------
  fileEmpty: { en: 'the file is empty', zh: '文件为空' },
  fileNameUnstorable: { en: 'the file name {problem}', zh: '文件名{problem}' },
  fileTooLarge: { en: 'the file is larger than {mb} MB', zh: '文件超过 {mb} MB' },
  tableTooLarge: { en: 'the file is larger than {mb} MB: split it by year', zh: '文件超过 {mb} MB：请按年度拆分' },
  sendTableAsMultipart: { en: 'send the table as multipart/form-data in a field named "file"', zh: '请以 multipart/form-data 格式、在名为“file”的字段中发送表格' },
  sendFileAsMultipart: { en: 'send the file as multipart/form-data in a field named "file"', zh: '请以 multipart/form-data 格式、在名为“file”的字段中发送文件' },
  notValidJson: { en: 'not valid JSON', zh: '不是有效的 JSON' },
  tableNotXlsxOrCsv: {
    en: 'the file is neither an .xlsx workbook nor UTF-8 CSV text: save it as "CSV UTF-8" or as an Excel workbook',
    zh: '文件既不是 .xlsx 工作簿，也不是 UTF-8 编码的 CSV 文本：请另存为“CSV UTF-8”或 Excel 工作簿',
  },
  monitoringWorkbookUnreadable: { en: 'not a readable .xlsx workbook (save it as Excel Workbook, or export CSV)', zh: '不是可读取的 .xlsx 工作簿（请另存为 Excel 工作簿，或导出为 CSV）' },
  workbookNoSheet: { en: 'the workbook has no "{sheet}" sheet', zh: '工作簿中没有“{sheet}”工作表' },
  workbookTooBig: {
    en: 'the workbook is refused unread: it unpacks to more than {mb} MB, has too many parts, or is compressed more than {ratio} to 1',
    zh: '工作簿未被读取即被拒绝：解压后超过 {mb} MB、组成部分过多，或压缩比超过 {ratio} 比 1',
  },
  tableTooBig: {
    en: 'the table is too large to read (it reaches row {rows}, column {columns}): at most {maxRows} rows, columns up to {maxColumns} and {maxCells} cells',
    zh: '表格过大，无法读取（达到第 {rows} 行、第 {columns} 列）：最多 {maxRows} 行、列不超过 {maxColumns}、共 {maxCells} 个单元格',
  },
  cellTooLong: { en: 'the cell has more than {max} characters', zh: '单元格超过 {max} 个字符' },
  andMore: { en: '… and {count} more', zh: '……另有 {count} 处' },
  csvUnreadable: { en: 'not readable as CSV: {detail}', zh: '无法按 CSV 读取：{detail}' },
  evidenceEmpty: { en: 'the evidence file is empty', zh: '证明材料文件为空' },
  evidenceTooLarge: { en: 'the evidence file is larger than {mb} MB', zh: '证明材料文件超过 {mb} MB' },
  evidenceType: {
    en: 'the evidence must be a PDF, Excel (.xlsx), Word (.docx), CSV or PNG/JPEG/WebP image, and its content must match',
    zh: '证明材料须为 PDF、Excel（.xlsx）、Word（.docx）、CSV 或 PNG/JPEG/WebP 图片，且文件内容须与其类型相符',
  },
} as const satisfies Record<string, TextEntry>;
