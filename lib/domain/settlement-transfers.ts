import { LD, type FunderNetting } from './ledger';

/**
 * Who pays whom once a year is settled, in words an accountant can file. A positive balance is
 * paid by the funder to the upstream party; a negative one by the upstream party to the funder,
 * and why matters: under a two-way rule upstream owes compensation although nothing was advanced,
 * while under a one-way rule a negative balance can only be an advance larger than what is due.
 */

export type TransferReason = 'balance' | 'compensation' | 'refund' | 'compensationAndRefund';

export interface Transfer {
  funder: FunderNetting['funder'];
  /** Who pays: the funder, or the upstream party. */
  payer: 'FUNDER' | 'UPSTREAM';
  /** Always positive, to the fen. */
  amount: string;
  reason: TransferReason;
}

export function transfersOf(funders: readonly FunderNetting[]): Transfer[] {
  return funders.flatMap((row): Transfer[] => {
    const balance = new LD(row.balance);
    if (balance.isZero()) return [];
    if (balance.isPositive()) return [{ funder: row.funder, payer: 'FUNDER', amount: balance.toFixed(2), reason: 'balance' }];
    const due = new LD(row.due);
    const advanced = new LD(row.advances).greaterThan(0);
    const reason: TransferReason = !due.isNegative() ? 'refund' : advanced ? 'compensationAndRefund' : 'compensation';
    return [{ funder: row.funder, payer: 'UPSTREAM', amount: balance.abs().toFixed(2), reason }];
  });
}

/**
 * The advance the terms call for, in whole currency to the fen: the formula named `advance`
 * (the score-based rule's) times the terms' unit, or null when the terms name none.
 */
export function termsAdvance(formulas: Readonly<Record<string, string>>, unit: number): string | null {
  const advance = formulas.advance;
  return advance === undefined ? null : new LD(advance).times(unit).toFixed(2);
}

/** The advances actually paid less the terms' advance; null when the terms call for none. */
export function advanceDifference(called: string | null, paid: string): string | null {
  return called === null ? null : new LD(paid).minus(called).toFixed(2);
}

/** The organisations of a side as the reader's language names them ("、" or ", " between), or null without any. */
export function organisationNames(organisations: readonly { name: string; nameZh: string }[], lang: 'zh' | 'en'): string | null {
  if (!organisations.length) return null;
  return organisations.map((o) => (lang === 'zh' ? o.nameZh || o.name : o.name || o.nameZh)).join(lang === 'zh' ? '、' : ', ');
}
