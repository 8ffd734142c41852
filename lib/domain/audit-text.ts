// An audit event's sentence and values as text, given a translator of the catalogue (messages/*.json):
// the page's (next-intl) or, for the agreement PDF, one made for each of its two languages.
import type { AuditDescription, AuditValue } from './audit-summary';
import { formatAmount, type ReaderUnit } from './format';
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
  if (value.kind === 'amount') return formatAmount(value.yuan, lang, { scale: unit });
  if (value.term === 'yesNo') return t(value.value === 'true' ? 'audit.yes' : 'audit.no');
  const key = `${termKeys[value.term]}.${value.value}`;
  return t.has(key) ? t(key) : value.value;
}

/** "李伟 保存了情景《…》第 4 版" / "Li Wei saved version 4 of scenario “…”". */
export function auditSentenceText(description: AuditDescription, t: Translate, lang: AppLocale, unit: ReaderUnit): string {
  const values = Object.fromEntries(Object.entries(description.values).map(([name, value]) => [name, typeof value === 'object' ? auditValueText(value, t, lang, unit) : value]));
  return t(`audit.event.${description.sentence}`, values);
}
