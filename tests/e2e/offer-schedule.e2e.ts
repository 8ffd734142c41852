import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoPassword } from '../../lib/seed/demo-accounts';
import { demoScenarioNames } from '../../lib/seed/demo-texts';
import { openAs, screenshot } from './browser';
import { onDemoDeal } from './demo-deal';

// Offers on the model's schedule (decision 0052), in Chinese: the composer fills from the model,
// a price row shows price, m³ and amount, the receiver reads the terms on the card, a counter
// carries its message, and accepting confirms the whole schedule and leads to the agreement.

let browser: Browser;
let dealId: string;
const shots = process.env.OFFER_SHOTS_DIR;

onDemoDeal((demo) => {
  ({ browser, dealId } = demo);
  if (shots) mkdirSync(shots, { recursive: true });
});

const wide = { width: 1366, height: 1000 };
const open = (email: string, language: 'zh' | 'en'): Promise<Page> => openAs(browser, email, demoPassword, language, `/deals/${dealId}/offers`, wide);

/** Kept in test-results and, when asked, where the reviewer looks at them. */
async function shot(page: Page, name: string, element?: string) {
  await screenshot(page, name);
  if (shots) {
    const target = element ? page.locator(`[data-testid=${element}]:visible`).first() : page;
    await target.screenshot({ path: `${shots}/${name}.png` });
  }
}

/** Opens the composer on the upstream paper version, filled from its model schedule. */
async function compose(page: Page) {
  await page.getByTestId('new-offer').click();
  const version = page.getByTestId('offer-version');
  const paper = await version.locator('option', { hasText: demoScenarioNames.shiyanPaper }).first().getAttribute('value');
  await version.selectOption(paper!);
  await page.getByTestId('fill-model').click();
}

describe('offers on the model schedule in Chromium', () => {
  let offerNumber: string;

  it('fills an offer from the model schedule: nothing before 2014, no year below the lower bound, a price row in 元/m³ and m³', async () => {
    const page = await open('shiyan@pes.demo', 'zh');
    await compose(page);
    await expect(page.getByTestId('offer-from-0').inputValue()).resolves.toBe('2014');
    await expect(page.getByTestId('offer-to-0').inputValue()).resolves.toBe('2020');
    await expect(page.getByTestId('composer').getByTestId('flag-below').count()).resolves.toBe(0);
    await expect(page.getByTestId('composer').getByTestId('present-value').textContent()).resolves.toMatch(/i_s = \d+(\.\d+)?% 折现到 2014 年/);
    // The last row split in two; its second half paid as a price per m³ of the water transferred.
    const last = (await page.locator('[data-testid^=offer-row-]').count()) - 1;
    await page.getByTestId(`offer-split-${last}`).click();
    await expect(page.getByTestId(`offer-to-${last}`).inputValue()).resolves.toBe('2045');
    await page.getByTestId(`offer-mode-${last + 1}`).selectOption('price');
    await page.getByTestId(`offer-price-${last + 1}`).fill('0.6');
    await page.getByTestId(`offer-volume-${last + 1}`).fill('13000000000');
    // 0.6 元/m³ × 13 000 000 000 m³ = 7 800 000 000 元 = 780 000 万元.
    await expect.poll(() => page.getByTestId(`offer-price-amount-${last + 1}`).textContent(), { timeout: 10_000 }).toMatch(/780,000\.00 万元/);
    // Terms start from the schedule's years and unit.
    await page.getByTestId('offer-has-terms').check();
    await page.getByTestId('terms-template').selectOption('two-way-quality-index');
    await expect(page.getByTestId('terms-off-range').count()).resolves.toBe(0);
    await shot(page, 'composer-zh', 'composer');
    const before = await page.getByTestId('offer').count();
    await page.getByTestId('send-offer').click();
    await page.getByTestId('composer').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('offer').count(), { timeout: 20_000 }).toBe(before + 1);
    const card = page.getByTestId('offer').first();
    offerNumber = (await card.getAttribute('data-offer-number'))!;
    await expect(card.getByTestId('flag-below').count()).resolves.toBe(0);
    await expect(card.getByTestId('offer-schedule').textContent()).resolves.toMatch(/0\.6 元\/m³ × 13,000,000,000 m³/);
    await page.context().close();

    const en = await open('shiyan@pes.demo', 'en');
    await compose(en);
    await shot(en, 'composer-en', 'composer');
    // Another version keeps what was typed; only filling again replaces it.
    await en.getByTestId('offer-amount-1').fill('5500000');
    const other = await en.getByTestId('offer-version').locator('option', { hasText: demoScenarioNames.beijingCounter }).first().getAttribute('value');
    await en.getByTestId('offer-version').selectOption(other!);
    await expect(en.getByTestId('offer-amount-1').inputValue()).resolves.toBe('5500000');
    await en.getByTestId('fill-model').click();
    await expect(en.getByTestId('offer-amount-1').inputValue()).resolves.not.toBe('5500000');
    await en.context().close();
  });

  it('lets the receiver read the terms’ formulas, constants and back-test on the card, and counter with a message', async () => {
    for (const language of ['en', 'zh'] as const) {
      const page = await open('beijing@pes.demo', language);
      const card = page.locator(`[data-testid=offer][data-offer-number="${offerNumber}"]`);
      await card.getByTestId('offer-show-terms').click();
      await expect(card.getByTestId('offer-terms-formulas').textContent()).resolves.toContain('P <= 1 ? amount : -amount');
      await expect(card.getByTestId('offer-terms-constants').textContent()).resolves.toContain('c0_codmn = 2.6');
      await expect(card.getByTestId('offer-terms-backtest').textContent()).resolves.toContain('2014');
      await shot(page, `offer-card-receiver-${language}`, `offer`);
      if (language === 'en') {
        await page.context().close();
        continue;
      }
      await card.getByTestId('counter').click();
      await page.getByTestId('offer-message').fill('2014–2020 年的追溯补偿年金按 2% 计，请按此调整');
      await page.getByTestId('send-offer').click();
      await page.getByTestId('composer').waitFor({ state: 'detached' });
      await expect.poll(() => card.getByTestId('offer-status').textContent(), { timeout: 20_000 }).toBe('已还价');
      await expect(page.getByTestId('offer').first().getByTestId('offer-message-text').textContent()).resolves.toContain('追溯补偿年金按 2% 计');
      await page.context().close();
    }
  });

  it('accepts only after a confirmation showing the whole schedule, its total and the terms, then opens the agreement to sign', async () => {
    const en = await open('shiyan@pes.demo', 'en');
    const enCard = en.getByTestId('offer').first();
    await enCard.getByTestId('accept').click();
    await enCard.getByTestId('accept-dialog').waitFor();
    await shot(en, 'accept-dialog-en', 'accept-dialog');
    await enCard.getByTestId('accept-dialog-cancel').click();
    await en.context().close();

    const page = await open('shiyan@pes.demo', 'zh');
    const counter = page.getByTestId('offer').first();
    await expect(counter.getByTestId('offer-message-text').textContent()).resolves.toContain('追溯补偿年金');
    await counter.getByTestId('accept').click();
    const dialog = counter.getByTestId('accept-dialog');
    await dialog.waitFor();
    await expect(dialog.getByTestId('accept-schedule').textContent()).resolves.toMatch(/2014–2020/);
    await expect(dialog.getByTestId('accept-schedule-total').textContent()).resolves.toMatch(/万元/);
    await expect(dialog.getByTestId('accept-terms-formulas').textContent()).resolves.toContain('payment = P <= 1 ? amount : -amount');
    await expect(counter.getByTestId('offer-status').textContent()).resolves.toBe('待答复');
    await shot(page, 'accept-dialog-zh', 'accept-dialog');
    await dialog.getByTestId('accept-dialog-confirm').click();
    await page.waitForURL(/\/agreements\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    await page.getByTestId('schedule').waitFor();
    await page.context().close();
  });
});
