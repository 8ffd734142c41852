import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoPassword } from '../../lib/seed/demo-accounts';
import { openAs, screenshot, screenshotDir } from './browser';
import { signInOverHttp } from './http-session';
import { demoScenarioNames } from '../../lib/seed/demo-texts';
import { copyScenario, onDemoDeal } from './demo-deal';

let browser: Browser;
let dealId: string;
/** The seeded Beijing counter-proposal (latest version) and the upstream paper scenario (latest version). */
let counter: string;
let paper: string;
/** A downstream version of this file's own, with benefits below the lower bound in 2014–2020: a no-deal gap. */
let short: string;
let offerNumber: number;

onDemoDeal(async (demo) => {
  ({ browser, dealId } = demo);
  counter = await demo.latestVersion('DOWNSTREAM', demoScenarioNames.beijingCounter);
  paper = await demo.latestVersion('UPSTREAM', demoScenarioNames.shiyanPaper);

  const downstream = await signInOverHttp('beijing@pes.demo', demoPassword);
  ({ versionId: short } = await copyScenario<{ benefits: { label: string; values: Record<string, string> }[] }>(downstream, dealId, counter, {
    name: `Negotiation e2e ${Date.now()}`,
    message: 'Lower benefit estimate for 2014–2020 (e2e)',
    change: (document) => ({ ...document, benefits: document.benefits.map((b, i) => (i === 0 ? { ...b, values: { '2014-2020': '6000000', '2021-2030': '11400000', '2031-2050': '15600000' } } : b)) }),
  }));

  const upstream = await signInOverHttp('shiyan@pes.demo', demoPassword);
  const offer = await upstream.json<{ number: number }>(`/api/v1/deals/${dealId}/offers`, 'POST', {
    versionId: counter,
    schedule: [{ from: 2021, to: 2030, amount: '7000000' }],
    validUntil: new Date(Date.now() + 14 * 86_400_000).toISOString(),
  });
  expect(offer.status).toBe(201);
  offerNumber = offer.body.number;
});

function open(email: string, language: 'zh' | 'en', path: string): Promise<Page> {
  return openAs(browser, email, demoPassword, language, path, { width: 1440, height: 1000 });
}

/** The chart has drawn: an SVG with paths inside the chart's host. */
async function chartDrawn(page: Page, testId: string) {
  await page.locator(`[data-testid=${testId}] svg`).waitFor();
  await page.locator(`[data-testid=${testId}] svg path`).first().waitFor({ state: 'attached' });
  return page.locator(`[data-testid=${testId}] svg path`).count();
}

/** The tornado table's row of the interest rate. */
const rateRow = (page: Page) => page.getByTestId('tornado-table').locator('tbody tr', { has: page.getByTestId('factor-rate') });

/** "i_s 4.00 % → 3.60 %" → [4, 3.6], from the text of the tornado table's rate row. */
async function rateMove(page: Page): Promise<number[]> {
  const text = (await rateRow(page).textContent()) ?? '';
  return [...text.matchAll(/i_s ([\d.]+) % → ([\d.]+) %/g)].flatMap((m) => [Number(m[1]), Number(m[2])]);
}

describe('bargaining zone in Chromium', () => {
  for (const language of ['zh', 'en'] as const) {
    it(`shows the downstream reviewer the zone, the gap, the offers and the Nash slider (${language})`, async () => {
      const page = await open('beijing@pes.demo', language, `/deals/${dealId}/negotiation?versions=${counter},${short},${paper}`);
      expect(await chartDrawn(page, 'zone-chart')).toBeGreaterThan(10);
      // The chart's bands: a zone (version colour) and a gap (red) are filled areas in the SVG.
      await expect(page.locator('[data-testid=zone-chart] svg path[fill="#dc2626"]').count()).resolves.toBeGreaterThan(0);

      // Per-period bounds of the counter-proposal, in the reader's 万元 (P3: lower 4 738 884.4, upper 11 880 000 thousand CNY).
      const table = page.getByTestId('zone-table');
      await expect(table.textContent()).resolves.toMatch(/P3 2021–2030/);
      const p3 = table.locator('tr', { hasText: 'P3 2021–2030' }).first();
      await expect(p3.textContent()).resolves.toMatch(/473,888\.44.*1,188,000\.00/);
      await expect(page.getByTestId('zone-units').textContent()).resolves.toMatch(language === 'zh' ? /万元.*2000 年不变价/ : /ten thousand yuan.*2000 年不变价/);
      // The gap version shows its no-deal gap in 2014–2020 (P2 has years without an upper bound, so per year).
      await page.getByTestId('by-year').click();
      await expect(table.locator('tr.bg-red-50').count()).resolves.toBe(7);
      await page.getByTestId('by-period').click();

      // The offer on the counter-proposal, with its distance from both bounds.
      const offers = page.getByTestId('offers-table');
      await expect(offers.textContent()).resolves.toContain(`#${offerNumber}`);

      // The Nash slider: 0.5 → 1 moves the suggestion from the middle of the zone to the upper bound.
      const suggested = page.getByTestId('suggested-0-2021-2030');
      await expect(suggested.textContent()).resolves.toBe('830,944.22');
      await page.getByTestId('weight-slider').focus();
      await page.keyboard.press('End');
      await expect(page.getByTestId('weight-value').textContent()).resolves.toBe('1.00');
      await expect(suggested.textContent()).resolves.toBe('1,188,000.00');
      await page.keyboard.press('ArrowLeft');
      await expect(suggested.textContent()).resolves.not.toBe('1,188,000.00');
      // Back to the scenario's weight for the picture.
      await page.keyboard.press('Home');
      for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
      await expect(page.getByTestId('weight-value').textContent()).resolves.toBe('0.50');

      // The fairness panel starts on a version with stated benefits and shows three parties.
      const fairness = page.getByTestId('fairness-panel');
      await expect(fairness.locator('[data-testid^=fairness-upstream-cost-]').count()).resolves.toBe(6);
      await expect(page.getByTestId('fairness-downstream-benefit-2').textContent()).resolves.toMatch(/%/);
      await screenshot(page, `negotiation-zone-${language}`);
      await page.getByTestId('zone-chart').screenshot({ path: path.join(screenshotDir, `negotiation-chart-${language}.png`) });
      await page.context().close();
    });
  }

  it('opens on the latest version of each scenario, and the picker changes the URL', async () => {
    const page = await open('beijing@pes.demo', 'en', `/deals/${dealId}/negotiation?view=versions`);
    await chartDrawn(page, 'zone-chart');
    await expect(page.getByTestId('zone-table-version').count()).resolves.toBeGreaterThanOrEqual(2);
    await expect(page.getByTestId('zone-table-version').count()).resolves.toBeLessThanOrEqual(4);
    await page.getByTestId('version-picker').locator('summary').click();
    for (const box of await page.locator('[data-testid=version-picker] input[type=checkbox]').all()) await box.uncheck();
    await page.getByTestId(`pick-${counter}`).check();
    await page.getByTestId('picker-show').click();
    await page.waitForURL(new RegExp(`versions=${counter}`));
    await expect(page.getByTestId('zone-table-version').count()).resolves.toBe(1);
    await page.context().close();
  });
});

describe('sensitivity in Chromium', () => {
  for (const language of ['zh', 'en'] as const) {
    it(`shows the tornado and the α × rate two-way table (${language})`, async () => {
      const page = await open('beijing@pes.demo', language, `/deals/${dealId}/versions/${paper}/sensitivity`);
      expect(await chartDrawn(page, 'tornado-chart')).toBeGreaterThan(5);
      const tornado = page.getByTestId('tornado-table');
      // Five α groups, the rate, five cost groups, and whatever of the upper-bound side the version states.
      await expect(tornado.locator('tbody tr').count()).resolves.toBeGreaterThanOrEqual(11);
      for (const id of ['alpha:ED', 'rate', 'cost:AO']) await page.getByTestId(`factor-${id}`).waitFor();
      // The rate does not move the yearly lower bound …
      // The version's own rate ± 10 % (the paper scenario's latest version may have any rate).
      const [rate, low, , high] = await rateMove(page);
      expect(low).toBeCloseTo(rate! * 0.9, 6);
      expect(high).toBeCloseTo(rate! * 1.1, 6);
      const grid = page.getByTestId('two-way-table');
      await expect(page.getByTestId('two-way-rows').inputValue()).resolves.toBe('alpha');
      await expect(page.getByTestId('two-way-cols').inputValue()).resolves.toBe('rate');
      await expect(grid.locator('tbody tr').count()).resolves.toBe(5);
      await expect(grid.locator('thead th').count()).resolves.toBe(6);
      await page.getByTestId('two-way-base').waitFor();
      await screenshot(page, `sensitivity-${language}`);
      // … it moves the payment (back-pay annuity).
      await page.getByTestId('measure-select').selectOption('payment');
      await expect(rateRow(page).locator('td').nth(2).textContent()).resolves.toMatch(/^−/);
      await page.getByTestId('scope-select').selectOption('2');
      await expect(rateRow(page).locator('td').nth(2).textContent()).resolves.toBe('0.00');
      await page.context().close();
    });
  }

  it('recomputes at another percentage from the form', async () => {
    const page = await open('beijing@pes.demo', 'en', `/deals/${dealId}/versions/${paper}/sensitivity`);
    await page.getByTestId('percent-input').fill('20');
    await page.getByTestId('percent-apply').click();
    await page.waitForURL(/percent=20/);
    await expect(page.locator('#tornado-title').textContent()).resolves.toMatch(/±20[.,]?0? %/);
    const [rate, low] = await rateMove(page);
    expect(low).toBeCloseTo(rate! * 0.8, 6);
    await page.context().close();
  });
});
