// npm run bench:pages [-- --lang zh|en] [--only NAME,NAME] [--limit KB] [--screenshots]
//
// Page weight in Chromium: builds the app when there is no production build, serves it on a fresh
// database with the demo data (lib/infra/demo-server.ts), signs in as the demo users and opens
// every kind of page with an empty cache (a new browser context each). Prints per page:
//  - JS: the compressed JavaScript the page loaded until the network went quiet, as the server
//    sent it (the encoded body sizes of the script responses, gzip or br as negotiated), without
//    the chart library, and whether it is within --limit (OVER when not);
//  - charts: the chart library (ECharts, recognised by its `_echarts_instance_` marker), which a
//    page fetches only once one of its charts comes into view (components/ui/echart.tsx);
//  - +scroll: what scrolling to the bottom added, charts included;
//  - LCP: the largest contentful paint (PerformanceObserver 'largest-contentful-paint').
// Writes test-results/bench-pages.json (--screenshots: and each page, scrolled through, in
// test-results/bench-pages/), and exits 1 when a page loads more than --limit KB (200) of
// compressed JavaScript before scrolling, the chart library aside (docs/decisions/0065-page-weight.md).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { launchChromium } from '../lib/infra/chromium';
import { ensureProductionBuild, startDemoServer } from '../lib/infra/demo-server';
import { createPrismaClient } from '../lib/infra/prisma';
import { demoPassword } from '../lib/seed/demo-accounts';
import { templateTerms } from '../lib/terms';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { lang: { type: 'string', default: 'zh' }, only: { type: 'string' }, limit: { type: 'string', default: '200' }, screenshots: { type: 'boolean', default: false } },
  strict: true,
});
const language = values.lang === 'en' ? 'en' : 'zh';
const limitKb = Number(values.limit);
const screenshotDir = path.join(root, 'test-results', 'bench-pages');

type Account = 'beijing@pes.demo' | 'shiyan@pes.demo' | 'fund@pes.demo' | null;
interface PageSpec {
  name: string;
  account: Account;
  path: string;
}
interface ScriptLoad {
  url: string;
  encoded: number;
  compressed: boolean;
  chart: boolean;
}
interface Measurement extends PageSpec {
  status: number;
  scripts: number;
  jsBytes: number;
  chartBytes: number;
  scrollJsBytes: number;
  /** Scripts above the server's compression threshold (1 KB) that came without Content-Encoding. */
  uncompressed: string[];
  lcpMs: number | null;
  loaded: ScriptLoad[];
}

interface DemoIds {
  dealId: string;
  upstreamVersionId: string;
  downstreamVersionId: string;
  olderVersionId: string;
  agreementId: string;
}

function pages(ids: DemoIds): PageSpec[] {
  const deal = `/deals/${ids.dealId}`;
  const agreement = `${deal}/agreements/${ids.agreementId}`;
  const member = 'beijing@pes.demo';
  const fund = 'fund@pes.demo';
  return [
    { name: 'login', account: null, path: '/login' },
    { name: 'deal list', account: member, path: '/deals' },
    { name: 'deal overview', account: member, path: deal },
    { name: 'members', account: fund, path: `${deal}/members` },
    { name: 'scenarios', account: member, path: `${deal}/scenarios` },
    { name: 'version', account: member, path: `${deal}/versions/${ids.upstreamVersionId}` },
    { name: 'compare', account: member, path: `${deal}/compare?from=${ids.olderVersionId}&to=${ids.upstreamVersionId}` },
    { name: 'editor', account: member, path: '/editor-preview' },
    { name: 'bargaining zone', account: member, path: `${deal}/negotiation?versions=${ids.upstreamVersionId},${ids.downstreamVersionId}` },
    { name: 'sensitivity', account: member, path: `${deal}/versions/${ids.upstreamVersionId}/sensitivity` },
    { name: 'offers', account: member, path: `${deal}/offers` },
    { name: 'terms workbench', account: member, path: `${deal}/terms` },
    { name: 'agreements', account: member, path: `${deal}/agreements` },
    { name: 'agreement', account: member, path: agreement },
    { name: 'agreement history', account: member, path: `${agreement}/history` },
    { name: 'monitoring', account: fund, path: `${agreement}/monitoring` },
    { name: 'settlements', account: fund, path: `${agreement}/settlements` },
    { name: 'ledger', account: fund, path: `${agreement}/ledger` },
    { name: 'activity', account: member, path: `${deal}/activity` },
    { name: 'fund dashboard', account: fund, path: '/fund' },
    { name: 'archive', account: fund, path: '/fund/archive' },
  ];
}

async function signIn(browser: Browser, baseUrl: string, email: string): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.fill('#email', email);
  await page.fill('#password', demoPassword);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/deals$/);
  const lang = await page.locator('html').getAttribute('lang');
  if (!lang?.startsWith(language)) {
    await page.getByRole('button', { name: language === 'zh' ? '中文' : 'English' }).click();
    await page.waitForFunction((wanted) => document.documentElement.lang.startsWith(wanted), language);
  }
  await page.close();
  return context;
}

async function must(response: { status(): number; text(): Promise<string>; json(): Promise<unknown> }, status: number, what: string): Promise<Record<string, string>> {
  if (response.status() !== status) throw new Error(`${what}: ${response.status()} ${(await response.text()).slice(0, 400)}`);
  return (await response.json()) as Record<string, string>;
}

/** An agreement on the Shiyan deal, whose other pages are measured too: offered by Shiyan on the two-way terms, accepted by Beijing and signed by both (sent with the platform's Origin, as its pages send it). */
/** Shiyan's offer on the two-way terms, accepted by Beijing and signed by every party (`signers`: Shiyan, Beijing and Tianjin, the deal's parties). */
async function demoAgreement(baseUrl: string, upstream: BrowserContext, downstream: BrowserContext, signers: BrowserContext[], dealId: string, versionId: string): Promise<string> {
  const terms = { ...templateTerms('two-way-quality-index', language), from: 2021, to: 2030 };
  const headers = { Origin: baseUrl };
  const validUntil = new Date(Date.now() + 14 * 86_400_000).toISOString();
  const offer = await must(
    await upstream.request.post(`${baseUrl}/api/v1/deals/${dealId}/offers`, { headers, data: { versionId, schedule: [{ from: 2021, to: 2030, amount: '200000' }], terms, validUntil } }),
    201,
    'offer',
  );
  const { agreementId } = await must(await downstream.request.post(`${baseUrl}/api/v1/deals/${dealId}/offers/${offer.id}`, { headers, data: { move: 'accept' } }), 200, 'accept');
  for (const party of signers)
    await must(await party.request.post(`${baseUrl}/api/v1/deals/${dealId}/agreements/${agreementId}/signatures`, { headers, data: { password: demoPassword } }), 201, 'sign');
  return agreementId!;
}

async function demoVersions(databaseUrl: string): Promise<Omit<DemoIds, 'agreementId'>> {
  const prisma = createPrismaClient(databaseUrl);
  try {
    const dealId = (await prisma.deal.findUniqueOrThrow({ where: { slug: 'shiyan-2003-2050' } })).id;
    const latest = (side: 'UPSTREAM' | 'DOWNSTREAM', skip = 0) => prisma.scenarioVersion.findFirstOrThrow({ where: { scenario: { dealId, side } }, orderBy: { createdAt: 'desc' }, skip });
    const [upstream, older, downstream] = await Promise.all([latest('UPSTREAM'), latest('UPSTREAM', 1), latest('DOWNSTREAM')]);
    return { dealId, upstreamVersionId: upstream.id, olderVersionId: older.id, downstreamVersionId: downstream.id };
  } finally {
    await prisma.$disconnect();
  }
}

/** Largest contentful paint so far, read before any scrolling (input ends LCP recording). */
function largestContentfulPaint(page: Page): Promise<number | null> {
  return page.evaluate(
    () =>
      new Promise<number | null>((resolve) => {
        let last: number | null = null;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) last = entry.startTime;
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        setTimeout(() => resolve(last), 200);
      }),
  );
}

async function scrollToBottom(page: Page): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const atBottom = await page.evaluate(() => {
      window.scrollBy(0, window.innerHeight * 0.8);
      return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
    });
    await page.waitForTimeout(150);
    if (atBottom) break;
  }
  await page.waitForLoadState('networkidle');
}

async function measure(browser: Browser, baseUrl: string, sessions: Map<string, BrowserContext>, spec: PageSpec): Promise<Measurement> {
  // A new context per page: its HTTP cache is empty; the session cookie is copied from the signed-in one.
  const signedIn = spec.account ? sessions.get(spec.account) : undefined;
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 }, storageState: signedIn ? await signedIn.storageState() : undefined });
  const page = await context.newPage();
  const scripts: Promise<ScriptLoad>[] = [];
  const onFinished = (request: Request) => {
    if (request.resourceType() !== 'script') return;
    scripts.push(
      (async () => {
        const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
        const encoding = response ? await response.headerValue('content-encoding') : null;
        const body = response ? await response.body() : Buffer.alloc(0);
        return { url: new URL(request.url()).pathname, encoded: sizes.responseBodySize, compressed: Boolean(encoding && encoding !== 'identity'), chart: body.includes('_echarts_instance_') };
      })(),
    );
  };
  page.on('requestfinished', onFinished);
  const response = await page.goto(`${baseUrl}${spec.path}`, { waitUntil: 'networkidle' });
  const lcpMs = await largestContentfulPaint(page);
  const atLoad = await Promise.all(scripts);
  await scrollToBottom(page);
  const all = await Promise.all(scripts);
  if (values.screenshots) await page.screenshot({ path: path.join(screenshotDir, `${spec.name.replaceAll(' ', '-')}-${language}.png`), fullPage: true });
  await context.close();
  const sum = (list: ScriptLoad[]) => list.reduce((total, s) => total + s.encoded, 0);
  return {
    ...spec,
    status: response?.status() ?? 0,
    scripts: atLoad.length,
    jsBytes: sum(atLoad.filter((s) => !s.chart)),
    chartBytes: sum(atLoad.filter((s) => s.chart)),
    scrollJsBytes: sum(all) - sum(atLoad),
    uncompressed: all.filter((s) => !s.compressed && s.encoded > 1024).map((s) => s.url),
    lcpMs,
    loaded: all,
  };
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

async function main(): Promise<number> {
  ensureProductionBuild('bench:pages');
  if (values.screenshots) mkdirSync(screenshotDir, { recursive: true });
  const server = await startDemoServer('bench_pages');
  const browser = await launchChromium();
  try {
    const { baseUrl } = server;
    const accounts = ['beijing@pes.demo', 'shiyan@pes.demo', 'fund@pes.demo', 'tianjin@pes.demo'] as const;
    const sessions = new Map<string, BrowserContext>();
    for (const account of accounts) sessions.set(account, await signIn(browser, baseUrl, account));
    const versions = await demoVersions(server.databaseUrl);
    const signers = ['shiyan@pes.demo', 'beijing@pes.demo', 'tianjin@pes.demo'].map((account) => sessions.get(account)!);
    const agreementId = await demoAgreement(baseUrl, sessions.get('shiyan@pes.demo')!, sessions.get('beijing@pes.demo')!, signers, versions.dealId, versions.upstreamVersionId);
    const only = values.only?.split(',').map((s) => s.trim());
    const specs = pages({ ...versions, agreementId }).filter((spec) => !only || only.includes(spec.name));

    // One throwaway load so that the server's first-request work does not land on the first page's LCP.
    await measure(browser, baseUrl, sessions, specs[0]!);
    const results: Measurement[] = [];
    for (const spec of specs) results.push(await measure(browser, baseUrl, sessions, spec));

    const over = (r: Measurement) => r.jsBytes > limitKb * 1024;
    const header = ['page', 'account', 'status', 'scripts', 'JS KB', `≤ ${limitKb}`, 'charts KB', '+scroll KB', 'LCP ms'];
    const rows = results.map((r) => [
      r.name,
      r.account?.split('@')[0] ?? '—',
      String(r.status),
      String(r.scripts),
      kb(r.jsBytes),
      over(r) ? 'OVER' : 'ok',
      kb(r.chartBytes),
      kb(r.scrollJsBytes),
      r.lcpMs === null ? '—' : r.lcpMs.toFixed(0),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
    console.log(`\nCompressed JavaScript per page, empty cache, ${language} (limit ${limitKb} KB)\n`);
    console.log(line(header));
    for (const row of rows) console.log(line(row));

    mkdirSync(path.join(root, 'test-results'), { recursive: true });
    writeFileSync(path.join(root, 'test-results', 'bench-pages.json'), `${JSON.stringify({ language, limitKb, results }, null, 2)}\n`);

    const failures: string[] = [];
    for (const r of results) {
      if (r.status !== 200) failures.push(`${r.name}: answered ${r.status}`);
      if (r.jsBytes > limitKb * 1024) failures.push(`${r.name}: ${kb(r.jsBytes)} KB of compressed JavaScript besides the charts (limit ${limitKb} KB)`);
      if (r.uncompressed.length > 0) failures.push(`${r.name}: sent uncompressed: ${r.uncompressed.join(', ')}`);
    }
    const heavy = results.filter(over);
    if (heavy.length > 0) console.error(`\nOver ${limitKb} KB: ${heavy.map((r) => `${r.name} (${kb(r.jsBytes)} KB)`).join(', ')}`);
    if (failures.length > 0) {
      console.error(`\nFAIL\n  ${failures.join('\n  ')}`);
      return 1;
    }
    console.log(`\nPASS: every page within ${limitKb} KB`);
    return 0;
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
