/** One line of an audit event's change: a field and its value before and after (either may be absent). */
export interface SummaryLine {
  field: string;
  before?: string;
  after?: string;
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * Turns an event's `{ before, after }` summary into readable lines, one per field that appears in
 * either; other summaries (a sign-in's reason, a refusal's right) become one line per key.
 */
export function summaryLines(summary: unknown): SummaryLine[] {
  if (summary === null || typeof summary !== 'object' || Array.isArray(summary)) return summary === null || summary === undefined ? [] : [{ field: '', after: show(summary) }];
  const { before, after, ...rest } = summary as Record<string, unknown>;
  const asRecord = (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined);
  const [b, a] = [asRecord(before), asRecord(after)];
  const lines: SummaryLine[] = [];
  for (const field of [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])]) {
    const line: SummaryLine = { field };
    if (b && field in b) line.before = show(b[field]);
    if (a && field in a) line.after = show(a[field]);
    if (line.before !== line.after) lines.push(line);
  }
  for (const [field, value] of Object.entries(rest)) lines.push({ field, after: show(value) });
  return lines;
}
