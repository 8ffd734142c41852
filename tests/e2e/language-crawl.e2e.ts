// Every page every demo user can reach, in Chinese and in English: a Chinese page shows no English
// words or code (units, the paper's notation and format names aside), an English page no Chinese
// interface text (data aside: names, scenarios, line items are Chinese in both). The crawl follows
// the app's own links from the deal list, breadth-first, up to two pages of each kind per user.
// It runs on a server and database of its own: the demo as seeded, plus an offer, a counter-offer
// and the agreement they lead to, all in Chinese as the parties would write them; what other e2e
// files type (often English test data) is not demo data and must not decide this test.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '../../lib/infra/prisma';
import { demoAccounts, demoPassword } from '../../lib/seed/demo-accounts';
import { demoDataStrings } from '../../lib/seed/demo-texts';
import { launch, screenshot } from './browser';
import { startDemoServer, type DemoServer } from '../../lib/infra/demo-server';
import { signInOverHttp } from './http-session';
import { findEnglish } from '../support/english-words';

type Language = 'zh' | 'en';

/** Pages per user and language, and of each kind: enough for every kind of page the demo links to, bounded. */
const maxPages = 60;
// Tianjin's signatory is a member of the Shiyan deal only, on the side Beijing's is on: the pages it
// reaches are those Shiyan's and Beijing's crawls read already, so it reads its landing pages only
// (the deal list, the deal and the first pages it links to), and the crawl takes about as long as before.
const landingOnly: Record<string, number> = { 'tianjin@pes.demo': 6 };
const perKind = 2;
const crawlers = 3;
// Pages of this change looked at in both languages (test-results/screenshots).
const screenshotKinds = new Set(['/deals/:id', '/deals/:id/activity', '/deals/:id/agreements/:id/history', '/deals/:id/agreements/:id']);

// The Chinese texts the crawl's parties write (data on an English page).
const termsName = '断面水质考核 2021—2030 年';
const crawlData = [termsName];

// An English page may name the other language in its own script (the switcher).
const allowedChinese = ['中文'];

const cjk = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+/g;
/** The page's kind: its path with ids as :id and its query's names, so one of each kind is opened. */
function kindOf(url: URL): string {
  const path = url.pathname.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id');
  const names = [...new Set(url.searchParams.keys())].sort();
  return names.length ? `${path}?${names.join('&')}` : path;
}

function findChinese(text: string, data: string[]): string[] {
  let rest = text;
  for (const item of data) rest = rest.split(item).join(' ');
  for (const allowed of allowedChinese) rest = rest.split(allowed).join(' ');
  return [...new Set(rest.match(cjk) ?? [])];
}

/**
 * What a reader sees: the visible text and the texts of title, placeholder and aria-label; data
 * elements (lang="zh" or data-data) apart, and code (<code>: formulas, the names in them) left out.
 */
async function visibleText(page: Page): Promise<{ text: string; data: string[] }> {
  return page.evaluate(() => {
    // What a reader can open without leaving the page counts too.
    document.querySelectorAll('details').forEach((details) => (details.open = true));
    // Code the reader types or the parties wrote is not interface text (decision 0081). The page is read once, after its screenshot.
    document.querySelectorAll('code').forEach((code) => (code.textContent = ' '));
    const attributes = [...document.querySelectorAll('[title], [placeholder], [aria-label]')].flatMap((element) =>
      ['title', 'placeholder', 'aria-label'].map((name) => element.getAttribute(name) ?? ''),
    );
    const data = [...document.querySelectorAll('main [lang^="zh"], [data-data]')].map((element) => (element as HTMLElement).innerText);
    return { text: [document.title, document.body.innerText, ...attributes].join('\n'), data };
  });
}

function sameAppLink(href: string, base: URL): URL | null {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  if (url.origin !== base.origin || url.pathname.startsWith('/api/') || url.pathname === '/login') return null;
  url.hash = '';
  return url;
}

interface Finding {
  user: string;
  language: Language;
  page: string;
  url: string;
  words: string[];
}

async function crawl(context: BrowserContext, user: string, language: Language, data: string[]): Promise<{ findings: Finding[]; visited: string[] }> {
  const page = await context.newPage();
  const start = new URL('/deals', server.baseUrl);
  const queue: URL[] = [start];
  const kinds = new Map<string, number>([[kindOf(start), 1]]);
  const findings: Finding[] = [];
  const visited: string[] = [];
  const visitedUrls = new Set<string>();
  const limit = landingOnly[user] ?? maxPages;
  while (queue.length > 0 && visited.length < limit) {
    const url = queue.shift()!;
    const response = await page.goto(url.href, { waitUntil: 'networkidle' });
    const kind = kindOf(url);
    visited.push(kind);
    visitedUrls.add(url.href);
    if (!response || response.status() >= 500) {
      findings.push({ user, language, page: kind, url: url.href, words: [`HTTP ${response?.status() ?? 'no response'}`] });
      continue;
    }
    if (user === 'shiyan@pes.demo' && screenshotKinds.has(kind)) await screenshot(page, `crawl-${language}${kind.replace(/[/:?&]+/g, '-')}`);
    const seen = await visibleText(page);
    const words =
      language === 'zh'
        ? findEnglish(seen.text)
        : findChinese(
            seen.text,
            [...seen.data, ...data].sort((a, b) => b.length - a.length),
          );
    if (words.length) findings.push({ user, language, page: kind, url: url.href, words });
    const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    for (const href of hrefs) {
      const next = sameAppLink(href, url);
      const kind = next && kindOf(next);
      if (!next || !kind || (kinds.get(kind) ?? 0) >= perKind || queue.some((queued) => queued.href === next.href) || visitedUrls.has(next.href)) continue;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      queue.push(next);
    }
  }
  await page.close();
  return { findings, visited };
}

/** `work` on every item, at most `limit` at a time, results in the items' order. */
async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

let browser: Browser;
let server: DemoServer;

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** Shiyan and Beijing negotiate on the paper scenario and sign: offers, an agreement and the fund's pages exist. */
async function negotiateAndSign(): Promise<void> {
  const prisma = createPrismaClient(server.databaseUrl);
  const deal = await prisma.deal.findUniqueOrThrow({ where: { slug: 'shiyan-2003-2050' } });
  const version = await prisma.scenarioVersion.findFirstOrThrow({ where: { scenario: { dealId: deal.id, side: 'UPSTREAM' } }, orderBy: { number: 'desc' } });
  await prisma.$disconnect();
  const [upstream, downstream, tianjin] = await Promise.all(['shiyan@pes.demo', 'beijing@pes.demo', 'tianjin@pes.demo'].map((email) => signInOverHttp(email, demoPassword, server.baseUrl)));
  const offers = `/api/v1/deals/${deal.id}/offers`;
  const sent = await upstream!.json<{ id: string }>(offers, 'POST', { versionId: version.id, schedule: [{ from: 2021, to: 2030, amount: '6000000' }], validUntil: inDays(14) });
  const counter = await downstream!.json<{ id: string }>(offers, 'POST', {
    versionId: version.id,
    schedule: [{ from: 2021, to: 2030, amount: '5800000' }],
    terms: {
      format: 'payment-terms/1',
      name: termsName,
      currency: 'CNY',
      unit: 1000,
      from: 2021,
      to: 2030,
      constants: { c0: '2.6' },
      indicators: { codmn: 'mg/L' },
      formulas: [{ name: 'payment', expr: 'codmn <= c0 ? scheduled : 0' }],
    },
    validUntil: inDays(14),
    answersOfferId: sent.body.id,
  });
  const accepted = await upstream!.json<{ agreementId: string }>(`${offers}/${counter.body.id}`, 'POST', { move: 'accept' });
  expect([sent.status, counter.status]).toEqual([201, 201]);
  expect(accepted.body.agreementId, JSON.stringify(accepted.body)).toEqual(expect.any(String));
  // Every party's signatory signs: Tianjin is the deal's second downstream party.
  for (const party of [upstream!, downstream!, tianjin!]) {
    const signed = await party.json(`/api/v1/deals/${deal.id}/agreements/${accepted.body.agreementId}/signatures`, 'POST', { password: demoPassword });
    expect(signed.status).toBe(201);
  }
}

beforeAll(async () => {
  [browser, server] = await Promise.all([launch(), startDemoServer('crawl')]);
  await negotiateAndSign();
}, 300_000);
afterAll(async () => {
  await Promise.all([browser?.close(), server?.stop()]);
});

async function signedInContext(email: string, language: Language): Promise<BrowserContext> {
  const session = await signInOverHttp(email, demoPassword, server.baseUrl);
  const context = await browser.newContext({ locale: language === 'zh' ? 'zh-CN' : 'en-US', viewport: { width: 1366, height: 900 } });
  const cookies = session.cookie.split('; ').map((pair) => {
    const at = pair.indexOf('=');
    return { name: pair.slice(0, at), value: pair.slice(at + 1), url: server.baseUrl };
  });
  await context.addCookies([...cookies.filter((cookie) => cookie.name !== 'NEXT_LOCALE'), { name: 'NEXT_LOCALE', value: language, url: server.baseUrl }]);
  return context;
}

describe('language crawl', () => {
  const data = [...demoDataStrings(), ...crawlData, ...demoAccounts.map((account) => account.name)];
  for (const language of ['zh', 'en'] as const) {
    it(
      `shows ${language === 'zh' ? 'no English or code on Chinese pages' : 'no Chinese interface text on English pages'}, for every demo user`,
      async () => {
        // Users are crawled side by side: most of a page's time is the wait for the network to go quiet, not the server's work.
        const crawled = await inParallel(demoAccounts, crawlers, async (account) => {
          const context = await signedInContext(account.email, language);
          const { findings, visited } = await crawl(context, account.email, language, data);
          await context.close();
          console.log(`language-crawl ${language} ${account.email}: ${visited.length} pages: ${visited.join(' ')}`);
          return { account, findings, visited };
        });
        const all: Finding[] = [];
        for (const { account, findings, visited } of crawled) {
          // A user who is a member of a deal reaches its pages: a crawl that stopped at the list proves nothing.
          if (account.role !== 'ADMIN') expect(visited.length, `${account.email} reached only ${visited.join(', ')}`).toBeGreaterThan(3);
          all.push(...findings);
        }
        const remaining = all.filter((finding) => finding.words.length > 0);
        const byPage = new Map<string, Set<string>>();
        for (const finding of remaining) {
          const words = byPage.get(finding.page) ?? new Set<string>();
          finding.words.forEach((w) => words.add(w));
          byPage.set(finding.page, words);
        }
        const report = [...byPage].map(([page, words]) => `  ${page}: ${[...words].join(' | ')}`).join('\n');
        expect(
          remaining.length,
          `${language === 'zh' ? 'English or code on Chinese pages' : 'Chinese interface text on English pages'}:\n${report}\n(one finding per user and page; first URL of each: ${[...new Map(remaining.map((f) => [f.page, f.url])).values()].join(' ')})`,
        ).toBe(0);
      },
      15 * 60_000,
    );
  }
});
