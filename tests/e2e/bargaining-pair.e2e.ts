import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoPassword } from '../../lib/seed/demo-accounts';
import { demoScenarioNames } from '../../lib/seed/demo-texts';
import { openAs, screenshot } from './browser';
import { signInOverHttp, type HttpSession } from './http-session';
import { copyScenario, onDemoDeal } from './demo-deal';

let browser: Browser;
let dealId: string;
/** The seeded upstream paper scenario and Beijing counter-proposal (latest versions). */
let paper: string;
let counter: string;
/** A downstream scenario of this file's own, created last: the default upper bound. */
let mine: string;
const mineName = `Zone pair e2e ${Date.now()}`;
let downstream: HttpSession;

const shots = '/tmp/shots-zone';

onDemoDeal(async (demo) => {
  mkdirSync(shots, { recursive: true });
  ({ browser, dealId } = demo);
  paper = await demo.latestVersion('UPSTREAM', demoScenarioNames.shiyanPaper);
  counter = await demo.latestVersion('DOWNSTREAM', demoScenarioNames.beijingCounter);
  // A downstream scenario through the API, as a member would post a pes-scenario/1 document: the
  // counter-proposal's document with a lower benefit estimate.
  downstream = await signInOverHttp('beijing@pes.demo', demoPassword);
  ({ versionId: mine } = await copyScenario<{ benefits: { label: string; values: Record<string, string> }[] }>(downstream, dealId, counter, {
    name: mineName,
    message: 'Lower benefit estimate (zone pair e2e)',
    change: (document) => ({ ...document, benefits: [{ label: document.benefits[0]!.label, values: { '2014-2050': '9000000' } }] }),
  }));
});

type PairBody = {
  pair: {
    lower: { id: string } | null;
    upper: { id: string } | null;
    weight: string;
    years: { year: number; lowerBound: string | null; upperBound: string | null; suggestedPayment: string | null; feasible: boolean | null }[];
  };
};

describe('the zone between the sides over HTTP', () => {
  it('answers the pair asked for, the latest of each side without, and refuses a weight outside 0 … 1 naming it', async () => {
    const byDefault = await downstream.json<PairBody>(`/api/v1/deals/${dealId}/bargaining-zone`);
    expect(byDefault.status).toBe(200);
    expect(byDefault.body.pair.upper?.id).toBe(mine);

    const asked = await downstream.json<PairBody>(`/api/v1/deals/${dealId}/bargaining-zone?lower=${paper}&upper=${counter}&w=0.4`);
    expect(asked.status).toBe(200);
    expect([asked.body.pair.lower?.id, asked.body.pair.upper?.id, asked.body.pair.weight]).toEqual([paper, counter, '0.4']);
    const y2021 = asked.body.pair.years.find((y) => y.year === 2021)!;
    expect(y2021.feasible).toBe(true);
    expect(Number(y2021.suggestedPayment)).toBeGreaterThan(Number(y2021.lowerBound));
    expect(Number(y2021.suggestedPayment)).toBeLessThan(Number(y2021.upperBound));

    const bad = await downstream.request(`/api/v1/deals/${dealId}/bargaining-zone?w=1.5`, { headers: { 'Accept-Language': 'zh-CN' } });
    expect(bad.status).toBe(400);
    const error = ((await bad.json()) as { error: { field: string; message: string } }).error;
    expect(error.field).toBe('w');
    expect(error.message).toContain('议价权重');
    const wrongSide = await downstream.request(`/api/v1/deals/${dealId}/bargaining-zone?lower=${counter}`);
    expect(wrongSide.status).toBe(400);
  });
});

describe('the zone between the sides in Chromium', () => {
  for (const language of ['zh', 'en'] as const) {
    it(`picks an upstream and a downstream version, and the Nash slider moves the suggestion (${language})`, async () => {
      const page = await openAs(browser, 'beijing@pes.demo', demoPassword, language, `/deals/${dealId}/negotiation`, { width: 1366, height: 900 });
      // Opens on the pair, the latest downstream scenario (this file's) for the upper bound.
      await expect(page.getByTestId('view-pair').getAttribute('aria-selected')).resolves.toBe('true');
      await expect(page.getByTestId('pair-versions').textContent()).resolves.toContain(mineName);

      await page.getByTestId('pair-upper').selectOption(counter);
      await page.waitForURL(new RegExp(`upper=${counter}`));
      await page.getByTestId('pair-lower').selectOption(paper);
      await page.waitForURL(new RegExp(`lower=${paper}`));
      await expect(page.getByTestId('pair-versions').textContent()).resolves.toContain(demoScenarioNames.beijingCounter);

      // P3 2021–2030 in the reader's 万元: the paper's lower bound 5 325 778.7 and the counter's upper bound 11 880 000 thousand CNY.
      const key = '2021-2030';
      await expect(page.getByTestId(`pair-lower-${key}`).textContent()).resolves.toBe('532,577.87');
      await expect(page.getByTestId(`pair-upper-${key}`).textContent()).resolves.toBe('1,188,000.00');
      await expect(page.getByTestId('pair-units').textContent()).resolves.toContain(language === 'zh' ? '万元' : 'ten thousand yuan');

      // The slider: the suggestion moves with w, to the upper bound at 1 and the lower bound at 0.
      const suggested = page.getByTestId(`pair-suggested-${key}`);
      const atStart = await suggested.textContent();
      await expect(page.getByTestId('pair-weight-value').textContent()).resolves.toBe('0.50');
      await page.getByTestId('pair-weight-slider').focus();
      await page.keyboard.press('End');
      await expect(page.getByTestId('pair-weight-value').textContent()).resolves.toBe('1.00');
      await expect(suggested.textContent()).resolves.toBe(await page.getByTestId(`pair-upper-${key}`).textContent());
      await page.keyboard.press('Home');
      await expect(suggested.textContent()).resolves.toBe(await page.getByTestId(`pair-lower-${key}`).textContent());
      for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
      await expect(page.getByTestId('pair-weight-value').textContent()).resolves.toBe('0.40');
      await expect(suggested.textContent()).resolves.not.toBe(atStart);

      // Per year: every year of 2003–2050; before 2014 the counter states no benefit, so no upper bound.
      await page.getByTestId('pair-by-year').click();
      await expect(page.locator('[data-testid=pair-table] [data-testid=pair-row]').count()).resolves.toBe(48);
      await expect(page.getByTestId('pair-upper-2010').textContent()).resolves.toBe('—');
      await expect(page.getByTestId('pair-suggested-2021').textContent()).resolves.toMatch(/\d/);
      await page.getByTestId('pair-by-period').click();

      // The fairness shares of the pair, and what a share outside 0 … 100 % means.
      await expect(page.locator('[data-testid=pair-fairness] [data-testid^=fairness-upstream-cost-]').count()).resolves.toBe(6);
      await expect(page.getByTestId('pair-fairness-outside').textContent()).resolves.toContain(language === 'zh' ? '低于 0 %' : 'below 0 %');

      await page.getByTestId('pair-chart').locator('svg path').first().waitFor({ state: 'attached' });
      await screenshot(page, `bargaining-pair-${language}`);
      await page.screenshot({ path: path.join(shots, `zone-pair-${language}.png`), fullPage: true });

      // The versions side by side stay, under their own tab.
      await page.getByTestId('view-versions').click();
      await page.getByTestId('zone-table').waitFor();
      await page.screenshot({ path: path.join(shots, `zone-versions-${language}.png`), fullPage: true });
      await page.context().close();
    });
  }
});
