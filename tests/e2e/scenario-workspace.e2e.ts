import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoPassword } from '../../lib/seed/demo-accounts';
import { baseUrl, openAs, screenshot } from './browser';
import { signInOverHttp, type HttpSession } from './http-session';
import { demoScenarioNames } from '../../lib/seed/demo-texts';
import { copyScenario, onDemoDeal } from './demo-deal';

let browser: Browser;
let dealId: string;
let upstreamApi: HttpSession;
/** A scenario of this file's own, so other files' version numbers stay as they expect. */
let scenarioId: string;
let v1: string;

// A minimal PDF: the server reads the type from the bytes, so it must start like one.
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

onDemoDeal(async (demo) => {
  ({ browser, dealId } = demo);
  const seeded = await demo.latestVersion('UPSTREAM', demoScenarioNames.shiyanPaper);
  upstreamApi = await signInOverHttp('shiyan@pes.demo', demoPassword);
  ({ scenarioId, versionId: v1 } = await copyScenario(upstreamApi, dealId, seeded, { name: `Workspace e2e ${Date.now()}`, message: 'Starting point: the paper assumptions' }));
});

function open(email: string, language: 'zh' | 'en', path: string): Promise<Page> {
  return openAs(browser, email, demoPassword, language, path, { width: 1440, height: 1000 });
}

async function costCell(page: Page) {
  const cell = page.getByTestId('cell-costs-0-0');
  await cell.waitFor();
  return cell;
}

describe('scenario workspace in Chromium', () => {
  let v2: string;

  it('lets the upstream official edit a cost, attach evidence, survive a reload, and save v2', async () => {
    const page = await open('shiyan@pes.demo', 'zh', `/deals/${dealId}/versions/${v1}`);
    await expect(page.getByTestId('version-title').textContent()).resolves.toMatch(/v1$/);
    expect(await (await costCell(page)).getAttribute('readonly')).not.toBeNull();
    await screenshot(page, 'version-view-zh');

    await page.getByTestId('edit-version').click();
    const cell = await costCell(page);
    await cell.click();
    await cell.fill('1234567');
    await page.getByTestId('evidence-target').selectOption('costs[0]');
    await page.getByTestId('evidence-file').setInputFiles({ name: '2019年审计报告.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByTestId('evidence-note').fill('十堰市审计局 2019 年专项审计');
    await page.getByTestId('evidence-upload').click();
    await page.getByTestId('evidence').getByText('2019年审计报告.pdf').waitFor();
    await page.fill('#version-message', '按 2019 年审计更新造林成本');
    await screenshot(page, 'version-edit-zh');

    // The edits live in this browser: a reload offers them back.
    await page.reload({ waitUntil: 'networkidle' });
    await page.getByTestId('draft-banner').waitFor();
    await page.getByTestId('resume-draft').click();
    await expect((await costCell(page)).inputValue()).resolves.toBe('1,234,567');
    await expect(page.locator('#version-message').inputValue()).resolves.toBe('按 2019 年审计更新造林成本');
    await page.getByTestId('evidence').getByText('2019年审计报告.pdf').waitFor();

    await page.getByTestId('save-version').click();
    await page.waitForURL(/\/versions\/[0-9a-f-]+\?saved=1$/);
    v2 = new URL(page.url()).pathname.split('/').pop()!;
    await expect(page.getByTestId('version-title').textContent()).resolves.toMatch(/v2$/);
    await page.getByTestId('saved-notice').waitFor();
    // The saved version cites the exact file, downloadable by its hash.
    const link = page.getByTestId('evidence').getByRole('link', { name: '2019年审计报告.pdf' });
    const download = await page.request.get(`${baseUrl()}${await link.getAttribute('href')}`);
    expect(download.status()).toBe(200);
    expect(Buffer.from(await download.body()).equals(pdf)).toBe(true);
    await expect(page.getByTestId('draft-banner').count()).resolves.toBe(0);
    await screenshot(page, 'version-saved-zh');
    await page.context().close();
  });

  it('shows a stale save as a conflict that names the newer version, and rebases the edits onto it', async () => {
    const page = await open('shiyan@pes.demo', 'en', `/deals/${dealId}/versions/${v2}`);
    await page.getByTestId('edit-version').click();
    const cell = await costCell(page);
    await cell.click();
    await cell.fill('2222222');
    await page.fill('#version-message', 'Forest costs from the revised audit');

    // Meanwhile a colleague saves v3 from the same base, changing the interest rate.
    const current = (await upstreamApi.json<Record<string, unknown>>(`/api/v1/deals/${dealId}/versions/${v2}`)).body;
    const colleague = await upstreamApi.json<{ number: number }>(`/api/v1/deals/${dealId}/scenarios/${scenarioId}/versions`, 'POST', {
      document: { ...current, discountRate: '0.05' },
      message: 'Interest rate 5 %',
      baseVersionId: v2,
    });
    expect(colleague).toMatchObject({ status: 201, body: { number: 3 } });

    await page.getByTestId('save-version').click();
    const conflict = page.getByTestId('conflict');
    await conflict.waitFor();
    await expect(conflict.textContent()).resolves.toMatch(/v3.*Interest rate 5 %/);
    await screenshot(page, 'version-conflict-en');
    await page.getByTestId('rebase').click();
    await page.getByTestId('rebased').waitFor();
    await expect((await costCell(page)).inputValue()).resolves.toBe('2,222,222');
    await expect(page.getByTestId('field-discountRate').inputValue()).resolves.toMatch(/^0\.05$/);
    await page.getByTestId('save-version').click();
    await page.waitForURL(/\?saved=1$/);
    await expect(page.getByTestId('version-title').textContent()).resolves.toMatch(/v4$/);
    await page.context().close();
  });

  it('refuses an imported cost table with problems, listing each, and changes nothing', async () => {
    const page = await open('shiyan@pes.demo', 'en', `/deals/${dealId}/scenarios`);
    await page.getByRole('link', { name: 'v4' }).first().click();
    await page.getByTestId('edit-version').click();
    const before = await (await costCell(page)).inputValue();
    const csv = 'section,code,label,2003-2010\ncost,C_f,Forest,not-a-number\ncost,XX,Unknown,5\n';
    await page.getByTestId('import-table').setInputFiles({ name: 'costs.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const failure = page.getByTestId('failure');
    await failure.waitFor();
    await expect(failure.locator('li').count()).resolves.toBeGreaterThanOrEqual(2);
    await expect(failure.textContent()).resolves.toMatch(/row 2/);
    await expect((await costCell(page)).inputValue()).resolves.toBe(before);
    await screenshot(page, 'version-import-refused-en');
    await page.context().close();

    // The same refusal on a Chinese page: every row's reason in Chinese, the engine's included.
    const zh = await open('shiyan@pes.demo', 'zh', `/deals/${dealId}/scenarios`);
    await zh.getByRole('link', { name: 'v4' }).first().click();
    await zh.getByTestId('edit-version').click();
    await zh.getByTestId('import-table').setInputFiles({ name: 'costs.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await zh.getByTestId('failure').waitFor();
    const refusal = (await zh.getByTestId('failure').textContent())!;
    expect(refusal).toContain('第 2 行 D 列');
    expect(refusal).toContain('不是数字');
    expect(refusal).toContain('未知的类别代码');
    expect(refusal).not.toMatch(/not a number|unknown category/);
    await screenshot(zh, 'version-import-refused-zh');
    await zh.context().close();
  });

  it('lets the downstream reviewer read the diff in both languages and comment on the changed item', async () => {
    for (const language of ['zh', 'en'] as const) {
      const page = await open('beijing@pes.demo', language, `/deals/${dealId}/compare?from=${v1}&to=${v2}`);
      const changes = page.getByTestId('input-changes');
      await changes.waitFor();
      await expect(changes.textContent()).resolves.toMatch(/15,826\.60 .*→ 123,456\.70 /);
      await expect(page.getByTestId('results-side-by-side').locator('tbody tr').count()).resolves.toBeGreaterThan(0);
      await screenshot(page, `compare-${language}`);
      if (language === 'en') {
        await page.getByTestId('comment-link').click();
        await page.waitForURL(new RegExp(`/versions/${v2}`));
        await page.getByTestId('comment-target').selectOption('costs[0]');
        await page.getByTestId('comment-body').fill('Please attach the audit annex for 2011–2020.');
        await page.getByTestId('comment-post').click();
        await page.getByTestId('comments').getByTestId('comment').filter({ hasText: 'audit annex' }).waitFor();
        await screenshot(page, 'version-comment-en');
      }
      await page.context().close();
    }
    // Both sides see it.
    const upstream = await open('shiyan@pes.demo', 'zh', `/deals/${dealId}/versions/${v2}`);
    await upstream.getByTestId('comments').getByTestId('comment').filter({ hasText: 'audit annex' }).waitFor();
    await screenshot(upstream, 'version-comment-zh');
    // One thread per scenario: v1's page shows the comment written on v2, marked with its version.
    await upstream.goto(`${baseUrl()}/deals/${dealId}/versions/${v1}`);
    const fromV2 = upstream.getByTestId('comments').getByTestId('comment').filter({ hasText: 'audit annex' });
    await fromV2.waitFor();
    await expect(fromV2.getAttribute('data-version')).resolves.toBe('2');
    await expect(fromV2.getByTestId('comment-version').textContent()).resolves.toBe('写于第 2 版');
    await upstream.context().close();
  });
  it('starts a new scenario from a pes-scenario/1 file, refusing an invalid one with its problems', async () => {
    const page = await open('shiyan@pes.demo', 'en', `/deals/${dealId}/scenarios`);
    await page.getByTestId('start-file').click();
    await page.getByTestId('new-scenario-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"pes-scenario/1","startYear":2003}') });
    await page.getByTestId('new-scenario').locator('button[type=submit]').click();
    const refusal = page.getByTestId('new-scenario').getByRole('alert');
    await refusal.waitFor();
    await expect(refusal.locator('li').count()).resolves.toBeGreaterThan(1);
    const document = (await upstreamApi.json<Record<string, unknown>>(`/api/v1/deals/${dealId}/versions/${v1}`)).body;
    await page.getByTestId('new-scenario-file').setInputFiles({ name: 'from-file.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...document, name: 'From a file' })) });
    await page.getByTestId('new-scenario').locator('button[type=submit]').click();
    await page.waitForURL(/\/versions\/[0-9a-f-]+\?saved=1$/);
    await expect(page.getByTestId('version-title').textContent()).resolves.toMatch(/From a file · v1$/);
    await page.context().close();
  });
});
