// Issue 17 in Chinese, as the people do it: Shiyan's lab imports a year of monthly samples (a table
// with a sampling-date column, one row a sample, one below the detection limit) through the
// monitoring page; the page shows how many samples the lab took and their mean; the fund settles the
// year on terms that read the share of samples meeting Class III, and the settlement's trace lists the
// samples behind that share. Screenshots at 1366 px in both languages.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../lib/seed/demo-accounts';
import { launch, openAs, screenshot } from './browser';
import { signInOverHttp, type HttpSession } from './http-session';
import { signedShiyanAgreement } from './signed-agreement';

const year = 2024;
// Twelve monthly CODMn samples: nine at or under Class III's 6 mg/L, one censored (<0.5 counts as the limit), three above.
const monthly = ['3.2', '4.1', '<0.5', '5.0', '6.0', '6.4', '7.1', '5.8', '4.4', '6.9', '3.9', '2.8'];
const table = ['年度,指标,数值,单位,实验室,采样日期', ...monthly.map((value, i) => `${year},codmn,${value},mg/L,十堰市环境监测站,${year}-${String(i + 1).padStart(2, '0')}-15`)].join('\r\n');

let browser: Browser;
let upstream: HttpSession;
let downstream: HttpSession;
let dealId: string;
let agreementId: string;

/** Terms on the compliance rate: the pot times the share of the year's samples meeting Class III. */
const complianceTerms = {
  format: 'payment-terms/1',
  name: '高锰酸盐指数达标率考核 2021—2025 年',
  currency: 'CNY',
  unit: 10000,
  from: 2021,
  to: 2025,
  constants: { pot: '1200', class3: '6' },
  indicators: { codmn: 'mg/L' },
  monitoring: { codmn: { labs: 'upstream', frequency: 'monthly', belowLimit: 'limit' } },
  formulas: [
    { name: 'compliance', expr: 'share(codmn <= class3)' },
    { name: 'payment', expr: 'round(pot * compliance, 2)' },
  ],
};

beforeAll(async () => {
  [upstream, downstream] = (await Promise.all(['shiyan@pes.demo', 'beijing@pes.demo'].map((email) => signInOverHttp(email, demoPassword)))) as [HttpSession, HttpSession];
  ({ dealId, agreementId } = await signedShiyanAgreement(upstream, downstream, complianceTerms, [{ from: 2021, to: 2025, amount: '1200' }]));
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

describe('monthly samples, from the lab’s table to the settlement’s trace', () => {
  it('Shiyan’s lab imports twelve dated samples on the monitoring page, and sees their count and mean', async () => {
    const page = await openAs(browser, 'shiyan@pes.demo', demoPassword, 'zh', `/deals/${dealId}/agreements/${agreementId}/monitoring`, { width: 1366, height: 1000 });
    await page.getByTestId('import-file').setInputFiles({ name: '十堰 2024 年逐月监测.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${table}`) });
    // The kit's file picker names the chosen file in the page's language, not the browser's.
    expect(await page.getByText('十堰 2024 年逐月监测.csv').count()).toBe(1);
    await page.getByTestId('import-submit').click();
    const result = page.getByTestId('import-result');
    await result.waitFor();
    // One result: the year's twelve samples of the indicator.
    expect(await result.innerText()).toContain(String(year));
    await page.reload({ waitUntil: 'networkidle' });
    const samples = page.getByTestId('samples-UPSTREAM').first();
    await samples.waitFor();
    await samples.locator('summary').click();
    const listed = await samples.innerText();
    // Twelve samples, their dates as the lab took them, the censored one as written.
    expect(listed).toMatch(/12/);
    expect(listed).toContain('2024-01-15');
    expect(listed).toContain('2024-12-15');
    expect(listed).toContain('<0.5');
    await screenshot(page, 'monitoring-samples-zh');
    await page.context().close();
  });

  it('the fund settles the year on the share of samples meeting Class III, and the trace lists them', async () => {
    for (const language of ['zh', 'en'] as const) {
      const page = await openAs(browser, 'fund@pes.demo', demoPassword, language, `/deals/${dealId}/agreements/${agreementId}/settlements`, { width: 1366, height: 1000 });
      const run = page.getByTestId(`run-${year}`);
      await run.waitFor();
      await run.click();
      const due = page.getByTestId(`due-${year}`);
      await due.waitFor();
      // 9 of 12 samples at or under 6 mg/L (<0.5 counts as 0.5): 1200 × 0.75 = 900 (万元) = 9,000,000 yuan.
      expect((await due.innerText()).replace(/[\s,]/g, '')).toMatch(/9000000\.00|900\.00/);
      const trace = page.getByTestId(`trace-samples-${year}-compliance`);
      await trace.waitFor();
      await trace.locator('summary').first().click();
      const text = await trace.innerText();
      expect(text).toContain('2024-03-15');
      expect(text).toContain('<0.5');
      expect(text).toContain('0.75');
      await screenshot(page, `settlement-samples-${language}`);
      await page.context().close();
    }
  });
});
