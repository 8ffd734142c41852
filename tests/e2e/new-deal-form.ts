// The new-deal form as the e2e files fill it: a deal on the Han River, 2011–2020, in 万元 at 2010 prices.
import type { Page } from 'playwright-core';

/** Fills the deal's names, watershed, address, price base, years and unit on /deals/new. */
export async function fillDealBasics(page: Page, deal: { nameZh: string; name: string; watershedZh: string; watershed: string; slug: string }): Promise<void> {
  const fields: [string, string][] = [
    ['deal-nameZh', deal.nameZh],
    ['deal-name', deal.name],
    ['deal-watershedZh', deal.watershedZh],
    ['deal-watershed', deal.watershed],
    ['deal-slug', deal.slug],
    ['deal-priceBase', '2010 年不变价'],
    ['deal-startYear', '2011'],
    ['deal-endYear', '2020'],
  ];
  for (const [testId, value] of fields) await page.getByTestId(testId).fill(value);
  await page.getByTestId('deal-unit').selectOption('10000');
}
