import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoPassword } from '../../lib/seed/demo-accounts';
import { demoScenarioNames } from '../../lib/seed/demo-texts';
import { openAs, screenshot } from './browser';
import { signInOverHttp } from './http-session';
import { onDemoDeal } from './demo-deal';

let browser: Browser;
let dealId: string;
/** The seeded Beijing counter-proposal: both bounds. */
let counter: string;
/** A downstream scenario of this file's own: its benefits and its own costs only. */
let benefitsOnly: string;

onDemoDeal(async (demo) => {
  ({ browser, dealId } = demo);
  counter = await demo.latestVersion('DOWNSTREAM', demoScenarioNames.beijingCounter);
  const downstream = await signInOverHttp('beijing@pes.demo', demoPassword);
  const created = await downstream.json<{ versionId: string }>(`/api/v1/deals/${dealId}/scenarios`, 'POST', {
    name: `北京效益 e2e ${Date.now()}`,
    message: '仅下游效益与下游成本（e2e）',
    document: {
      format: 'pes-scenario/1',
      name: '北京效益',
      currency: 'CNY',
      unit: 1000,
      priceBase: '2000 年不变价',
      startYear: 2014,
      endYear: 2030,
      benefits: [
        { kind: 'avoidedTreatment', label: '避免的水处理成本', values: { '2014-2030': '9000000' } },
        { kind: 'willingnessToPay', label: '支付意愿', values: { '2014-2030': '3000000' } },
      ],
      downstreamCosts: [{ label: '监测', values: { '2014-2030': '200000' } }],
      waterVolume: { '2014-2030': '9500000000' },
    },
  });
  expect(created.status).toBe(201);
  benefitsOnly = created.body.versionId;
});

const open = (language: 'zh' | 'en', path: string): Promise<Page> => openAs(browser, 'beijing@pes.demo', demoPassword, language, path, { width: 1366, height: 1000 });

/** "1,234.56" (zh-CN digits) → 1234.56; a figure for comparing, never for arithmetic the app shows. */
const figure = (text: string | null) => Number((text ?? '').replace(/[^\d.−-]/g, '').replace('−', '-'));

describe('the two-way table in Chinese', () => {
  it('puts benefits against the bargaining weight, and the Nash suggestion rises with the benefits', async () => {
    const page = await open('zh', `/deals/${dealId}/versions/${counter}/sensitivity`);
    await page.getByTestId('two-way-table').waitFor();
    await page.getByTestId('two-way-rows').selectOption('benefits');
    await page.waitForURL(/rows=benefits/);
    await page.getByTestId('two-way-cols').selectOption('bargainingWeight');
    await page.waitForURL(/cols=bargainingWeight/);
    await expect(page.getByTestId('two-way-rows').inputValue()).resolves.toBe('benefits');
    await page.getByTestId('measure-select').selectOption('nashPayment');
    const table = page.getByTestId('two-way-table');
    // Chinese headings from the catalogue: the corner names both parameters.
    await expect(table.locator('thead th').first().textContent()).resolves.toBe('效益 ↓ / 议价权重 w →');
    await expect(table.locator('tbody tr').count()).resolves.toBe(5);
    await expect(table.locator('thead th').count()).resolves.toBe(6);
    await expect(page.getByTestId('sensitivity-units').textContent()).resolves.toMatch(/万元/);
    // The centre cell is the version as saved: the same figure as the base case above the tornado.
    const base = figure(await page.getByTestId('sensitivity-base').textContent());
    expect(figure(await page.getByTestId('two-way-base').textContent())).toBeCloseTo(base, 2);
    // Down a column the benefits grow, so the Nash suggestion never falls (the zone is not empty).
    for (let col = 1; col <= 5; col++) {
      const cells = await table.locator(`tbody tr td:nth-child(${col + 1})`).allTextContents();
      const values = cells.map(figure);
      for (let i = 1; i < values.length; i++) expect(values[i]!).toBeGreaterThanOrEqual(values[i - 1]!);
    }
    // Along a row the weight grows, so does the Nash suggestion.
    const middle = (await table.locator('tbody tr').nth(2).locator('td').allTextContents()).slice(1).map(figure);
    expect(middle[4]!).toBeGreaterThan(middle[0]!);
    await screenshot(page, 'sensitivity-two-way-zh');
    await page.context().close();
  });

  it('shows a downstream scenario of benefits only with its upper bound, the lower bound "not stated"', async () => {
    const page = await open('zh', `/deals/${dealId}/versions/${benefitsOnly}/sensitivity`);
    await expect(page.getByTestId('lower-not-stated').textContent()).resolves.toMatch(/未给出补偿下限/);
    await expect(page.getByTestId('measure-select').inputValue()).resolves.toBe('upperBound');
    await expect(page.locator('[data-testid=measure-select] option[value=lowerBound]').isDisabled()).resolves.toBe(true);
    await expect(page.locator('[data-testid=measure-select] option[value=lowerBound]').textContent()).resolves.toMatch(/（未给出）/);
    // Σ 2014–2030 of (9 000 000 + 3 000 000 − 200 000) thousand yuan = 20 060 000 万元.
    await expect(page.getByTestId('sensitivity-base').textContent()).resolves.toBe('20,060,000.00 万元');
    await expect(page.getByTestId('two-way-rows').inputValue()).resolves.toBe('benefits');
    await expect(page.getByTestId('two-way-cols').inputValue()).resolves.toBe('downstreamCosts');
    await expect(page.getByTestId('two-way-base').textContent()).resolves.toBe('20,060,000.00');
    await screenshot(page, 'sensitivity-benefits-only-zh');
    await page.context().close();
  });
});
