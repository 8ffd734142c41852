import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../lib/seed/demo-accounts';
import { baseUrl, launch, openAs, screenshot } from './browser';
import { signInOverHttp } from './http-session';
import { fillDealBasics } from './new-deal-form';

// Issue 14's journey, in Chinese and only as people do it in the browser, with no file anywhere:
// a platform administrator opens an empty deal on /deals/new with both sides as members; upstream
// starts from the paper's Table 2 and fills it in, downstream starts blank and states its
// benefits; the zone between the two is shown; upstream offers on the model's schedule,
// downstream counters with a message, upstream accepts after the confirmation, and both sign.
// The deal is this file's own (2011–2020, 万元, catch-up from 2014), so the numbers are known:
//   upstream C_f 500 万元/年 in 2011–2013 and 1 000 万元/年 in 2014–2020, α_ED = 0.4 (the share that
//   stays upstream, eq. 7) → lower bound 300 / 600 万元/年;
//   back-pay annuity (eq. 8, i_s 3 %, T = 3, T0 = 7) = 0.160506 × 300 × (1.03³ + 1.03² + 1.03) = 153.30,
//   so the model pays nothing in 2011–2013 and 753.30 万元/年 in 2014–2020;
//   downstream benefit 800 / 1 200 万元/年 → upper bound 800 / 1 200; Nash at w = 0.5: 550 / 900.

let browser: Browser;
const wide = { width: 1366, height: 1000 };
const shots = '/tmp/shots-journey';
const stamp = Date.now().toString(36);
const slug = `journey-${stamp}`;
const dealName = `丹江口库区生态补偿 ${stamp}`;
const upstreamName = `十堰 表 2 成本 ${stamp}`;
const downstreamName = `北京 受益估算 ${stamp}`;
let dealId = '';
let offerNumber = '';
let agreementPath = '';

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const as = (email: string, urlPath: string) => openAs(browser, email, demoPassword, 'zh', urlPath, wide);

/** Each step as the reviewer looks at it, full page at 1366 px. */
async function shot(page: Page, name: string) {
  await screenshot(page, `journey-${name}`);
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

/** One part of the page, where a full-page picture would be too small to read. */
async function shotOf(page: Page, testId: string, name: string) {
  await page
    .locator(`[data-testid=${testId}]:visible`)
    .first()
    .screenshot({ path: path.join(shots, `${name}.png`) });
}

/** Saves the edited version and waits for the new one's page (the old one's URL also ends in ?saved=1). */
async function saveVersion(page: Page) {
  const before = page.url();
  await page.getByTestId('save-version').click();
  await page.waitForURL((url) => url.toString() !== before && url.search === '?saved=1');
}

/** Types into a cell of the editor as a person does: click, type (replacing what it held), Tab. */
async function typeCell(page: Page, testId: string, value: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(value);
  await page.keyboard.press('Tab');
}

describe.sequential('from an empty deal to a signed agreement, in Chinese, without a file', () => {
  it('1. a platform administrator creates the deal on /deals/new with an upstream and a downstream official', async () => {
    const page = await as('admin@pes.demo', '/deals');
    await page.getByTestId('create-deal').click();
    await page.waitForURL(/\/deals\/new$/);
    await fillDealBasics(page, { nameZh: dealName, name: `Danjiangkou reservoir PES ${stamp}`, watershedZh: '汉江丹江口库区', watershed: 'Danjiangkou reservoir, Han River', slug });
    await page.getByTestId('add-period').click();
    await page.getByTestId('period-0-to').fill('2013');
    await page.getByTestId('add-period').click();
    await expect(page.getByTestId('period-1-from').inputValue()).resolves.toBe('2014');
    await page.getByTestId('period-1-to').fill('2020');
    // A slip the administrator corrects on the members page once the deal exists (decision 0083).
    await page.getByTestId('period-1-label').fill('追溯期');
    for (const [i, email, side] of [
      [0, 'shiyan@pes.demo', 'UPSTREAM'],
      [1, 'beijing@pes.demo', 'DOWNSTREAM'],
    ] as const) {
      await page.getByTestId('add-member').click();
      await page.getByTestId(`member-${i}-email`).fill(email);
      await page.getByTestId(`member-${i}-side`).selectOption(side);
      await page.getByTestId(`member-${i}-canEdit`).check();
      await page.getByTestId(`member-${i}-canSign`).check();
    }
    await shot(page, '01-deal-new');
    await page.getByTestId('create-deal-submit').click();
    await page.waitForURL(/\/deals\/[0-9a-f-]{36}$/);
    dealId = page.url().split('/').at(-1)!;
    await expect(page.getByTestId('deal-title').textContent()).resolves.toBe(dealName);
    await expect(page.getByTestId('deal-periods').textContent()).resolves.toBe('时段：2011–2013、追溯期');
    const members = (await page.getByTestId('members').textContent()) ?? '';
    expect(members).toMatch(/上游.*李伟/s);
    expect(members).toMatch(/下游.*陈静/s);
    await expect(page.locator('main').textContent()).resolves.toContain('尚无情景');
    await shot(page, '02-deal-created');

    // No scenario yet: the periods can still be corrected, on the page where the deal is managed.
    await page.goto(`${baseUrl()}/deals/${dealId}/members`);
    const periods = page.getByTestId('deal-periods-form');
    // The stored label appears once the form has hydrated (react-hook-form fills its inputs on mount).
    await expect.poll(() => page.getByTestId('period-1-label').inputValue(), { timeout: 20_000 }).toBe('追溯期');
    await page.getByTestId('period-1-label').fill('追溯补偿期');
    await page.getByTestId('save-deal-periods').click();
    await page.getByTestId('deal-periods-saved').waitFor();
    await shotOf(page, 'deal-periods-form', '02b-deal-periods-form');
    await expect(periods.textContent()).resolves.toContain('在任何一方保存第一个情景版本之前，时段都可以修改');
    await page.goto(`${baseUrl()}/deals/${dealId}`);
    await expect(page.getByTestId('deal-periods').textContent()).resolves.toBe('时段：2011–2013、追溯补偿期');
    await page.context().close();
  });

  it('2. the upstream official starts from the paper’s Table 2, fills in costs, α and the payment settings, and saves', async () => {
    const page = await as('shiyan@pes.demo', `/deals/${dealId}/scenarios`);
    const form = page.getByTestId('new-scenario');
    await expect(form.getByRole('button', { name: '论文表 2 模板' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.getByTestId('template-contents').textContent()).resolves.toMatch(/年份 2011—2020，金额单位 万元\/年，2010 年不变价，时段 2011–2013、追溯补偿期/);
    await page.getByTestId('new-scenario-name').fill(upstreamName);
    await page.getByTestId('new-scenario-create').click();
    await page.waitForURL(/\/versions\/[0-9a-f-]+\?saved=1$/);
    await expect(page.getByTestId('version-title').textContent()).resolves.toBe(`${upstreamName} · 第 1 版`);

    await page.getByTestId('edit-version').click();
    await expect(page.getByTestId('unit-caption').textContent()).resolves.toMatch(/万元.*2010 年不变价/);
    // C_f is the first line of Table 2; both periods, then α of its group (ED) in both.
    await typeCell(page, 'cell-costs-0-0', '500');
    await typeCell(page, 'cell-costs-0-1', '1000');
    await typeCell(page, 'alpha-ED-0', '0.4');
    await typeCell(page, 'alpha-ED-1', '0.4');
    await typeCell(page, 'field-paymentStartYear', '2014');
    await typeCell(page, 'field-catchUpYears', '7');
    await typeCell(page, 'field-discountRate', '0.03');
    await expect(page.getByTestId('total-costs-0').textContent()).resolves.toBe('500');
    await expect(page.getByTestId('total-costs-1').textContent()).resolves.toBe('1,000');
    await page.fill('#version-message', '按论文表 2 填入林业建设成本和补偿设定');
    await expect(page.getByTestId('invalid-cell').count()).resolves.toBe(0);
    await shot(page, '03-upstream-editing');
    await shotOf(page, 'results-panel', '03b-upstream-results');
    await saveVersion(page);
    await expect(page.getByTestId('version-title').textContent()).resolves.toBe(`${upstreamName} · 第 2 版`);
    await expect(page.getByTestId('template-to-fill').count()).resolves.toBe(0);
    const results = (await page.getByTestId('results-periods').textContent()) ?? '';
    expect(results).toMatch(/2011–2013\s*300\.00/);
    expect(results).toMatch(/追溯补偿期\s*600\.00/);
    await shot(page, '04-upstream-saved');
    await page.context().close();
  });

  it('3. the downstream official starts blank, states its benefits (an upper bound of its own) and saves', async () => {
    const page = await as('beijing@pes.demo', `/deals/${dealId}/scenarios`);
    await page.getByTestId('start-blank').click();
    await expect(page.getByTestId('template-contents').textContent()).resolves.toMatch(/没有任何明细/);
    await page.getByTestId('new-scenario-name').fill(downstreamName);
    await page.getByTestId('new-scenario-create').click();
    await page.waitForURL(/\/versions\/[0-9a-f-]+\?saved=1$/);
    await expect(page.getByTestId('version-title').textContent()).resolves.toBe(`${downstreamName} · 第 1 版`);

    await page.getByTestId('edit-version').click();
    const benefits = page.getByTestId('items-benefits');
    await benefits.getByRole('button', { name: /添加/ }).click();
    const label = benefits.locator('tbody input[data-nav-col="0"]').first();
    await label.click();
    await page.keyboard.type('避免的水处理成本');
    await page.keyboard.press('Tab');
    await typeCell(page, 'cell-benefits-0-0', '800');
    await typeCell(page, 'cell-benefits-0-1', '1200');
    await expect(page.getByTestId('total-benefits-1').textContent()).resolves.toBe('1,200');
    await page.fill('#version-message', '下游受益：避免的水处理成本');
    await shot(page, '05-downstream-editing');
    await saveVersion(page);
    await expect(page.getByTestId('version-title').textContent()).resolves.toBe(`${downstreamName} · 第 2 版`);
    await expect(page.locator('main').textContent()).resolves.toContain('避免的水处理成本');
    // Downstream stated no cost: no lower bound and no payment of its own, "—" and not 0 (decision 0046).
    const results = page.getByTestId('results-periods');
    await expect(results.textContent()).resolves.toMatch(/追溯补偿期\s*—\s*1,200\.00\s*—/);
    await expect(page.getByTestId('lower-not-stated').textContent()).resolves.toContain('未给出补偿下限');
    await shot(page, '06-downstream-saved');
    await shotOf(page, 'results-panel', '06b-downstream-results');
    await page.context().close();
  });

  it('4. the zone between the two sides: upstream’s lower bound, downstream’s upper bound, the Nash suggestion', async () => {
    const page = await as('beijing@pes.demo', `/deals/${dealId}/negotiation`);
    await expect(page.getByTestId('view-pair').getAttribute('aria-selected')).resolves.toBe('true');
    const versions = (await page.getByTestId('pair-versions').textContent()) ?? '';
    expect(versions).toContain(upstreamName);
    expect(versions).toContain(downstreamName);
    await expect(page.getByTestId('pair-units').textContent()).resolves.toContain('万元');
    await expect(page.getByTestId('pair-lower-2014-2020').textContent()).resolves.toBe('600.00');
    await expect(page.getByTestId('pair-upper-2014-2020').textContent()).resolves.toBe('1,200.00');
    await expect(page.getByTestId('pair-suggested-2014-2020').textContent()).resolves.toBe('900.00');
    await expect(page.getByTestId('pair-lower-2011-2013').textContent()).resolves.toBe('300.00');
    await expect(page.getByTestId('pair-upper-2011-2013').textContent()).resolves.toBe('800.00');
    await page.getByTestId('pair-chart').locator('svg path').first().waitFor({ state: 'attached' });
    await shot(page, '07-zone');

    // The picker: upstream's v1, the template nobody had filled in yet, has no lower bound to speak of.
    const lower = page.getByTestId('pair-lower');
    await expect(lower.locator('option:checked').textContent()).resolves.toMatch(new RegExp(`^${upstreamName} · 第 2 版`));
    const v1 = await lower.locator('option', { hasText: `${upstreamName} · 第 1 版` }).getAttribute('value');
    await lower.selectOption(v1!);
    await page.waitForURL(new RegExp(`lower=${v1}`));
    await expect(page.getByTestId('pair-lower-2014-2020').textContent()).resolves.toBe('0.00');
    await expect(page.getByTestId('pair-upper-2014-2020').textContent()).resolves.toBe('1,200.00');
    await page.context().close();
  }, 120_000);

  it('4b. with a version on each side the deal’s periods are fixed, and the members page says why', async () => {
    const admin = await as('admin@pes.demo', `/deals/${dealId}/members`);
    await expect(admin.getByTestId('deal-periods-fixed').textContent()).resolves.toContain('已有情景版本采用了项目的时段');
    await expect(admin.getByTestId('save-deal-periods').count()).resolves.toBe(0);
    await admin.context().close();
  });

  it('5. upstream sends an offer on the model’s schedule: nothing before 2014, the lower bound plus the annuity in the catch-up years', async () => {
    const page = await as('shiyan@pes.demo', `/deals/${dealId}/offers`);
    await page.getByTestId('new-offer').click();
    const version = page.getByTestId('offer-version');
    await expect(version.locator('option:checked').textContent()).resolves.toContain(upstreamName);
    await page.getByTestId('fill-model').click();
    await expect(page.getByTestId('offer-from-0').inputValue()).resolves.toBe('2014');
    await expect(page.getByTestId('offer-to-0').inputValue()).resolves.toBe('2020');
    // 600 + 153.30 万元 a year.
    expect(Number((await page.getByTestId('offer-amount-0').inputValue()).replace(/,/g, ''))).toBeCloseTo(753.3, 1);
    const composer = page.getByTestId('composer');
    await expect(composer.getByTestId('flag-below').count()).resolves.toBe(0);
    await expect(composer.getByTestId('present-value').textContent()).resolves.toMatch(/i_s = 3(\.0+)?% 折现到 2014 年/);
    await page.getByTestId('offer-message').fill('按模型测算：2014—2020 年每年为下限加追溯补偿年金');
    await shot(page, '08-offer-composer');
    await shotOf(page, 'composer', '08b-offer-composer');
    await page.getByTestId('send-offer').click();
    await composer.waitFor({ state: 'detached' });
    const card = page.getByTestId('offer').first();
    await expect.poll(() => card.getByTestId('offer-status').textContent(), { timeout: 20_000 }).toBe('待答复');
    offerNumber = (await card.getAttribute('data-offer-number'))!;
    await expect(card.getByTestId('offer-schedule').textContent()).resolves.toMatch(/2014–2020.*753\.3\d? 万元/s);
    await expect(card.getByTestId('flag-below').count()).resolves.toBe(0);
    await shot(page, '09-offer-sent');
    await page.context().close();
  });

  it('6. downstream reads the offer and counters with a lower amount and a message', async () => {
    const page = await as('beijing@pes.demo', `/deals/${dealId}/offers`);
    const card = page.locator(`[data-testid=offer][data-offer-number="${offerNumber}"]`);
    await expect(card.getByTestId('offer-message-text').textContent()).resolves.toContain('下限加追溯补偿年金');
    await card.getByTestId('counter').click();
    const composer = page.getByTestId('composer');
    await composer.waitFor();
    // The annuity at 2 %: 600 + 0.154512 × 936.48 = 744.70, rounded up.
    await page.getByTestId('offer-amount-0').fill('745');
    await page.getByTestId('offer-message').fill('同意按模型的时段安排，但追溯补偿年金按 2% 计，每年 745 万元');
    await shot(page, '10-counter-composer');
    await page.getByTestId('send-offer').click();
    await composer.waitFor({ state: 'detached' });
    await expect.poll(() => card.getByTestId('offer-status').textContent(), { timeout: 20_000 }).toBe('已还价');
    const counter = page.getByTestId('offer').first();
    await expect(counter.getByTestId('offer-message-text').textContent()).resolves.toContain('每年 745 万元');
    await expect(counter.getByTestId('offer-schedule').textContent()).resolves.toMatch(/2014–2020.*745(\.00)? 万元/s);
    await shot(page, '11-counter-sent');
    await page.context().close();
  });

  it('7. upstream accepts the counter after the confirmation with the whole schedule and its total, and lands on the agreement', async () => {
    const page = await as('shiyan@pes.demo', `/deals/${dealId}/offers`);
    const counter = page.getByTestId('offer').first();
    await expect(counter.getByTestId('offer-message-text').textContent()).resolves.toContain('每年 745 万元');
    await counter.getByTestId('accept').click();
    const dialog = counter.getByTestId('accept-dialog');
    await dialog.waitFor();
    await expect(dialog.getByTestId('accept-schedule').textContent()).resolves.toMatch(/2014–2020/);
    // 7 years × 745 万元.
    await expect(dialog.getByTestId('accept-schedule-total').textContent()).resolves.toMatch(/5,215(\.00)? 万元/);
    await expect(counter.getByTestId('offer-status').textContent()).resolves.toBe('待答复');
    await shot(page, '12-accept-dialog');
    await shotOf(page, 'accept-dialog', '12b-accept-dialog');
    await dialog.getByTestId('accept-dialog-confirm').click();
    await page.waitForURL(/\/agreements\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    agreementPath = new URL(page.url()).pathname;
    await expect(page.getByTestId('agreement-status').getAttribute('data-status')).resolves.toBe('DRAFT');
    await expect(page.getByTestId('schedule').textContent()).resolves.toMatch(/2014–2020/);
    await shot(page, '13-agreement-draft');
    await page.context().close();
  });

  it('8. both parties sign with their passwords: a wrong one is refused, the second signature archives the agreement', async () => {
    const upstream = await as('shiyan@pes.demo', agreementPath);
    await upstream.getByTestId('sign-password').fill('not-the-password');
    await upstream.getByTestId('sign-submit').click();
    await expect(upstream.getByTestId('sign-error').textContent()).resolves.toContain('密码不正确');
    await upstream.getByTestId('sign-password').fill(demoPassword);
    await upstream.getByTestId('sign-submit').click();
    await upstream.getByTestId('you-signed').waitFor();
    await expect(upstream.getByTestId('signatories').locator('[data-signed=yes]').count()).resolves.toBe(1);
    await shot(upstream, '14-upstream-signed');
    await upstream.context().close();

    const downstream = await as('beijing@pes.demo', agreementPath);
    await downstream.getByTestId('sign-password').fill(demoPassword);
    await downstream.getByTestId('sign-submit').click();
    await downstream.locator('[data-testid=agreement-status][data-status=ARCHIVED]').waitFor();
    await expect(downstream.getByTestId('signatories').locator('[data-signed=yes]').count()).resolves.toBe(2);
    await expect(downstream.getByTestId('hash').getAttribute('data-verified')).resolves.toBe('true');
    await expect(downstream.getByTestId('agreement-status').textContent()).resolves.toContain('已签署并归档');
    await shot(downstream, '15-agreement-archived');
    await downstream.context().close();

    const api = await signInOverHttp('shiyan@pes.demo', demoPassword);
    const fetched = await api.json<{ status: string; signatures: { given: number; required: number } }>(`/api/v1${agreementPath}`);
    expect(fetched.body).toMatchObject({ status: 'ARCHIVED', signatures: { given: 2, required: 2 } });
  });
});
