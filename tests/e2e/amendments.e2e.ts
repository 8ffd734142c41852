// An amendment of a signed agreement in Chromium: the fund proposes a looser tolerance on the
// agreement page (in Chinese), the upstream signatory signs it in the dialog with their password
// (after a wrong one is refused), the downstream one over HTTP, and the page shows it in force.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../lib/seed/demo-accounts';
import { baseUrl, chooseLanguage, launch, screenshot, signIn } from './browser';
import { signInOverHttp, type HttpSession } from './http-session';
import { must, signAsEveryParty, signedShiyanAgreement } from './signed-agreement';

let browser: Browser;
let page: Page;
let dealId: string;
let agreementId: string;
let upstream: HttpSession;
let downstream: HttpSession;

const agreementPage = () => `${baseUrl()}/deals/${dealId}/agreements/${agreementId}`;
const reason = `双方监测方法不同，允许偏差放宽为均值的 10%（${Date.now().toString(36)}）`;
const mine = () => page.locator('[data-testid="amendment"]', { hasText: reason });

beforeAll(async () => {
  [upstream, downstream] = (await Promise.all(['shiyan@pes.demo', 'beijing@pes.demo'].map((email) => signInOverHttp(email, demoPassword)))) as [HttpSession, HttpSession];
  ({ dealId, agreementId } = await signedShiyanAgreement(upstream, downstream));
  browser = await launch();
  page = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 1000 } })).newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe('an amendment of the signed terms', () => {
  it('is proposed by the fund on the agreement page', async () => {
    await signIn(page, 'fund@pes.demo', demoPassword);
    await page.waitForURL(/\/deals$/);
    await chooseLanguage(page, 'zh');
    await page.goto(agreementPage());
    await page.getByTestId('amendment-indicator').selectOption('codmn');
    await page.getByTestId('amendment-relative').fill('0.1');
    await page.getByTestId('amendment-from').selectOption('2026');
    await page.getByTestId('amendment-reason').fill(reason);
    await page.getByTestId('amendment-submit').click();
    await mine().waitFor();
    await expect(mine().getAttribute('data-status')).resolves.toBe('PENDING');
    await expect(mine().textContent()).resolves.toContain('待签署');
    await screenshot(page, 'amendment-proposed-zh');
  });

  it('is signed by each signatory with their password, then in force', async () => {
    await page.context().clearCookies();
    await signIn(page, 'shiyan@pes.demo', demoPassword);
    await page.waitForURL(/\/deals$/);
    await chooseLanguage(page, 'zh');
    await page.goto(agreementPage());
    await mine().locator('button', { hasText: '签署' }).click();
    await page.getByTestId('amendment-sign-password').fill('not the password at all');
    await page.getByTestId('amendment-sign-submit').click();
    await page.getByTestId('amendment-sign-error').waitFor();
    await screenshot(page, 'amendment-sign-refused-zh');
    await page.getByTestId('amendment-sign-password').fill(demoPassword);
    await page.getByTestId('amendment-sign-submit').click();
    await mine().getByText('您已签署').waitFor();

    const agreement = await must(downstream.json<{ amendments: { id: string; reason: string }[] }>(`/api/v1/deals/${dealId}/agreements/${agreementId}`, 'GET'), 200, 'agreement');
    const amendment = agreement.amendments.find((a) => a.reason === reason)!;
    // The downstream parties' signatories (Beijing and Tianjin) sign over HTTP.
    await signAsEveryParty([downstream], `/api/v1/deals/${dealId}/agreements/${agreementId}/amendments/${amendment.id}/signatures`);

    await page.reload({ waitUntil: 'networkidle' });
    await expect(mine().getAttribute('data-status')).resolves.toBe('SIGNED');
    await expect(mine().textContent()).resolves.toContain('已生效');
    await screenshot(page, 'amendment-in-force-zh');
    await chooseLanguage(page, 'en');
    await page.goto(agreementPage());
    await expect(mine().textContent()).resolves.toContain('In force');
    await screenshot(page, 'amendment-in-force-en');
  });
});
