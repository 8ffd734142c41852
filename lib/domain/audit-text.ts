// An audit event's sentence and values as text, given a translator of the catalogue (messages/*.json):
// the page's (next-intl) or, for the agreement PDF, one made for each of its two languages.
import type { AuditDescription, AuditValue } from './audit-summary';
import { formatAmount, type ReaderUnit } from './format';
import { formatRange } from '@/lib/engine/years';
import type { AppLocale } from './locale';

export interface Translate {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

// Where each term of an event's values is named in the catalogue.
const termKeys: Record<Extract<AuditValue, { kind: 'term' }>['term'], string> = {
  status: 'status',
  offerStatus: 'offerStatus',
  agreementStatus: 'agreements.state',
  side: 'side',
  yesNo: 'audit',
  method: 'fund.monitoring.resolve.method',
  funder: 'fund.funder',
  direction: 'fund.settlements.direction',
  // An indicator by its name where the catalogue has one (codmn is 高锰酸盐指数), else its code.
  indicator: 'indicator',
};

export function auditValueText(value: AuditValue, t: Translate, lang: AppLocale, unit: ReaderUnit): string {
  if (value.kind === 'text') return value.text;
  if (value.kind === 'clause') return t(`audit.clause.${value.clause}`, textValues(value.values, t, lang, unit));
  if (value.kind === 'amount') return formatAmount(value.yuan, lang, { scale: unit });
  if (value.kind === 'years')
    return yearRuns(value.years)
      .map(formatRange)
      .join(lang === 'zh' ? '、' : ', ');
  if (value.term === 'yesNo') return t(value.value === 'true' ? 'audit.yes' : 'audit.no');
  const key = `${termKeys[value.term]}.${value.value}`;
  return t.has(key) ? t(key) : value.value;
}

/** Years as runs of consecutive ones: 2003, 2004, 2005, 2008 → 2003–2005, 2008. */
function yearRuns(years: readonly number[]): { from: number; to: number }[] {
  const runs: { from: number; to: number }[] = [];
  for (const year of [...years].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && year === last.to + 1) last.to = year;
    else if (!last || year > last.to) runs.push({ from: year, to: year });
  }
  return runs;
}

/** "李伟 保存了情景《…》第 4 版" / "Li Wei saved version 4 of scenario “…”". */
export function auditSentenceText(description: AuditDescription, t: Translate, lang: AppLocale, unit: ReaderUnit): string {
  return t(`audit.event.${description.sentence}`, textValues(description.values, t, lang, unit));
}

function textValues(values: Record<string, string | number | AuditValue>, t: Translate, lang: AppLocale, unit: ReaderUnit): Record<string, string | number> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, typeof value === 'object' ? auditValueText(value, t, lang, unit) : value]));
}
