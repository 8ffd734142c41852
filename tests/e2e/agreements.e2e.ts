import { createHash } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoPassword } from '../../lib/seed/demo-accounts';
import { baseUrl, openAs, screenshot } from './browser';
import { signInOverHttp, type HttpSession } from './http-session';
import { demoParties, onDemoDeal } from './demo-deal';
import { must, tianjinEmail } from './signed-agreement';

type Offer = { id: string; status: string; agreementId?: string };
type Agreement = {
  id: string;
  status: string;
  hash: string | null;
  hashVerified: boolean | null;
  signatures: { given: number; required: number };
  signatories: { email: string; signedAt: string | null }[];
};

let browser: Browser;
let dealId: string;
let versionId: string;
let upstream: HttpSession;
let downstream: HttpSession;
let agreementId: string;

onDemoDeal(async (demo) => {
  ({ browser, dealId } = demo);
  // Whatever other files saved meanwhile: the newest upstream version is as good as any.
  versionId = await demo.latestVersion('UPSTREAM');
  ({ upstream, downstream } = await demoParties());
});

function open(email: string, language: 'zh' | 'en', path: string): Promise<Page> {
  return openAs(browser, email, demoPassword, language, path);
}

const validUntil = () => new Date(Date.now() + 14 * 86_400_000).toISOString();
const agreementPath = () => `/deals/${dealId}/agreements/${agreementId}`;

describe('agreements in Chromium', () => {
  it('drafts the agreement when upstream accepts downstream’s counter-offer', async () => {
    const sent = await upstream.json<Offer>(`/api/v1/deals/${dealId}/offers`, 'POST', { versionId, schedule: [{ from: 2021, to: 2030, amount: '6000000' }], validUntil: validUntil() });
    expect(sent.status).toBe(201);
    const counter = await downstream.json<Offer>(`/api/v1/deals/${dealId}/offers`, 'POST', {
      versionId,
      schedule: [
        { from: 2021, to: 2025, amount: '5800000' },
        { from: 2026, to: 2030, pricePerM3: '0.62', volume: '9500000000' },
      ],
      terms: {
        format: 'payment-terms/1',
        name: '断面水质考核 2021–2030',
        currency: 'CNY',
        unit: 1000,
        from: 2021,
        to: 2030,
        constants: { c0: '2.6' },
        indicators: { codmn: 'mg/L' },
        formulas: [{ name: 'payment', expr: 'codmn <= c0 ? scheduled : 0' }],
      },
      validUntil: validUntil(),
      answersOfferId: sent.body.id,
    });
    expect(counter.status, JSON.stringify(counter.body)).toBe(201);
    const accepted = await upstream.json<Offer>(`/api/v1/deals/${dealId}/offers/${counter.body.id}`, 'POST', { move: 'accept' });
    expect(accepted.body).toMatchObject({ status: 'ACCEPTED', agreementId: expect.any(String) });
    agreementId = accepted.body.agreementId!;
    const draft = await downstream.json<Agreement>(`/api/v1/deals/${dealId}/agreements/${agreementId}`);
    // Every party's signatory signs: Shiyan upstream, Beijing and Tianjin downstream (the deal's parties, lib/seed).
    expect(draft.body).toMatchObject({ status: 'DRAFT', hash: null, hashVerified: null, signatures: { given: 0, required: 3 } });
    expect(draft.body.signatories.map((s) => s.email).sort()).toEqual(['beijing@pes.demo', 'shiyan@pes.demo', tianjinEmail]);
  });

  it('lets the upstream official sign by re-entering the password, after refusing a wrong one', async () => {
    const page = await open('shiyan@pes.demo', 'zh', agreementPath());
    await expect(page.getByTestId('agreement-status').getAttribute('data-status')).resolves.toBe('DRAFT');
    await expect(page.getByTestId('schedule').textContent()).resolves.toMatch(/2026–2030/);
    await expect(page.getByTestId('terms').textContent()).resolves.toContain('断面水质考核');
    expect(await page.getByTestId('version-link').getAttribute('href')).toBe(`/deals/${dealId}/versions/${versionId}`);
    await screenshot(page, 'agreement-awaiting-signatures-zh');

    await page.getByTestId('sign-password').fill('not-the-password');
    await page.getByTestId('sign-submit').click();
    await expect(page.getByTestId('sign-error').textContent()).resolves.toContain('密码不正确');
    expect((await downstream.json<Agreement>(`/api/v1/deals/${dealId}/agreements/${agreementId}`)).body.signatures.given).toBe(0);

    await page.getByTestId('sign-password').fill(demoPassword);
    await page.getByTestId('sign-submit').click();
    await page.getByTestId('you-signed').waitFor();
    await expect(page.getByTestId('signatories').locator('[data-signed=yes]').count()).resolves.toBe(1);
    await expect(page.getByTestId('agreement-status').getAttribute('data-status')).resolves.toBe('DRAFT');
    expect(await page.getByTestId('sign-form').count()).toBe(0);
    await page.context().close();
  });

  it('archives the agreement when the downstream signatory signs last, with the hash verified', async () => {
    // Tianjin's signatory signs first, over HTTP: Beijing's in the browser is the last one.
    await must(
      signInOverHttp(tianjinEmail, demoPassword).then((tianjin) => tianjin.json(`/api/v1/deals/${dealId}/agreements/${agreementId}/signatures`, 'POST', { password: demoPassword })),
      201,
      'Tianjin signs',
    );
    const page = await open('beijing@pes.demo', 'en', agreementPath());
    await page.getByTestId('sign-password').fill(demoPassword);
    await page.getByTestId('sign-submit').click();
    await page.locator('[data-testid=agreement-status][data-status=ARCHIVED]').waitFor();
    await expect(page.getByTestId('hash').getAttribute('data-verified')).resolves.toBe('true');
    await expect(page.getByTestId('hash-value').textContent()).resolves.toMatch(/^[0-9a-f]{64}$/);
    await expect(page.getByTestId('signatories').locator('[data-signed=yes]').count()).resolves.toBe(3);
    await expect(page.getByTestId('audit').textContent()).resolves.toContain('Agreement fully signed and archived');
    await screenshot(page, 'agreement-archived-en');
    await page.context().close();
  });

  it('shows the fund administrator the archived agreement, hash verified, and the PDF', async () => {
    const page = await open('fund@pes.demo', 'zh', `/deals/${dealId}/agreements`);
    const row = page.locator(`[data-testid=agreement-row][data-agreement-id="${agreementId}"]`);
    await expect(row.textContent()).resolves.toMatch(/已签署并归档[\s\S]*已核验/);
    await screenshot(page, 'agreements-list-zh');
    await row.getByRole('link').click();
    await page.waitForURL(new RegExp(`${agreementPath()}$`));
    await expect(page.getByTestId('hash').getAttribute('data-verified')).resolves.toBe('true');
    await expect(page.getByTestId('hash').textContent()).resolves.toContain('已核验');
    expect(await page.getByTestId('hash-mismatch').count()).toBe(0);
    expect(await page.getByTestId('sign-form').count()).toBe(0);
    const hash = (await page.getByTestId('hash-value').textContent())!;
    await screenshot(page, 'agreement-archived-zh');

    const href = (await page.getByTestId('pdf-link').getAttribute('href'))!;
    const pdf = await page.request.get(`${baseUrl()}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(pdf.headers()['content-disposition']).toMatch(/^attachment; filename\*=UTF-8''agreement-shiyan-2003-2050-\d+\.pdf$/);
    expect(pdf.headers()['x-agreement-hash']).toBe(hash);
    const bytes = Buffer.from(await pdf.body());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = bytes.toString('latin1');
    expect(raw).toContain('/FontFile2');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/);
    expect(raw).toContain(`sha256:${hash}`);
    // The canonical JSON hashes to the same digest outside the platform (docs/agreement-hash.md).
    const canonical = await page.request.get(`${baseUrl()}${(await page.getByTestId('canonical-link').getAttribute('href'))!}`);
    expect(canonical.status()).toBe(200);
    expect(
      createHash('sha256')
        .update(Buffer.from(await canonical.body()))
        .digest('hex'),
    ).toBe(hash);
    await page.context().close();
  });

  it('refuses a second signature and any signature by a member without the sign right', async () => {
    const again = await upstream.json<{ error: { code: string } }>(`/api/v1/deals/${dealId}/agreements/${agreementId}/signatures`, 'POST', { password: demoPassword });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    const fund = await signInOverHttp('fund@pes.demo', demoPassword);
    const byFund = await fund.json<{ error: { code: string; message: string } }>(`/api/v1/deals/${dealId}/agreements/${agreementId}/signatures`, 'POST', { password: demoPassword });
    expect(byFund).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(byFund.body.error.message).toContain('"sign"');
    const fetched = await fund.json<Agreement>(`/api/v1/deals/${dealId}/agreements/${agreementId}`);
    expect(fetched.body).toMatchObject({ status: 'ARCHIVED', hashVerified: true });
  });
});
