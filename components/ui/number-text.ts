// What a person typed or pasted into a number box, read as a decimal. Pure (no DOM) so that
// tests/unit/number-text.test.ts can try it. A text that is not a number stays what it was and is
// flagged: "12abc" is never 12.

export type NumberText =
  { kind: 'empty' } | { kind: 'number'; /** Canonical: ASCII digits, no grouping, no leading or trailing zeros ("-1234.5"). */ value: string } | { kind: 'invalid'; text: string };

// Full-width digits and signs (a Chinese input method in full-width mode), the full-width and the
// ideographic full stop and commas. U+3001 "、" is a list separator, never part of a number.
const fullWidth: Record<string, string> = { '．': '.', '，': ',', '－': '-', '−': '-', '＋': '+', '﹣': '-' };

/** Full-width characters → ASCII, every kind of space → " ", trimmed. */
export function normaliseNumberText(raw: string): string {
  return raw
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[．，－−＋﹣]/g, (c) => fullWidth[c]!)
    .replace(/[\s\u00a0\u2009\u202f\u3000]+/g, ' ')
    .trim();
}

// An integer part is plain digits or digits grouped by threes with one kind of separator
// (comma or space); "1,23" or "1.234,5" are not read (which digit was meant is a guess).
const shape = /^([+-]?) ?(\d+|\d{1,3}([, ])\d{3}(?:\3\d{3})*|)(?:\.(\d*))?$/;

export function parseNumberText(raw: string): NumberText {
  const text = normaliseNumberText(raw);
  if (text === '') return { kind: 'empty' };
  const match = shape.exec(text);
  if (!match) return { kind: 'invalid', text: raw };
  const [, sign, integerPart = '', , fraction] = match;
  if (integerPart === '' && !fraction) return { kind: 'invalid', text: raw };
  const integer = integerPart.replace(/[, ]/g, '').replace(/^0+(?=\d)/, '') || '0';
  const decimals = (fraction ?? '').replace(/0+$/, '');
  const magnitude = decimals ? `${integer}.${decimals}` : integer;
  const isZero = /^0(\.0*)?$/.test(magnitude);
  return { kind: 'number', value: sign === '-' && !isZero ? `-${magnitude}` : magnitude };
}

/** What a number box hands its form: the canonical decimal, "" for nothing, the text itself when it is not a number. */
export function numberValueOf(raw: string): string {
  const parsed = parseNumberText(raw);
  return parsed.kind === 'number' ? parsed.value : parsed.kind === 'empty' ? '' : raw;
}
