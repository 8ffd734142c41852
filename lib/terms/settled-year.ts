import type { SettledYear, SettlementYear } from './settle';

/** Whether a settlement's year was settled (paid), not missing data or failed. Apart from settle.ts so that a page showing a settlement does not load the terms engine. */
export function isSettled(year: SettlementYear): year is SettledYear {
  return 'payment' in year;
}
