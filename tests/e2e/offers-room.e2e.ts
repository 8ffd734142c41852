import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoPassword } from '../../lib/seed/demo-accounts';
import { baseUrl, openAs, screenshot } from './browser';
import { demoScenarioNames } from '../../lib/seed/demo-texts';
import { onDemoDeal } from './demo-deal';

let browser: Browser;
let dealId: string;

onDemoDeal((demo) => {
  ({ browser, dealId } = demo);
});

function open(email: string, language: 'zh' | 'en', path: string): Promise<Page> {
  return openAs(browser, email, demoPassword, language, path);
}

/** The newest offer card (the timeline is newest first). */
const newest = (page: Page) => page.getByTestId('offer').first();

describe('offers in Chromium', () => {
  let offered: string;

  it('flags an offer below the lower bound before it is sent, and sends it', async () => {
    const page = await open('shiyan@pes.demo', 'zh', `/deals/${dealId}/offers`);
    await page.getByTestId('new-offer').click();
    const version = page.getByTestId('offer-version');
    const upstreamOption = await version.locator('option', { hasText: demoScenarioNames.shiyanPaper }).first().getAttribute('value');
    await version.selectOption(upstreamOption!);
    await page.getByTestId('offer-amount-0').fill('1');
    await page.getByTestId('composer').getByTestId('flag-below').waitFor();
    await expect(page.getByTestId('send-offer').textContent()).resolves.toBe('仍然发送');
    await screenshot(page, 'offer-compose-zh');
    const before = await page.getByTestId('offer').count();
    await page.getByTestId('send-offer').click();
    await page.getByTestId('composer').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('offer').count()).toBe(before + 1);
    const card = newest(page);
    offered = (await card.getAttribute('data-offer-number'))!;
    await expect(card.getByTestId('offer-status').textContent()).resolves.toBe('待答复');
    await expect(card.getByTestId('flag-below').count()).resolves.toBe(1);
    await page.context().close();
  });

  it('tells the downstream side an offer awaits it, and lets it counter', async () => {
    const page = await open('beijing@pes.demo', 'en', '/deals');
    await page.getByTestId('pending').first().waitFor();
    await expect(page.getByTestId('deal-list').textContent()).resolves.toMatch(/offers? to answer/);
    await page.goto(`${baseUrl()}/deals/${dealId}/offers`);
    await page.getByTestId('awaiting').waitFor();
    const card = page.locator(`[data-testid=offer][data-offer-number="${offered}"]`);
    await card.getByTestId('counter').click();
    await expect(page.getByTestId('composer').textContent()).resolves.toContain(`Counter-offer to #${offered}`);
    // The counter starts from the offer it answers; downstream raises the first period.
    await page.getByTestId('offer-amount-0').fill('400000');
    await page.getByTestId('send-offer').click();
    await page.getByTestId('composer').waitFor({ state: 'detached' });
    // The timeline refreshes from the server after the send.
    await expect.poll(() => card.getByTestId('offer-status').textContent()).toBe('countered');
    await expect(newest(page).textContent()).resolves.toContain(`counters #${offered}`);
    await screenshot(page, 'offers-en');
    await page.context().close();
  });

  it('lets the upstream side reject the counter with a reason that both sides read', async () => {
    const page = await open('shiyan@pes.demo', 'zh', `/deals/${dealId}/offers`);
    const counter = newest(page);
    await counter.getByTestId('reject').click();
    await counter.getByTestId('reject-reason').fill('2011–2020 年仍低于补偿下限');
    await counter.getByTestId('reject-confirm').click();
    await expect.poll(() => counter.getByTestId('offer-status').textContent()).toBe('已拒绝');
    await expect(counter.textContent()).resolves.toContain('2011–2020 年仍低于补偿下限');
    await screenshot(page, 'offers-zh');
    await page.context().close();
  });
  it('builds performance-linked terms from a template, checks each formula as typed, and back-tests them', async () => {
    for (const language of ['zh', 'en'] as const) {
      const page = await open('shiyan@pes.demo', language, `/deals/${dealId}/offers`);
      await page.getByTestId('new-offer').click();
      await page.getByTestId('offer-has-terms').check();
      await page.getByTestId('terms-template').selectOption('two-way-quality-index');
      // The template takes the schedule's years (the model pays from 2014) and its unit (thousand CNY), its
      // sample data moved with it: 2014 clean water (downstream pays), 2015 polluted (upstream pays), 2016 not measured.
      await expect(page.getByTestId('backtest-2014').textContent()).resolves.toMatch(/200,000,000/);
      await expect(page.getByTestId('backtest-2015').textContent()).resolves.toMatch(/-200,000,000/);
      // A year not measured names what it lacks, by the indicators' names in the page's language.
      await expect(page.getByTestId('backtest-2016').textContent()).resolves.toMatch(language === 'zh' ? /高锰酸盐指数/ : /COD_Mn|permanganate/i);
      await page.getByTestId('backtest-2014').getByRole('button').click();
      await expect(page.getByTestId('trace').textContent()).resolves.toMatch(/P = /);
      await screenshot(page, `terms-editor-${language}`);
      const formula = page.getByTestId('terms-formula-0');
      const original = await formula.inputValue();
      await formula.fill(`${original} + unknown_name`);
      await expect(page.getByTestId('terms-validity').textContent()).resolves.not.toMatch(/valid|有效/);
      await expect(page.getByTestId('send-offer').isDisabled()).resolves.toBe(true);
      await formula.fill(original);
      await expect(page.getByTestId('send-offer').isDisabled()).resolves.toBe(false);
      await page.context().close();
    }
  });
});
