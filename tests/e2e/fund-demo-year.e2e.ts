// The fund's first sign-in on the demo data (issue 15, item 10), in Chinese: the Miyun agreement's
// past years are there (both labs' results, the 2022 phosphorus dispute resolved, 2021–2024
// settled and paid), and the fund settles 2025 from its portfolio the way an accountant would:
// runs and confirms the year, files the statement (the PDF turned into PNG pages), records the
// balance, and the portfolio shows the year paid.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../lib/seed/demo-accounts';
import { miyunAgreementTexts } from '../../lib/seed/demo-texts';
import { baseUrl, chooseLanguage, launch, openAs, screenshot, screenshotDir } from './browser';

let browser: Browser;
let page: Page;

// 2025 as both labs reported it (scripts/seed-demo-agreement.ts), each indicator the mean of the
// two: CODMn 2.85, NH3-N 0.255 and TP 0.046 beat their targets (score 1), the volume 93.75 scores
// (93.75 − 80) / 15 = 0.91667. Score 0.3 + 0.3 + 0.2 + 0.2 × 0.91667 = 0.98333; due 30 000 万元 ×
// 0.5 × 0.98333 = 14 750 万元; the advance paid was 9 000 万元, so 5 750 万元 is the balance.
const due = '147,500,000.00';
const balance = '57,500,000.00';
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

beforeAll(async () => {
  browser = await launch();
  // Signed in, the fund lands on the deals list: the page a person starts from.
  page = await openAs(browser, 'fund@pes.demo', demoPassword, 'zh', '/deals', { width: 1366, height: 1000 });
});

afterAll(async () => {
  await browser?.close();
});

let agreementId = '';
/** The Miyun agreement's row: found by its deal's Chinese name first, then by its id in either language. */
const miyunRow = () => (agreementId ? page.locator(`[data-testid="portfolio-row"][data-agreement-id="${agreementId}"]`) : page.getByTestId('portfolio-row').filter({ hasText: '密云' }));

describe('a fund year from the demo data, in Chinese', () => {
  it('finds the signed Miyun agreement on the portfolio, with its past years outstanding nothing', async () => {
    await page.getByTestId('nav-fund').click();
    await page.waitForURL(/\/fund$/);
    await miyunRow().waitFor();
    expect(await page.getByTestId('dashboard-empty').count()).toBe(0);
    await chartsDrawn();
    await screenshot(page, 'fund-demo-portfolio-zh');
    agreementId = (await miyunRow().getAttribute('data-agreement-id'))!;
    await miyunRow().getByRole('link').first().click();
    await page.waitForURL(new RegExp(`/agreements/${agreementId}/ledger$`));
  });

  it('shows both labs’ results for the past years and the resolved 2022 dispute', async () => {
    await page.getByTestId('tab-monitoring').click();
    await page.waitForURL(/\/monitoring$/);
    await page.getByTestId('monitoring-year-2025').waitFor();
    await expect(page.getByTestId('cell-2022-tp').getAttribute('data-state')).resolves.toBe('resolved');
    for (const year of [2021, 2023, 2024, 2025]) {
      expect(await page.getByTestId(`cell-${year}-tp`).getAttribute('data-state'), `${year}`).not.toMatch(/missing|incomplete|disputed|single/);
    }
    const text = (await page.locator('main').textContent())!;
    expect(text).toContain(miyunAgreementTexts.upstreamLab);
    expect(text).toContain(miyunAgreementTexts.downstreamLab);
    // Charts are drawn once they are scrolled into view.
    for (const indicator of ['codmn', 'nh3n', 'tp', 'volume']) {
      await page.getByTestId(`monitoring-chart-${indicator}`).scrollIntoViewIfNeeded();
      await page.getByTestId(`echart-indicator-${indicator}`).locator('svg').waitFor();
    }
    await screenshot(page, 'fund-demo-monitoring-zh');
  });

  it('lists 2021–2024 confirmed and 2025 ready, then settles 2025: runs it, confirms it, files the statement', async () => {
    await page.getByTestId('tab-settlements').click();
    await page.waitForURL(/\/settlements$/);
    for (const year of [2021, 2022, 2023, 2024]) await expect(page.getByTestId(`settlement-year-${year}`).getAttribute('data-state'), `${year}`).resolves.toBe('CONFIRMED');
    await expect(page.getByTestId('settlement-year-2025').getAttribute('data-state')).resolves.toBe('READY');
    await screenshot(page, 'fund-demo-settlements-zh');

    await page.getByTestId('run-2025').click();
    await page.locator('[data-testid="settlement-year-2025"][data-state="DRAFT"]').waitFor();
    await expect(page.getByTestId('due-2025').textContent()).resolves.toBe(`${due} 元`);
    await expect(page.getByTestId('advances-2025').textContent()).resolves.toContain('90,000,000.00 元');
    await page.getByTestId('confirm-check-2025').check();
    await page.getByTestId('confirm-2025').click();
    await page.locator('[data-testid="settlement-year-2025"][data-state="CONFIRMED"]').waitFor();
    await expect(page.getByTestId('balance-2025').textContent()).resolves.toMatch(new RegExp(`^${balance} 元（.+）$`));
    await expect(page.getByTestId('transfers-2025').textContent()).resolves.toMatch(new RegExp(`北京市水务局.*向 .*承德市人民政府.* 支付 ${balance} 元`));
    await screenshot(page, 'fund-demo-settlement-confirmed-zh');

    const href = await page.getByTestId('statement-2025').getAttribute('href');
    const statement = await page.request.get(`${baseUrl()}${href}`);
    expect(statement.status()).toBe(200);
    const bytes = await statement.body();
    const pages = keepStatement(bytes);
    expect(pages.length).toBeGreaterThan(0);
    const text = execFileSync('pdftotext', ['-layout', path.join(screenshotDir, 'fund-demo-statement.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const expected of ['生态补偿结算单', '密云水库上游', miyunAgreementTexts.upstreamLab, `${due} CNY`, `${balance} CNY`, '90,000,000.00 CNY', '北京时间', '赵敏'])
      expect(text, expected).toContain(expected);

    await chooseLanguage(page, 'en');
    await page.locator('[data-testid="settlement-year-2025"][data-state="CONFIRMED"]').waitFor();
    await screenshot(page, 'fund-demo-settlement-confirmed-en');
    await chooseLanguage(page, 'zh');
  });

  it('records the balance and the portfolio shows the agreement with nothing outstanding for 2025', async () => {
    await page.getByTestId('tab-ledger').click();
    await page.waitForURL(/\/ledger$/);
    await page.getByTestId('payment-year').selectOption('2025');
    await page.getByTestId('payment-funder').selectOption('DOWNSTREAM');
    await page.getByTestId('payment-amount').fill(balance.replaceAll(',', ''));
    await page.getByTestId('payment-date').fill(today);
    await page.getByTestId('payment-reference').fill(`${miyunAgreementTexts.balanceReference} 2025`);
    await page.getByTestId('payment-submit').click();
    await page.getByTestId('payment-saved').waitFor();
    // The ledger is read again once the payment is stored.
    await page
      .getByTestId('payment-row')
      .filter({ hasText: `${miyunAgreementTexts.balanceReference} 2025` })
      .waitFor();
    await expect.poll(() => page.getByTestId('outstanding-2025-DOWNSTREAM').textContent()).toBe('0.00');
    await screenshot(page, 'fund-demo-ledger-zh');

    await page.getByTestId('nav-fund').click();
    await page.waitForURL(/\/fund$/);
    await expect(miyunRow().getByTestId('portfolio-status').textContent()).resolves.not.toMatch(/逾期|未结清/);
    await chooseLanguage(page, 'en');
    await miyunRow().waitFor();
    await chartsDrawn();
    await screenshot(page, 'fund-demo-portfolio-en');
    await chooseLanguage(page, 'zh');
  });
});

/** Every chart of the portfolio drawn: the demo's history fills each of them. */
async function chartsDrawn(): Promise<void> {
  const charts = page.locator('[data-testid^="chart-"]');
  await charts.first().waitFor();
  for (const chart of await charts.all()) await chart.locator('[data-testid^="echart-"] svg').waitFor();
}

/** The statement kept beside the screenshots and turned into PNG pages to be looked at (poppler-utils, which CI installs). */
function keepStatement(bytes: Buffer): string[] {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, 'fund-demo-statement.pdf');
  writeFileSync(file, bytes);
  execFileSync('pdftoppm', ['-r', '80', '-png', file, path.join(screenshotDir, 'fund-demo-statement')]);
  return readdirSync(screenshotDir).filter((name) => name.startsWith('fund-demo-statement') && name.endsWith('.png'));
}
