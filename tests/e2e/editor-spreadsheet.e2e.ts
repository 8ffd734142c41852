import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoPassword } from '../../lib/seed/demo-accounts';
import { demoScenarioNames } from '../../lib/seed/demo-texts';
import { openAs, screenshot } from './browser';
import { signInOverHttp, type HttpSession } from './http-session';
import { copyScenario, onDemoDeal } from './demo-deal';

// The scenario editor as the spreadsheet officials know (issue 14): typing replaces a cell, a block
// pasted from Excel fills the cells it covers, a cell that is not valid disables Save and is listed
// by its name, a stored draft is resumed or discarded explicitly, an earlier version is restored as
// a new one. In Chinese, at 1366 px, on a scenario of six periods.

let browser: Browser;
let dealId: string;
let api: HttpSession;
let scenarioId: string;
let v1: string;
let latestId: string;

type Doc = { periods: { label: string; from: number; to: number }[]; costs: { label: string; values: Record<string, string> }[] };

onDemoDeal(async (demo) => {
  ({ browser, dealId } = demo);
  const seeded = await demo.latestVersion('UPSTREAM', demoScenarioNames.shiyanPaper);
  api = await signInOverHttp('shiyan@pes.demo', demoPassword);
  let paper: Doc;
  ({ scenarioId, versionId: v1, document: paper } = await copyScenario<Doc>(api, dealId, seeded, { name: `表格编辑 e2e ${Date.now()}`, message: '论文假设' }));
  // v2: P2 cut into 2011–2013 and 2014–2020, six periods.
  const periods = paper.periods.flatMap((p) =>
    p.from === 2011
      ? [
          { label: 'P2a 2011–2013', from: 2011, to: 2013 },
          { label: 'P2b 2014–2020', from: 2014, to: 2020 },
        ]
      : [p],
  );
  const v2 = await api.json<{ versionId: string }>(`/api/v1/deals/${dealId}/scenarios/${scenarioId}/versions`, 'POST', { document: { ...paper, periods }, message: '拆分 P2', baseVersionId: v1 });
  expect(v2.status).toBe(201);
  latestId = v2.body.versionId;
});

const open = (language: 'zh' | 'en', versionId: string) => openAs(browser, 'shiyan@pes.demo', demoPassword, language, `/deals/${dealId}/versions/${versionId}`, { width: 1366, height: 900 });

/** The value cells of the cost table's item rows as shown (group rows have none), by period. */
async function shownCostCells(page: Page, periods: number): Promise<Locator[][]> {
  const rows = page
    .getByTestId('items-costs')
    .locator('tbody tr')
    .filter({ has: page.locator('input[data-nav-col]') });
  const count = await rows.count();
  const out: Locator[][] = [];
  for (let r = 0; r < Math.min(count, 3); r++) out.push(Array.from({ length: periods }, (_, si) => rows.nth(r).locator(`input[data-nav-col="${si + 2}"]`)));
  return out;
}

/** A paste as Excel gives it: tab-separated cells, CRLF lines. */
async function pasteInto(cell: Locator, text: string) {
  await cell.click();
  await cell.evaluate((element, data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', data);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, text);
}

async function latestVersion(): Promise<{ id: string; number: number; document: Doc }> {
  const list = await api.json<{ scenarios: { id: string; versions: { id: string; number: number }[] }[] }>(`/api/v1/deals/${dealId}/scenarios`);
  const scenario = list.body.scenarios.find((s) => s.id === scenarioId)!;
  const latest = [...scenario.versions].sort((a, b) => b.number - a.number)[0]!;
  return { ...latest, document: (await api.json<Doc>(`/api/v1/deals/${dealId}/versions/${latest.id}`)).body };
}

describe('the scenario editor as a spreadsheet, in Chinese', () => {
  it('replaces a cell on typing, fills a pasted 2×3 block, and keeps Save disabled while a cell is not valid, listing it', async () => {
    const page = await open('zh', latestId);
    await page.getByTestId('edit-version').click();
    const [first, second] = await shownCostCells(page, 6);
    const firstLabel = await page
      .getByTestId('items-costs')
      .locator('tbody tr')
      .filter({ has: page.locator('input[data-nav-col]') })
      .nth(1)
      .locator('input[data-nav-col="0"]')
      .inputValue();

    // Typing into a clicked cell replaces what it held (never "160,000,158,266").
    await first![0]!.click();
    await page.keyboard.type('160000');
    await expect(first![0]!.inputValue()).resolves.toBe('160000');
    await page.keyboard.press('Tab');
    await expect(first![0]!.inputValue()).resolves.toBe('160,000');

    // A block from Excel fills the cells it covers, from the focused one, each value checked.
    await pasteInto(first![1]!, '100\t200\t300\r\n400\t12abc\t500\r\n');
    await expect(Promise.all([first![1]!, first![2]!, first![3]!, second![1]!, second![3]!].map((c) => c.inputValue()))).resolves.toEqual(['100', '200', '300', '400', '500']);
    await expect(second![2]!.inputValue()).resolves.toBe('12abc');
    await expect(second![2]!.getAttribute('aria-invalid')).resolves.toBe('true');

    // α 1.5 is refused as well; the list names each cell by its line item (or α group) and years.
    const alpha = page.getByTestId('alpha-ED-0');
    await alpha.click();
    await page.keyboard.type('1.5');
    await page.fill('#version-message', '按 Excel 表更新成本');
    const save = page.getByTestId('save-version');
    await expect(save.isDisabled()).resolves.toBe(true);
    const listed = page.getByTestId('invalid-cell');
    await expect(listed.count()).resolves.toBe(2);
    const texts = await listed.allTextContents();
    expect(texts[0]).toContain(firstLabel);
    expect(texts[0]).toContain('不是有效数字');
    expect(texts[0]).toContain('12abc');
    expect(texts[1]).toMatch(/α/);
    expect(texts[1]).toContain('须在 0 到 1 之间');
    await screenshot(page, 'editor-invalid-zh-1366');

    // The row actions and the last of the six periods are on screen at 1366 px: the table does not scroll sideways.
    const costTable = page.getByTestId('items-costs').locator('xpath=..');
    await expect(costTable.evaluate((e) => e.scrollWidth - e.clientWidth)).resolves.toBeLessThanOrEqual(0);
    const removeFirst = page
      .getByTestId('items-costs')
      .locator('tbody tr')
      .filter({ has: page.locator('input[data-nav-col]') })
      .first()
      .getByRole('button', { name: /删除/ });
    for (const box of [await removeFirst.boundingBox(), await first![5]!.boundingBox()]) {
      expect(box).not.toBeNull();
      expect(box!.x + box!.width).toBeLessThanOrEqual(1366);
    }

    // Fixing both cells enables Save; a negative cost waits for its confirmation.
    await second![2]!.click();
    await page.keyboard.type('450');
    await alpha.click();
    await page.keyboard.type('0.5');
    await expect(listed.count()).resolves.toBe(0);
    await first![4]!.click();
    await page.keyboard.type('-1,250');
    await expect(listed.allTextContents()).resolves.toEqual([expect.stringContaining('负值')]);
    await expect(save.isDisabled()).resolves.toBe(true);
    await page.locator('[data-testid$="-confirm"]').filter({ hasText: '确认负值' }).click();
    await expect(listed.count()).resolves.toBe(0);
    await expect(save.isDisabled()).resolves.toBe(false);
    await save.click();
    await page.waitForURL(/\?saved=1$/);

    const saved = await latestVersion();
    const order = saved.document.periods.map((p) => (p.from === p.to ? String(p.from) : `${p.from}-${p.to}`));
    const row = (label: string) => saved.document.costs.find((c) => c.label === label)!;
    const firstRow = saved.document.costs.find((c) => c.values[order[0]!] === '160000')!;
    expect(firstRow).toBeDefined();
    expect([1, 2, 3, 4].map((i) => firstRow.values[order[i]!])).toEqual(['100', '200', '300', '-1250']);
    expect([1, 2, 3].map((i) => row(firstLabel).values[order[i]!])).toEqual(['400', '450', '500']);
    latestId = saved.id;
    await page.context().close();
  });

  it('asks to resume or discard a stored draft when Edit is pressed, and never overwrites it', async () => {
    const page = await open('zh', latestId);
    await page.getByTestId('edit-version').click();
    const [first] = await shownCostCells(page, 6);
    await first![0]!.click();
    await page.keyboard.type('777');
    await page.fill('#version-message', '草稿：尚未保存');
    await page.waitForTimeout(600);
    // Until the page's code has come, Edit is the server's button and a press does nothing.
    await page.reload({ waitUntil: 'networkidle' });
    await page.getByTestId('edit-version').click();
    const dialog = page.getByTestId('draft-dialog');
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('继续编辑');
    await screenshot(page, 'editor-draft-dialog-zh');
    await page.getByTestId('draft-dialog-resume').click();
    await expect((await shownCostCells(page, 6))[0]![0]!.inputValue()).resolves.toBe('777');
    await expect(page.locator('#version-message').inputValue()).resolves.toBe('草稿：尚未保存');

    await page.reload({ waitUntil: 'networkidle' });
    await page.getByTestId('edit-version').click();
    await page.getByTestId('draft-dialog-discard').click();
    await expect((await shownCostCells(page, 6))[0]![0]!.inputValue()).resolves.toBe('160,000');
    await expect(page.locator('#version-message').inputValue()).resolves.toBe('');
    await page.reload({ waitUntil: 'networkidle' });
    await page.getByTestId('edit-version').click();
    await expect(page.getByTestId('draft-dialog').isVisible()).resolves.toBe(false);
    await page.context().close();
  });

  it('shows the six-period editor whole at 1366 px in English too', async () => {
    const page = await open('en', latestId);
    await page.getByTestId('edit-version').click();
    const [first] = await shownCostCells(page, 6);
    await expect(first![5]!.isVisible()).resolves.toBe(true);
    await expect(
      page
        .getByTestId('items-costs')
        .locator('xpath=..')
        .evaluate((e) => e.scrollWidth - e.clientWidth),
    ).resolves.toBeLessThanOrEqual(0);
    const box = await first![5]!.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(1366);
    await screenshot(page, 'editor-edit-en-1366');
    await page.context().close();
  });
  it('restores v1 as a new version whose message says so in Chinese', async () => {
    const before = await latestVersion();
    const page = await open('zh', v1);
    await page.getByTestId('restore-version').click();
    await expect(page.getByTestId('restoring').textContent()).resolves.toBe('恢复第 1 版');
    await page.fill('#version-message', '回到论文假设');
    await page.getByTestId('save-version').click();
    await page.waitForURL(/\?saved=1$/);
    await expect(page.getByTestId('version-title').textContent()).resolves.toMatch(new RegExp(`v${before.number + 1}$`));
    await page.getByText('恢复第 1 版：回到论文假设').first().waitFor();
    const restored = await latestVersion();
    expect(restored.document.periods).toHaveLength(5);
    await page.context().close();
  });
});
