import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPrismaClient } from '../../lib/infra/prisma';
import { demoPassword } from '../../lib/seed/demo-accounts';
import { baseUrl, launch, openAs, screenshot } from './browser';
import { signInOverHttp } from './http-session';
import { fillDealBasics } from './new-deal-form';

// Issue 14: a platform administrator opens a deal on /deals/new with its periods and members, in
// Chinese; upstream starts a scenario from the paper's Table 2, downstream a blank one.
let browser: Browser;
let adminDeals: number;
const wide = { width: 1366, height: 1000 };
const slug = `hanjiang-e2e-${Date.now().toString(36)}`;
let dealId = '';

beforeAll(async () => {
  browser = await launch();
  const prisma = createPrismaClient(inject('e2eDatabaseUrl'));
  adminDeals = await prisma.dealMember.count({ where: { user: { email: 'admin@pes.demo' } } });
  await prisma.$disconnect();
});
afterAll(async () => {
  await browser?.close();
});

const as = (email: string, language: 'zh' | 'en', path: string) => openAs(browser, email, demoPassword, language, path, wide);

async function fillDeal(page: Page) {
  await fillDealBasics(page, { nameZh: '汉江水源区生态补偿，2011—2020', name: 'Han River source area, 2011–2020', watershedZh: '汉江上游', watershed: 'Upper Han River', slug });
  await page.getByTestId('add-period').click();
  await page.getByTestId('period-0-to').fill('2013');
  await page.getByTestId('add-period').click();
  // A start the period before already holds: refused by name before anything is sent.
  await page.getByTestId('period-1-from').fill('2013');
  await page.getByTestId('period-1-to').fill('2020');
  for (const [i, email, side] of [
    [0, 'shiyan@pes.demo', 'UPSTREAM'],
    [1, 'beijing@pes.demo', 'DOWNSTREAM'],
  ] as const) {
    await page.getByTestId('add-member').click();
    await page.getByTestId(`member-${i}-email`).fill(email);
    await page.getByTestId(`member-${i}-side`).selectOption(side);
    await page.getByTestId(`member-${i}-canEdit`).check();
  }
}

describe.sequential('creating a deal and starting its scenarios without a file', () => {
  it('a platform administrator finds “create a deal” on the landing page and opens the deal with periods and members', async () => {
    const page = await as('admin@pes.demo', 'zh', '/deals');
    if (adminDeals === 0) {
      // The demo's platform administrator is in no deal: the empty landing page offers it.
      await expect(page.getByTestId('deals-empty').textContent()).resolves.toMatch(/创建第一个协商项目/);
    }
    await page.getByTestId('create-deal').click();
    await page.waitForURL(/\/deals\/new$/);
    await expect(page.getByTestId('deal-status').textContent()).resolves.toMatch(/草拟.*当前.*协商中.*已达成.*已归档/s);
    await fillDeal(page);
    await page.getByTestId('create-deal-submit').click();
    const overlap = page.getByTestId('deal-period').nth(1).locator('[data-field-error]');
    await expect(overlap.textContent()).resolves.toBe('起始于 2013 年，而该年已属于前一时段');
    await page.getByTestId('period-1-from').fill('2014');
    await page.getByTestId('period-1-label').fill('追溯补偿期');
    await screenshot(page, 'deal-new-zh');
    await page.getByTestId('create-deal-submit').click();
    await page.waitForURL(/\/deals\/[0-9a-f-]{36}$/);
    dealId = page.url().split('/').at(-1)!;
    await expect(page.getByTestId('deal-title').textContent()).resolves.toBe('汉江水源区生态补偿，2011—2020');
    await expect(page.getByTestId('deal-periods').textContent()).resolves.toBe('时段：2011–2013、追溯补偿期');
    const members = (await page.getByTestId('members').textContent()) ?? '';
    expect(members).toMatch(/上游.*李伟/s);
    expect(members).toMatch(/下游.*陈静/s);
    const status = page.getByTestId('deal-status');
    await expect(status.locator('[aria-current=step]').textContent()).resolves.toMatch(/^1草拟当前/);
    await expect(status.textContent()).resolves.toMatch(/项目管理者.*改为“协商中”/);
    await expect(page.getByTestId('move-status-link').textContent()).resolves.toBe('改为“协商中”');
    await page.context().close();
  });

  it('a member who is not an administrator has no way to create a deal', async () => {
    const page = await as('shiyan@pes.demo', 'zh', '/deals');
    await expect(page.getByTestId('create-deal').count()).resolves.toBe(0);
    const response = await page.goto(`${baseUrl()}/deals/new`);
    expect(response?.status()).toBe(404);
    await page.context().close();
  });

  it('upstream starts from the paper’s Table 2: every category on the deal’s settings, nothing filled in', async () => {
    const page = await as('shiyan@pes.demo', 'zh', `/deals/${dealId}/scenarios`);
    const form = page.getByTestId('new-scenario');
    await expect(form.getByRole('button', { name: '论文表 2 模板' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.getByTestId('template-contents').textContent()).resolves.toMatch(
      /取自项目：年份 2011—2020，金额单位 万元\/年，2010 年不变价，时段 2011–2013、追溯补偿期。.*补偿起始年份、追溯补偿年数、资本收益率 i_s/s,
    );
    await screenshot(page, 'scenario-new-choices-zh');
    await page.getByTestId('new-scenario-create').click();
    await page.waitForURL(/\/versions\/[0-9a-f-]+\?saved=1$/);
    await expect(page.getByTestId('version-title').textContent()).resolves.toBe('表 2 成本 · 第 1 版');
    await expect(page.getByTestId('template-to-fill').textContent()).resolves.toMatch(/补偿起始年份、追溯补偿年数、资本收益率 i_s/);
    // Every category has its row: the category each row's picker shows (the grids are drawn in the browser, decision 0114).
    await page.locator('[data-testid=items-costs] select').first().waitFor();
    const chosen = await page.locator('main select').evaluateAll((selects) => selects.map((select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent ?? ''));
    for (const label of ['C_f 林业建设', 'C_np 面源污染治理', 'C_AO 农业机会成本']) expect(chosen).toContain(label);
    // One's own version is duplicated, not forked as a counter-proposal.
    await expect(page.getByTestId('duplicate-version').textContent()).resolves.toBe('复制此版本');
    await expect(page.getByTestId('fork-version').count()).resolves.toBe(0);
    await page.context().close();
  });

  it('downstream starts blank', async () => {
    const page = await as('beijing@pes.demo', 'zh', `/deals/${dealId}/scenarios`);
    await page.getByTestId('start-blank').click();
    await expect(page.getByTestId('template-contents').textContent()).resolves.toMatch(/没有任何明细/);
    await page.getByTestId('new-scenario-create').click();
    await page.waitForURL(/\/versions\/[0-9a-f-]+\?saved=1$/);
    await expect(page.getByTestId('version-title').textContent()).resolves.toBe('新情景 · 第 1 版');
    await expect(page.getByTestId('template-to-fill').count()).resolves.toBe(0);
    await page.goto(`${baseUrl()}/deals/${dealId}/scenarios`);
    const scenarios = (await page.locator('[data-testid=scenario]').allTextContents()).join(' | ');
    expect(scenarios).toMatch(/表 2 成本.*由表 2 模板创建/s);
    expect(scenarios).toMatch(/新情景.*由空白情景创建/s);
    await page.context().close();
  });

  it('reads in English too', async () => {
    const admin = await as('admin@pes.demo', 'en', '/deals/new');
    await expect(admin.locator('h1').textContent()).resolves.toBe('Create a deal');
    await screenshot(admin, 'deal-new-en');
    await admin.context().close();
    const upstream = await as('shiyan@pes.demo', 'en', `/deals/${dealId}/scenarios`);
    await expect(upstream.getByTestId('template-contents').textContent()).resolves.toMatch(/From the deal: years 2011–2020, amounts in ten thousand CNY per year/);
    await screenshot(upstream, 'scenario-new-choices-en');
    await upstream.context().close();
  });

  it('the API: a wrong template name is 400 on the field; a deal one is not in is 404', async () => {
    const upstream = await signInOverHttp('shiyan@pes.demo', demoPassword);
    const wrong = await upstream.json<{ error: { code: string; problems: { field: string; message: string }[] } }>(`/api/v1/deals/${dealId}/scenarios`, 'POST', {
      template: 'table-3',
      name: 'n',
      message: 'm',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.problems).toEqual([expect.objectContaining({ field: 'template' })]);
    const stranger = await signInOverHttp('chengde@pes.demo', demoPassword);
    const missing = await stranger.json(`/api/v1/deals/${dealId}/scenarios`, 'POST', { template: 'paper-table-2', name: 'n', message: 'm' });
    expect(missing.status).toBe(404);
  });
});
