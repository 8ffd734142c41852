import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:3400';
const pw = 'water-fund-demo-2026';
async function session(email) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = await csrf.json();
  const c1 = csrf.headers.getSetCookie().map((l) => l.split(';')[0]);
  const r = await fetch(`${base}/api/auth/callback/credentials`, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: c1.join('; ') }, body: new URLSearchParams({ csrfToken, email, password: pw, json: 'true' }) });
  const cookie = [...c1, ...r.headers.getSetCookie().map((l) => l.split(';')[0])].join('; ');
  return async (path, method = 'GET', body) => { const res = await fetch(`${base}${path}`, { method, headers: { Cookie: cookie, 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined }); const t = await res.text(); if (!res.ok) throw new Error(path + ' ' + res.status + t.slice(0, 300)); return JSON.parse(t); };
}
const up = await session('shiyan@pes.demo'), down = await session('beijing@pes.demo');
const deal = (await up('/api/v1/deals')).deals.find((d) => /shiyan/.test(d.slug));
const scen = (await up(`/api/v1/deals/${deal.id}/scenarios`)).scenarios.find((s) => s.side === 'UPSTREAM');
const { templateTerms } = await import('./lib/terms/index.ts');
const terms = { ...templateTerms('two-way-quality-index', 'zh'), from: 2021, to: 2030 };
const offer = await up(`/api/v1/deals/${deal.id}/offers`, 'POST', { versionId: scen.versions[0].id, schedule: [{ from: 2021, to: 2030, amount: '200000' }], terms, validUntil: new Date(Date.now() + 7 * 864e5).toISOString() });
const { agreementId } = await down(`/api/v1/deals/${deal.id}/offers/${offer.id}`, 'POST', { move: 'accept' });
for (const p of [up, down]) await p(`/api/v1/deals/${deal.id}/agreements/${agreementId}/signatures`, 'POST', { password: pw });
const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: flags });
for (const lang of ['zh', 'en']) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1360, height: 1000 } });
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.fill('#email', 'fund@pes.demo');
  await page.fill('#password', pw);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/deals$/);
  if (!(await page.locator('html').getAttribute('lang'))?.startsWith(lang)) {
    await page.getByRole('button', { name: lang === 'zh' ? '中文' : 'English' }).click();
    await page.waitForFunction((w) => document.documentElement.lang.startsWith(w), lang);
  }
  await page.goto(`${base}/fund/archive?fromYear=twenty&status=OPEN`);
  await page.screenshot({ path: `/tmp/shots/archive-filter-${lang}.png` });
  await page.goto(`${base}/deals/${deal.id}/activity?from=yesterday`);
  await page.screenshot({ path: `/tmp/shots/activity-filter-${lang}.png` });
  await page.goto(`${base}/deals/${deal.id}/agreements/${agreementId}/settlements`);
  await page.screenshot({ path: `/tmp/shots/settlements-${lang}.png`, fullPage: true });
  await page.goto(`${base}/deals/${deal.id}/agreements/${agreementId}/ledger`);
  await page.getByTestId('payment-amount').fill('1.234');
  await page.getByTestId('payment-reference').fill('REF-1');
  await page.getByTestId('payment-submit').click();
  await page.getByTestId('payment-problems').waitFor();
  await page.getByTestId('payment-problems').screenshot({ path: `/tmp/shots/payment-problem-${lang}.png` });
  console.log(lang, await page.getByTestId('payment-problems').textContent());
  await context.close();
}
await browser.close();
