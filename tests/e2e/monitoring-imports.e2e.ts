// A lab imports a table with Chinese headers, a result below the detection limit and dates as
// labs write them; the file is kept and downloads as it was sent, inertly, to its side and the fund
// only; the template speaks the reader's language and states the units. Screenshots of the
// monitoring page at 1366 px in both languages.
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../lib/seed/demo-accounts';
import { launch, openAs, screenshot, screenshotDir } from './browser';
import type { HttpSession } from './http-session';
import { signedShiyanAgreement } from './signed-agreement';
import { demoParties } from './demo-deal';

let browser: Browser;
let upstream: HttpSession;
let downstream: HttpSession;
let fund: HttpSession;
let dealId: string;
let agreementId: string;
let importId: string;

const year = 2024;
const table = [
  '年度,指标,数值,单位,实验室,采样起,采样止',
  `${year},tp,<0.025,mg/L,十堰市环境监测站,${year}/1/8,${year}/12/16`,
  `${year},codmn,2.31,mg/L,十堰市环境监测站,${year}-1-8,${year}-12-16`,
].join('\r\n');
const base = () => `/api/v1/deals/${dealId}/agreements/${agreementId}/monitoring`;

beforeAll(async () => {
  ({ upstream, downstream, fund } = await demoParties());
  ({ dealId, agreementId } = await signedShiyanAgreement(upstream, downstream));
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

describe('a kept monitoring import', () => {
  it('imports Chinese headers, a censored result and dates as 2024/1/8', async () => {
    const form = new FormData();
    form.set('file', new Blob([`\uFEFF${table}`], { type: 'text/csv' }), '十堰 2024 年监测.csv');
    const response = await upstream.request(`${base()}/import`, { method: 'POST', body: form });
    const body = (await response.json()) as { importId: string; imported: number; sha256: string };
    expect(response.status).toBe(201);
    expect(body.imported).toBe(2);
    importId = body.importId;
  });

  it('downloads as sent, sandboxed, to the importing side and the fund; not found for the other party', async () => {
    for (const session of [upstream, fund]) {
      const response = await session.request(`${base()}/imports/${importId}`);
      expect(response.status).toBe(200);
      // The app's proxy merges its own directives (frame-ancestors 'none') into the route's.
      expect(response.headers.get('content-security-policy')?.split(/;\s*/)).toEqual(expect.arrayContaining(["default-src 'none'", 'sandbox']));
      expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('十堰 2024 年监测.csv'));
      expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer())).toBe(`\uFEFF${table}`);
    }
    expect((await downstream.request(`${base()}/imports/${importId}`)).status).toBe(404);
    expect((await fund.request(`${base()}/imports/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });

  it('writes the template in the reader’s language with each indicator’s unit', async () => {
    // The reader's choice (the language cookie) decides; other e2e files may have switched this demo user to English.
    const zh = await upstream.request(`${base()}/template?year=${year}&format=csv`, { headers: { Cookie: `${upstream.cookie}; NEXT_LOCALE=zh` } });
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await zh.arrayBuffer());
    expect(text).toMatch(/^\uFEFF年度,指标,数值,单位,实验室,采样起,采样止\r?\n2024,codmn,,mg\/L,/);
  });

  it('lists the kept file on the monitoring page, in Chinese and English at 1366 px', async () => {
    const shots = '/tmp/shots-imports';
    mkdirSync(shots, { recursive: true });
    for (const language of ['zh', 'en'] as const) {
      const page = await openAs(browser, 'fund@pes.demo', demoPassword, language, `/deals/${dealId}/agreements/${agreementId}/monitoring`, { width: 1366, height: 1000 });
      const kept = page.getByTestId('monitoring-imports');
      await kept.waitFor();
      expect(await kept.innerText()).toContain('十堰 2024 年监测.csv');
      expect(await kept.innerText()).toContain(language === 'zh' ? '下载' : 'Download');
      const href = await kept.getByTestId('import-download').getAttribute('href');
      expect(href).toBe(`${base()}/imports/${importId}`);
      await screenshot(page, `monitoring-imports-${language}`);
      copyFileSync(path.join(screenshotDir, `monitoring-imports-${language}.png`), path.join(shots, `monitoring-${language}.png`));
      await page.context().close();
    }
  });
});
