// Navigation by role (decision 0088), read from the pages the demo users get: on a signed
// agreement every member is shown its monitoring, settlements, ledger and history, the fund's
// breadcrumb only the fund, "enter monitoring results" from the deal only a lab; a stranger gets
// nothing. Every link shown opens. Then the portfolio and the monitoring charts in Chromium, in
// both languages, at 1366 px.
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../lib/seed/demo-accounts';
import { baseUrl, launch, openAs, screenshot, screenshotDir } from './browser';
import { signInOverHttp, type HttpSession } from './http-session';
import { must, signedShiyanAgreement, twoWayTerms } from './signed-agreement';

let dealId: string;
let agreementId: string;
const sessions: Record<string, HttpSession> = {};
const readers = { fund: 'fund@pes.demo', upstream: 'shiyan@pes.demo', downstream: 'beijing@pes.demo', stranger: 'chengde@pes.demo' } as const;
type Reader = keyof typeof readers;

const agreementPath = () => `/deals/${dealId}/agreements/${agreementId}`;
const allTabs = ['monitoring', 'settlements', 'ledger', 'history'];

/** The page's HTML as the reader gets it. */
async function html(reader: Reader, path: string): Promise<{ status: number; text: string }> {
  const response = await sessions[reader]!.request(path);
  return { status: response.status, text: await response.text() };
}

/** The ids and targets of the links with a data-testid of the given prefix, in page order. */
function links(text: string, prefix: string): { id: string; href: string }[] {
  const found: { id: string; href: string }[] = [];
  for (const match of text.matchAll(/<a\b[^>]*>/g)) {
    const tag = match[0];
    const id = /data-testid="([^"]+)"/.exec(tag)?.[1];
    const href = /href="([^"]+)"/.exec(tag)?.[1];
    if (id?.startsWith(prefix) && href) found.push({ id: id.slice(prefix.length), href: href.replaceAll('&amp;', '&') });
  }
  return found;
}

beforeAll(async () => {
  for (const [reader, email] of Object.entries(readers)) sessions[reader] = await signInOverHttp(email, demoPassword);
  // The labs’ tolerances are signed in the terms (an amendment would be needed to change them after).
  ({ dealId, agreementId } = await signedShiyanAgreement(
    sessions.upstream!,
    sessions.downstream!,
    twoWayTerms({ codmn: { tolerance: { absolute: '0.2' } }, tp: { tolerance: { absolute: '0.004' } } }),
  ));
});

describe('the links of a signed agreement, per role', () => {
  const expected: Record<Exclude<Reader, 'stranger'>, { crumbs: string[]; entersResults: boolean }> = {
    fund: { crumbs: ['fund', 'archive', 'deal', 'agreements'], entersResults: true },
    upstream: { crumbs: ['deal', 'agreements'], entersResults: true },
    downstream: { crumbs: ['deal', 'agreements'], entersResults: true },
  };

  for (const [reader, want] of Object.entries(expected) as [Exclude<Reader, 'stranger'>, (typeof expected)['fund']][]) {
    it(`${reader}: the agreement page and every administration page show exactly the allowed links, and each opens`, async () => {
      for (const path of [agreementPath(), ...allTabs.map((tab) => `${agreementPath()}/${tab}`)]) {
        const page = await html(reader, path);
        expect(page.status, path).toBe(200);
        expect(
          links(page.text, 'tab-').map((l) => l.id),
          path,
        ).toEqual(allTabs);
        expect(
          links(page.text, 'crumb-').map((l) => l.id),
          path,
        ).toEqual(want.crumbs);
      }
      const shown = [...links((await html(reader, agreementPath())).text, 'tab-'), ...links((await html(reader, agreementPath())).text, 'crumb-')];
      for (const link of shown) expect((await html(reader, link.href)).status, link.href).toBe(200);
    });

    it(`${reader}: the deal page links the agreement's pages${want.entersResults ? ', monitoring as the place to enter results' : ''}`, async () => {
      const page = await html(reader, `/deals/${dealId}`);
      const row = new RegExp(`data-agreement-id="${agreementId}"[\\s\\S]*?</li>`).exec(page.text)?.[0] ?? '';
      expect(links(row, 'deal-agreement-').map((l) => l.id)).toEqual(['link', ...allTabs]);
      const monitoring = /data-testid="deal-agreement-monitoring"[^>]*>([^<]*)</.exec(row)?.[1];
      expect(monitoring === 'Enter monitoring results' || monitoring === '录入监测结果').toBe(want.entersResults);
      for (const link of links(row, 'deal-agreement-')) expect((await html(reader, link.href)).status, link.href).toBe(200);
    });
  }

  it('a stranger to the deal is shown nothing: every page of the agreement is a 404', async () => {
    for (const path of [agreementPath(), ...allTabs.map((tab) => `${agreementPath()}/${tab}`), `/deals/${dealId}`]) {
      const page = await html('stranger', path);
      expect(page.status, path).toBe(404);
      expect(links(page.text, 'tab-')).toEqual([]);
    }
  });
});

describe('the portfolio and the monitoring charts in Chromium', () => {
  let browser: Browser;
  const years = [2021, 2022, 2023, 2024, 2025];
  // Both parties' labs and the fund's station report COD_Mn and TP; 2023 is disputed.
  const results: Record<string, Record<'upstream' | 'downstream' | 'fund', string[]>> = {
    codmn: { upstream: ['2.41', '2.36', '2.20', '2.31', '2.28'], downstream: ['2.50', '2.44', '2.75', '2.39', '2.35'], fund: ['2.45', '2.40', '2.31', '2.35', '2.30'] },
    tp: { upstream: ['0.028', '0.027', '0.025', '0.026', '0.024'], downstream: ['0.030', '0.029', '0.027', '0.028', '0.026'], fund: ['0.029', '0.028', '0.026', '0.027', '0.025'] },
  };

  beforeAll(async () => {
    const at = `/api/v1/deals/${dealId}/agreements/${agreementId}/monitoring`;
    for (const [indicator, bySide] of Object.entries(results))
      for (const [side, values] of Object.entries(bySide))
        for (const [i, value] of values.entries()) {
          const year = years[i]!;
          await must(
            sessions[side as 'fund']!.json(at, 'POST', { year, indicator, value, laboratory: `${side} lab`, sampledFrom: `${year}-01-10`, sampledTo: `${year}-12-10` }),
            201,
            `${side} ${indicator} ${year}`,
          );
        }
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const language of ['zh', 'en'] as const) {
    it(`draws each indicator with both labs, the band and the target, and the portfolio (${language})`, async () => {
      const page = await openAs(browser, readers.fund, demoPassword, language, `${agreementPath()}/monitoring`, { width: 1366, height: 900 });
      const chart = page.getByTestId('monitoring-chart-codmn');
      await chart.scrollIntoViewIfNeeded();
      await page.getByTestId('echart-indicator-codmn').locator('svg').waitFor();
      const drawn = (await page.getByTestId('echart-indicator-codmn').textContent()) ?? '';
      expect(drawn).toContain(language === 'zh' ? '上游监测机构' : 'Upstream lab');
      expect(drawn).toContain(language === 'zh' ? '下游监测机构' : 'Downstream lab');
      expect(drawn).toContain(language === 'zh' ? '容差带' : 'Tolerance band');
      expect(drawn).toContain('2.6');
      await chart.screenshot({ path: path.join(screenshotDir, `monitoring-chart-${language}.png`) });
      await screenshot(page, `monitoring-charts-${language}`);

      await page.goto(`${baseUrl()}${agreementPath()}`);
      await page.getByTestId('tab-monitoring').waitFor();
      await screenshot(page, `agreement-page-${language}`);

      await page.goto(`${baseUrl()}/fund`);
      const row = page.locator(`[data-testid="portfolio-row"][data-agreement-id="${agreementId}"]`);
      await expect(row.getAttribute('data-status')).resolves.toBe('disputed');
      await page.getByTestId('portfolio-netting').waitFor();
      await page.getByTestId('echart-quality').scrollIntoViewIfNeeded();
      await screenshot(page, `fund-portfolio-${language}`);
      await page.context().close();
    }, 240_000);
  }
});
