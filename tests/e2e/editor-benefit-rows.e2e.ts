import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoPassword } from '../../lib/seed/demo-accounts';
import { demoScenarioNames } from '../../lib/seed/demo-texts';
import { openAs, screenshot } from './browser';
import { signInOverHttp, type HttpSession } from './http-session';
import { copyScenario, onDemoDeal } from './demo-deal';

// Benefit rows in the editor (issue 14 item 4): a row says what it measures, its calculator
// (price per m³ × volume) fills its cells, the kind and the values are saved in the version and
// shown again when it is reopened. Also the period dialog (split P2 into 2011–2013 and 2014–2020),
// so the benefit table has six periods and must still fit 1366 px. A scenario of its own, so other
// e2e files' data does not matter.

let browser: Browser;
let dealId: string;
let api: HttpSession;
let scenarioId: string;
let v1: string;

type Doc = { periods: { label: string; from: number; to: number }[]; benefits?: { kind?: string; label: string; values: Record<string, string> }[] };

onDemoDeal(async (demo) => {
  ({ browser, dealId } = demo);
  const seeded = await demo.latestVersion('UPSTREAM', demoScenarioNames.shiyanPaper);
  api = await signInOverHttp('shiyan@pes.demo', demoPassword);
  ({ scenarioId, versionId: v1 } = await copyScenario<Doc>(api, dealId, seeded, { name: `效益行 e2e ${Date.now()}`, message: '论文假设', change: (paper) => ({ ...paper, benefits: [] }) }));
});

const open = (language: 'zh' | 'en', versionId: string) => openAs(browser, 'shiyan@pes.demo', demoPassword, language, `/deals/${dealId}/versions/${versionId}`, { width: 1366, height: 900 });

async function latestVersion(): Promise<{ id: string; number: number; document: Doc }> {
  const list = await api.json<{ scenarios: { id: string; versions: { id: string; number: number }[] }[] }>(`/api/v1/deals/${dealId}/scenarios`);
  const scenario = list.body.scenarios.find((s) => s.id === scenarioId)!;
  const latest = [...scenario.versions].sort((a, b) => b.number - a.number)[0]!;
  return { ...latest, document: (await api.json<Doc>(`/api/v1/deals/${dealId}/versions/${latest.id}`)).body };
}

/** The benefit table's value cells of row `row`, by period. */
const benefitCells = (page: Page, row: number) => page.getByTestId('items-benefits').locator('tbody tr').nth(row).locator('input[data-nav-col]:not([data-nav-col="0"])');

async function typeInto(page: Page, cell: ReturnType<Page['locator']>, text: string) {
  await cell.click();
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

describe('benefit rows in the editor, in Chinese and English', () => {
  it('splits a period, types a benefit row’s kind, fills it from price × volume, and saves both', async () => {
    const page = await open('zh', v1);
    await page.getByTestId('edit-version').click();

    // The period dialog: P2 (2011–2020) cut after 2013.
    await page.getByTestId('items-costs').locator('tbody tr input[data-nav-col="3"]').first().click();
    await page.getByTestId('split-period').click();
    const split = page.getByTestId('split-dialog');
    await split.waitFor();
    await split.getByTestId('split-year').fill('2013');
    await expect(split.textContent()).resolves.toContain('2011–2013');
    // The suggested labels follow the year typed (never "P2 2011–2015" for 2011–2013).
    await expect(split.getByTestId('split-first-label').inputValue()).resolves.toBe('P2 2011–2013');
    await expect(split.getByTestId('split-second-label').inputValue()).resolves.toBe('P2 2014–2020');
    await page.getByTestId('split-confirm').click();
    await expect(page.getByTestId('items-costs').locator('thead th').allTextContents()).resolves.toEqual(expect.arrayContaining(['P2 2011–2013', 'P2 2014–2020']));

    await page.getByTestId('add-benefits').click();
    const table = page.getByTestId('items-benefits');
    await expect(table.locator('thead').textContent()).resolves.toContain('效益类型');
    const label = table.locator('tbody tr').first().locator('input[data-nav-col="0"]');
    await label.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('次优水源：南水北调水价');
    await page.keyboard.press('Tab');
    await table.getByTestId('benefit-kind').selectOption('nextBestSupply');

    // The calculator the kind calls for: price per m³ × volume, one price and one volume per period.
    await page.getByTestId('open-calculator-benefits-0').click();
    const calculator = page.getByTestId('calculator');
    await calculator.waitFor();
    await expect(page.getByTestId('calculator-kind').inputValue()).resolves.toBe('priceTimesVolume');
    const inputs = calculator.locator('tbody tr');
    const periods = await inputs.nth(0).locator('input').count();
    expect(periods).toBe(6);
    for (let si = 0; si < periods; si++) await typeInto(page, inputs.nth(0).locator('input').nth(si), '0.9');
    // A volume that is no number is refused in the dialog, and nothing can be applied.
    await typeInto(page, inputs.nth(1).locator('input').nth(0), '95万');
    await expect(page.getByTestId('calculator-apply').isDisabled()).resolves.toBe(true);
    for (let si = 0; si < periods; si++) await typeInto(page, inputs.nth(1).locator('input').nth(si), '1,000,000');
    await expect(page.getByTestId('calculator-note').textContent()).resolves.toContain('0.9');
    await page.getByTestId('calculator-apply').click();
    await calculator.waitFor({ state: 'detached' });

    // 0.9 元/m³ · 1 000 000 m³ / 1000 = 900 (thousand CNY) in every period, marked as the calculator's.
    await expect(benefitCells(page, 0).evaluateAll((cells) => cells.map((c) => (c as HTMLInputElement).value))).resolves.toEqual(Array(6).fill('900'));
    await expect(page.getByTestId('calc-badge-benefits-0').getAttribute('title')).resolves.toBe('数值来自计算器');

    // The benefit table with its kind column and six periods fits 1366 px: nothing scrolls sideways.
    await expect(table.locator('xpath=..').evaluate((e) => e.scrollWidth - e.clientWidth)).resolves.toBeLessThanOrEqual(0);
    const remove = table.locator('tbody tr').first().getByRole('button', { name: /删除/ });
    const box = await remove.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(1366);
    await table.scrollIntoViewIfNeeded();
    await screenshot(page, 'editor-benefit-row-zh-1366');

    await page.fill('#version-message', '下游效益：次优水源成本');
    await page.getByTestId('save-version').click();
    await page.waitForURL(/\?saved=1$/);

    const saved = await latestVersion();
    expect(saved.document.periods).toHaveLength(6);
    expect(saved.document.benefits).toHaveLength(1);
    const benefit = saved.document.benefits![0]!;
    expect(benefit.kind).toBe('nextBestSupply');
    expect(benefit.label).toBe('次优水源：南水北调水价');
    expect(new Set(Object.values(benefit.values))).toEqual(new Set(['900']));
    const years = Object.keys(benefit.values).flatMap((k) => {
      const [from, to = from] = k.split('-').map(Number);
      return Array.from({ length: to! - from! + 1 }, (_, i) => from! + i);
    });
    expect(years).toHaveLength(2050 - 2003 + 1);

    // Reopened, the saved version shows the kind again, read-only and in the editor.
    await page.reload({ waitUntil: 'networkidle' });
    await expect(page.getByTestId('items-benefits').getByTestId('benefit-kind').inputValue()).resolves.toBe('nextBestSupply');
    await page.context().close();
    // Twelve calculator cells typed one by one: on a loaded machine this takes longer than the default minute.
  }, 180_000);

  it('shows the kind and the calculator mark again in English at 1366 px', async () => {
    const saved = await latestVersion();
    const page = await open('en', saved.id);
    await page.getByTestId('edit-version').click();
    const table = page.getByTestId('items-benefits');
    await expect(table.locator('thead').textContent()).resolves.toContain('Kind of benefit');
    const kind = table.getByTestId('benefit-kind');
    await expect(kind.inputValue()).resolves.toBe('nextBestSupply');
    await expect(kind.locator('option:checked').textContent()).resolves.toBe('Avoided cost of the next-best supply');
    await expect(page.getByTestId('calc-badge-benefits-0').isVisible()).resolves.toBe(true);
    await expect(table.locator('xpath=..').evaluate((e) => e.scrollWidth - e.clientWidth)).resolves.toBeLessThanOrEqual(0);
    await table.scrollIntoViewIfNeeded();
    await screenshot(page, 'editor-benefit-row-en-1366');
    await page.context().close();
  }, 120_000);
});
