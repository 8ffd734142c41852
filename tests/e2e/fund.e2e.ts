// The water fund administers a signed agreement in Chromium: imports a year of monitoring data
// (after a table with problems is refused whole), resolves a dispute with the downstream side's
// own result, settles the year, records the payment (after an overpayment is refused), and the
// portfolio dashboard shows it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../lib/seed/demo-accounts';
import { baseUrl, chooseLanguage, launch, screenshot, screenshotDir, signIn } from './browser';
import type { HttpSession } from './http-session';
import { must, signedShiyanAgreement } from './signed-agreement';
import { demoParties } from './demo-deal';
import Decimal from 'decimal.js';
import type { LedgerView } from '../../lib/contracts/fund';

let browser: Browser;
let page: Page;
let dealId: string;
let agreementId: string;
let upstream: HttpSession;
let downstream: HttpSession;
let fund: HttpSession;

const year = 2025;
const reference = `PBOC-${Date.now().toString(36).toUpperCase()}`;
const header = 'year,indicator,value,laboratory,sampledFrom,sampledTo';
const goodTable = [header, ...Object.entries({ codmn: '2.31', nh3n: '0.10', tn: '1.05', tp: '0.026' }).map(([i, v]) => `${year},${i},${v},丹江口水质监测站,${year}-01-08,${year}-12-16`)].join('\n');
const badTable = [header, `${year},cod,"2,31",丹江口水质监测站,${year}-01-08,${year}-12-16`, `${year},tp,n.d.,丹江口水质监测站,${year}-01-08,${year}-12-16`].join('\n');

const administration = (tab: string) => `${baseUrl()}/deals/${dealId}/agreements/${agreementId}/${tab}`;

beforeAll(async () => {
  ({ upstream, downstream, fund } = await demoParties());
  // The agreement this file administers: offered by Shiyan with the two-way terms, accepted and signed by both.
  ({ dealId, agreementId } = await signedShiyanAgreement(upstream, downstream));
  // Beijing's own laboratory measured CODMn higher than the station: a dispute once the fund imports.
  await must(
    downstream.json(`/api/v1/deals/${dealId}/agreements/${agreementId}/monitoring`, 'POST', {
      year,
      indicator: 'codmn',
      value: '2.45',
      laboratory: '北京市水文总站',
      sampledFrom: `${year}-02-01`,
      sampledTo: `${year}-11-30`,
    }),
    201,
    'downstream result',
  );

  browser = await launch();
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 1000 } });
  page = await context.newPage();
  await signIn(page, 'fund@pes.demo', demoPassword);
  await page.waitForURL(/\/deals$/);
  await chooseLanguage(page, 'zh');
});

/** The statement downloaded, kept beside the screenshots and turned into PNG pages (poppler-utils, which CI installs), to be looked at. */
function keepStatement(bytes: Buffer) {
  const dir = screenshotDir;
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'fund-statement.pdf');
  writeFileSync(file, bytes);
  execFileSync('pdftoppm', ['-r', '80', '-png', file, path.join(dir, 'fund-statement')]);
}

afterAll(async () => {
  await browser?.close();
});

describe('the fund API speaks the reader’s language', () => {
  const importPath = () => `/api/v1/deals/${dealId}/agreements/${agreementId}/monitoring/import`;
  const importBadTable = (headers: Record<string, string> = {}) => {
    const form = new FormData();
    form.set('file', new Blob([badTable], { type: 'text/csv' }), 'bad.csv');
    return fund
      .request(importPath(), { method: 'POST', body: form, headers: { Cookie: fund.cookie, ...headers } })
      .then(async (response) => ({ status: response.status, body: (await response.json()) as { error: { message: string; field: string; problems: { field: string; message: string }[] } } }));
  };

  it('answers in English when the request asks for no language, in Chinese when the reader chose it or the browser asks for it', async () => {
    const english = await importBadTable();
    expect(english.status).toBe(400);
    expect(english.body.error.message).toMatch(/^File: the table has 3 problems and nothing was saved: row 2, column B \(indicator\): unknown indicator "cod"/);
    expect(english.body.error.problems[0]).toEqual({ field: 'row 2, column B (indicator)', message: expect.stringContaining('unknown indicator "cod"') });

    const asksForChinese: Record<string, string>[] = [{ Cookie: `${fund.cookie}; NEXT_LOCALE=zh` }, { 'Accept-Language': 'zh-CN,zh;q=0.9,en;q=0.5' }];
    for (const headers of asksForChinese) {
      const chinese = await importBadTable(headers);
      expect(chinese.status).toBe(400);
      expect(chinese.body.error.message).toMatch(/^文件：表格有 3 处问题，未保存任何内容：第 2 行 B 列（指标）：未知指标“cod”/);
      expect(chinese.body.error.field).toBe('file');
      expect(chinese.body.error.problems.map((p) => p.field)).toEqual(['第 2 行 B 列（指标）', '第 2 行 C 列（数值）', '第 3 行 C 列（数值）']);
    }
    // The reader's choice wins over what the browser asks for.
    const chosen = await importBadTable({ Cookie: `${fund.cookie}; NEXT_LOCALE=en`, 'Accept-Language': 'zh-CN' });
    expect(chosen.body.error.message).toContain('unknown indicator "cod"');
  });

  it('gives the validation library’s own messages in Chinese too', async () => {
    const response = await fund.request(`/api/v1/deals/${dealId}/agreements/${agreementId}/monitoring`, {
      method: 'POST',
      headers: { Cookie: `${fund.cookie}; NEXT_LOCALE=zh`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ year, indicator: 'codmn', value: '2.3', laboratory: 'Lab', sampledFrom: `${year}-01-01`, sampledTo: `${year}-01-02`, colour: 'blue' }),
    });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { message: string; problems: { field: string; label?: string; message: string }[] } };
    // zod's own issue in the catalogue's words, the field by its name as sent (it has no label: it is not a field of the request).
    expect(error.problems).toEqual([{ field: 'colour', label: '“colour”', message: '不是此请求的字段' }]);
    expect(error.message).toBe('请求：“colour”：不是此请求的字段');

    // The schema's own messages travel as codes and are rendered in the language of this request.
    const own = await fund.request(`/api/v1/deals/${dealId}/agreements/${agreementId}/monitoring`, {
      method: 'POST',
      headers: { Cookie: `${fund.cookie}; NEXT_LOCALE=zh`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ year: 2025.5, indicator: 'codmn', value: '2,3', laboratory: 'Lab', sampledFrom: `${year}-02-30`, sampledTo: `${year}-01-02` }),
    });
    const refused = ((await own.json()) as { error: { problems: { field: string; message: string }[] } }).error.problems;
    expect(refused).toEqual(
      expect.arrayContaining([
        { field: 'year', label: '年份', message: '必须是整数年份' },
        { field: 'value', label: '数值', message: expect.stringMatching(/^必须是如 2\.31 的十进制数/) },
        { field: 'sampledFrom', label: '采样开始', message: '不是日历上存在的日期' },
      ]),
    );
  });
});

describe('fund pages that parse a query speak the reader’s language', () => {
  it('lists the archive’s invalid filters in Chinese on a Chinese page', async () => {
    const answer = await fund.request('/fund/archive?status=OPEN&fromYear=twenty', { headers: { Cookie: `${fund.cookie}; NEXT_LOCALE=zh` } });
    const html = await answer.text();
    expect(html).toContain('必须是待签署 `DRAFT`、已签署并归档 `ARCHIVED` 或已作废 `VOID`');
    expect(html).toContain('必须是年份');
    expect(html).not.toContain('must be DRAFT');
  });
});

describe('fund administration in Chromium', () => {
  it('refuses a table with problems whole, then imports a year of monitoring data', async () => {
    await page.goto(administration('monitoring'));
    await page.getByTestId('monitoring-year-2025').waitFor();
    await expect(page.getByTestId('cell-2025-codmn').getAttribute('data-state')).resolves.toBe('incomplete');

    await page.getByTestId('import-file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(badTable) });
    await page.getByTestId('import-submit').click();
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    const text = (await problems.textContent())!;
    // The page is in Chinese, and so are the server's reasons.
    expect(text).toContain('第 2 行 B 列（指标）');
    expect(text).toContain('未知指标“cod”');
    expect(text).toContain('第 2 行 C 列（数值）');
    expect(text).toContain('第 3 行 C 列（数值）');
    expect(text).toContain('共 3 处问题');
    expect(text).not.toMatch(/unknown indicator|is not a number/);
    await screenshot(page, 'fund-monitoring-refused-zh');
    const before = await fund.json<{ cells: { state: string }[] }>(`/api/v1/deals/${dealId}/agreements/${agreementId}/monitoring`);
    expect(before.body.cells.filter((c) => c.state !== 'missing')).toHaveLength(1);

    await page.getByTestId('import-file').setInputFiles({ name: 'danjiangkou-2025.csv', mimeType: 'text/csv', buffer: Buffer.from(goodTable) });
    await page.getByTestId('import-submit').click();
    await expect(page.getByTestId('import-result').textContent()).resolves.toMatch(/已导入 4 条结果[\s\S]*2025 高锰酸盐指数/);
    await page.locator('[data-testid="cell-2025-codmn"][data-state="disputed"]').waitFor();
    await expect(page.getByTestId('cell-2025-tp').getAttribute('data-state')).resolves.toBe('single');
    await expect(page.getByTestId('disputed-banner').isVisible()).resolves.toBe(true);
    await screenshot(page, 'fund-monitoring-disputed-zh');
  });

  it('will not settle the disputed year, then resolves the dispute by averaging', async () => {
    const blocked = await fund.json<{ error: { problems: { field: string; message: string }[] } }>(`/api/v1/deals/${dealId}/agreements/${agreementId}/settlements`, 'POST', { year });
    expect(blocked.status).toBe(400);
    expect(blocked.body.error.problems).toEqual([{ field: '2025.codmn', message: expect.stringContaining('Permanganate index (COD_Mn) for 2025 is disputed') }]);

    await page.getByTestId('resolve-2025-codmn').click();
    await page.getByTestId('resolve-method-AVERAGE').check();
    // The browser refuses what the API would, with its message under the field, in the page's language.
    await page.getByTestId('resolve-submit').click();
    const note = page.getByTestId('resolve-note');
    await page.getByText('请说明取平均值的理由').waitFor();
    await expect(note.getAttribute('aria-invalid')).resolves.toBe('true');
    await screenshot(page, 'fund-resolve-refused-zh');
    await note.fill('2026年1月联席会议：双方同意取两家实验室结果的平均值');
    await page.getByTestId('resolve-submit').click();
    await page.locator('[data-testid="cell-2025-codmn"][data-state="resolved"]').waitFor();
    await expect(page.getByTestId('used-2025-codmn').textContent()).resolves.toContain('2.38');
    expect(await page.getByTestId('disputed-banner').count()).toBe(0);

    await chooseLanguage(page, 'en');
    await page.locator('[data-testid="cell-2025-codmn"][data-state="resolved"]').waitFor();
    await expect(page.getByTestId('used-2025-codmn').textContent()).resolves.toContain('Average the results');
    await screenshot(page, 'fund-monitoring-resolved-en');

    // The tolerances are the signed ones, shown but not editable: they change only by an amendment.
    await page.getByTestId('tolerances-panel').getByText('only by an amendment').waitFor();
    await screenshot(page, 'fund-tolerances-en');
  });

  it('settles the year: amount, direction and trace, then confirms it', async () => {
    await page.goto(administration('settlements'));
    const section = page.locator('[data-testid="settlement-year-2025"]');
    await expect(section.getAttribute('data-state')).resolves.toBe('READY');
    await page.getByTestId('run-2025').click();
    await page.locator('[data-testid="settlement-year-2025"][data-state="DRAFT"]').waitFor();
    await expect(page.getByTestId('due-2025').textContent()).resolves.toBe('200,000,000.00 yuan');
    await expect(page.getByTestId('direction-2025').textContent()).resolves.toBe('downstream pays upstream');
    await expect(page.getByTestId('trace-2025').textContent()).resolves.toMatch(/P = 0\.9 \* \(0\.25 \* 2\.38 \/ 2\.6/);
    await screenshot(page, 'fund-settlement-draft-en');

    await expect(page.getByTestId('confirm-2025').isDisabled()).resolves.toBe(true);
    await page.getByTestId('confirm-check-2025').check();
    await page.getByTestId('confirm-2025').click();
    await page.locator('[data-testid="settlement-year-2025"][data-state="CONFIRMED"]').waitFor();
    await page.getByTestId('final-2025').waitFor();
    expect(await page.getByTestId('run-2025').count()).toBe(0);

    await chooseLanguage(page, 'zh');
    await page.locator('[data-testid="settlement-year-2025"][data-state="CONFIRMED"]').waitFor();
    await expect(page.getByTestId('direction-2025').textContent()).resolves.toBe('下游向上游支付');
    // Who pays whom, by organisation, and the one binding balance with its price base.
    await expect(page.getByTestId('transfers-2025').textContent()).resolves.toMatch(/向 .+ 支付 200,000,000\.00 元（/);
    await expect(page.getByTestId('balance-2025').textContent()).resolves.toMatch(/^200,000,000\.00 元（.+）$/);
    await screenshot(page, 'fund-settlement-confirmed-zh');

    // The statement to file: linked from the panel, a PDF for any member of the deal.
    const href = await page.getByTestId('statement-2025').getAttribute('href');
    expect(href).toMatch(new RegExp(`/api/v1/deals/${dealId}/agreements/${agreementId}/settlements/[0-9a-f-]{36}/pdf$`));
    const statement = await page.request.get(`${baseUrl()}${href}`);
    expect(statement.status()).toBe(200);
    expect(statement.headers()['content-type']).toBe('application/pdf');
    const bytes = await statement.body();
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const upstreamCopy = await upstream.request(href!, { headers: { Cookie: upstream.cookie } });
    expect(upstreamCopy.status).toBe(200);
    const stranger = await upstream.request(href!.replace(agreementId, '00000000-0000-4000-8000-000000000000'), { headers: { Cookie: upstream.cookie } });
    expect(stranger.status).toBe(404);
    keepStatement(bytes);

    await chooseLanguage(page, 'en');
    await page.locator('[data-testid="settlement-year-2025"][data-state="CONFIRMED"]').waitFor();
    await expect(page.getByTestId('transfers-2025').textContent()).resolves.toMatch(/pays .+ 200,000,000\.00 yuan \(/);
    await screenshot(page, 'fund-settlement-confirmed-en');
    await chooseLanguage(page, 'zh');
  });

  it('records each organisation’s payment, after refusing one beyond its part without a note', async () => {
    // The demo deal's downstream side is Beijing and Tianjin by allocation: a payment names the
    // organisation that pays, and what it owes is its part of the line (decision 0110).
    const ledger = await must(fund.json<LedgerView>(`/api/v1/deals/${dealId}/agreements/${agreementId}/ledger`), 200, 'ledger');
    const [beijing, tianjin] = ledger.payers!.find((p) => p.funder === 'DOWNSTREAM')!.parties;
    const partOf = (id: string | null) => ledger.byParty.find((p) => p.year === year && p.role === 'pays' && p.funder === 'DOWNSTREAM' && p.id === id)!.settled!;
    const beijingPart = partOf(beijing!.id);
    const over = new Decimal(beijingPart).plus('0.01').toFixed(2);
    await page.goto(administration('ledger'));
    await page.getByTestId('payment-year').selectOption(String(year));
    await page.getByTestId('payment-funder').selectOption('DOWNSTREAM');
    await page.getByTestId('payment-party').selectOption(beijing!.id!);
    await page.getByTestId('payment-amount').fill(over);
    await page.getByTestId('payment-date').fill('2026-03-18');
    await page.getByTestId('payment-reference').fill(reference);
    await page.getByTestId('payment-submit').click();
    await expect(page.getByTestId('payment-problems').textContent()).resolves.toContain(`${over} 比该方向的未结清余额（${beijingPart}）多 0.01`);
    expect(await page.getByTestId('payment-row').count()).toBe(0);

    await page.getByTestId('payment-amount').fill(beijingPart);
    await page.getByTestId('payment-submit').click();
    await page.getByTestId('payment-saved').waitFor();
    await page.getByTestId('payment-row').first().waitFor();
    await expect(page.getByTestId('payment-row').first().textContent()).resolves.toContain(reference);
    await expect(page.getByTestId('payment-organisation').first().textContent()).resolves.toBe(beijing!.nameZh);
    // Tianjin pays its part the same day; the line is then settled in full.
    await must(
      fund.json(`/api/v1/deals/${dealId}/agreements/${agreementId}/payments`, 'POST', {
        year,
        funder: 'DOWNSTREAM',
        party: tianjin!.id,
        direction: 'TO_UPSTREAM',
        amount: partOf(tianjin!.id),
        paidOn: '2026-03-18',
        reference: `${reference}-TJ`,
      }),
      201,
      'Tianjin pays',
    );
    await page.reload({ waitUntil: 'networkidle' });
    await expect(page.getByTestId('outstanding-2025-DOWNSTREAM').textContent()).resolves.toBe('0.00');
    await expect(page.getByTestId('party-outstanding').allTextContents()).resolves.toContain('0.00');
    await page.getByTestId('ledger-chart').locator('svg').waitFor();
    await expect(page.getByTestId('ledger-advances').textContent()).resolves.toContain('2025');

    // A mistaken advance, corrected by reversal in the dialog: the two rows linked, the year netted to nothing.
    const mistaken = `${reference}-DUP`;
    await must(
      fund.json(`/api/v1/deals/${dealId}/agreements/${agreementId}/payments`, 'POST', {
        year: year + 1,
        funder: 'DOWNSTREAM',
        party: beijing!.id,
        direction: 'TO_UPSTREAM',
        amount: '1000.00',
        paidOn: '2026-03-19',
        reference: mistaken,
      }),
      201,
      'mistaken advance',
    );
    await page.reload({ waitUntil: 'networkidle' });
    const row = page.getByTestId('payment-row').filter({ hasText: mistaken }).first();
    await row.getByRole('button').click();
    await page.getByTestId('reverse-dialog').waitFor();
    await page.getByTestId('reverse-submit').click();
    // No reason, no reversal: the field says so in the reader's language.
    await page.getByTestId('reverse-dialog').locator('[data-field-error]').waitFor();
    await expect(page.getByTestId('reverse-reason').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByTestId('reverse-reason').fill('同一笔转账录入了两次');
    await page.getByTestId('reverse-date').fill('2026-03-20');
    await page.getByTestId('reverse-submit').click();
    await page.getByTestId('payment-reverses').first().waitFor();
    await expect(page.getByTestId('payment-reverses').first().textContent()).resolves.toContain('同一笔转账录入了两次');
    await expect(page.getByTestId('payment-reversed').first().textContent()).resolves.toContain('2026-03-20');
    await screenshot(page, 'fund-ledger-zh');
    await chooseLanguage(page, 'en');
    await page.getByTestId('ledger-chart').locator('svg').waitFor();
    await screenshot(page, 'fund-ledger-en');
    await chooseLanguage(page, 'zh');

    const csv = await page.request.get(`${baseUrl()}/api/v1/deals/${dealId}/agreements/${agreementId}/ledger?format=csv`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain(`shiyan-2003-2050,`);
  });

  it('shows it on the portfolio dashboard and in the archive', async () => {
    await page.goto(`${baseUrl()}/fund`);
    const row = page.locator(`[data-testid="portfolio-row"][data-agreement-id="${agreementId}"]`);
    await expect(row.getByTestId('portfolio-paid').textContent()).resolves.toBe('200,000,000.00');
    await expect(page.getByTestId('portfolio-payments').textContent()).resolves.toContain(reference);
    await page.getByTestId('echart-money').locator('svg').waitFor();
    await page.getByTestId('echart-payments').locator('svg').waitFor();
    await expect(page.getByTestId('portfolio-results').textContent()).resolves.toContain('2.38');
    await screenshot(page, 'fund-dashboard-zh');

    await chooseLanguage(page, 'en');
    await page.getByTestId('echart-quality').locator('svg').waitFor();
    await expect(page.getByTestId('portfolio-payments').textContent()).resolves.toContain(reference);
    await screenshot(page, 'fund-dashboard-en');

    await page.goto(`${baseUrl()}/fund/archive?party=${encodeURIComponent('Shiyan')}`);
    const archived = page.locator(`[data-testid="archive-row"][data-agreement-id="${agreementId}"]`);
    await expect(archived.getByTestId('archive-hash').getAttribute('data-verified')).resolves.toBe('true');
    expect(await page.getByTestId('archive-hash-alert').count()).toBe(0);
    await screenshot(page, 'fund-archive-en');
    await chooseLanguage(page, 'zh');
  });
});
