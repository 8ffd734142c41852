// A three-party deal in Chinese (issue 17, item 6 and its e2e; docs/decisions/0098, 0108): the
// seeded Shiyan deal names Shiyan upstream and the Middle Route's receivers Beijing and Tianjin
// downstream, by their water allocations 12.4 and 10.2 亿 m³. From the pages a person starts on:
// the parties on the members page, each receiver's share of the zone, an offer shown by party and
// accepted, the agreement signed by each party's signatory, a year settled by the fund, and the
// ledger naming each organisation. Screenshots of the zone and offers by party, at 1366 px in zh
// and en, go to test-results/screenshots and, when PES_SHOTS_PARTY is set, there too.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoPassword } from '../../lib/seed/demo-accounts';
import { demoPartyTexts } from '../../lib/seed/demo-texts';
import { D } from '../../lib/engine/decimal';
import { templateTerms } from '../../lib/terms';
import { openAs, screenshot } from './browser';
import type { Browser } from 'playwright-core';
import { demoParties, onDemoDeal, withSuiteDatabase } from './demo-deal';
import type { HttpSession } from './http-session';
import { must, shiyanTermsOffer, tianjinEmail } from './signed-agreement';

const wide = { width: 1366, height: 1000 };
const shots = process.env.PES_SHOTS_PARTY;
if (shots) mkdirSync(shots, { recursive: true });

let browser: Browser;
let dealId: string;
let fund: HttpSession;
let upstream: HttpSession;
let agreementId = '';
let offerNumber = '';
/** The organisations by seed key, as the database has them. */
let organisation: Record<'shiyan' | 'beijing' | 'tianjin', { id: string; nameZh: string; name: string }>;
const year = 2025;
const marker = `三方报价 ${Date.now().toString(36)}`;

onDemoDeal(async (demo) => {
  ({ browser, dealId } = demo);
  ({ upstream, fund } = await demoParties());
  const rows = await withSuiteDatabase((prisma) =>
    prisma.organisation.findMany({ where: { name: { in: ['Shiyan Municipal Government (Hubei)', 'Beijing Water Authority', 'Tianjin Water Authority'] } } }),
  );
  const by = (name: string) => rows.find((r) => r.name.startsWith(name))!;
  organisation = { shiyan: by('Shiyan'), beijing: by('Beijing'), tianjin: by('Tianjin') };
});

const nameIn = (key: keyof typeof organisation, language: 'zh' | 'en') => (language === 'zh' ? organisation[key].nameZh : organisation[key].name);

async function shot(page: Page, name: string, element: string) {
  await screenshot(page, name);
  if (shots)
    await page
      .locator(`[data-testid=${element}]`)
      .first()
      .screenshot({ path: `${shots}/${name}.png` });
}

/** Signed in, a person lands on the deal list and opens the Shiyan deal from it, then a tab of its navigation. */
async function fromDealList(email: string, language: 'zh' | 'en', section?: string): Promise<Page> {
  const page = await openAs(browser, email, demoPassword, language, '/deals', wide);
  await page.locator(`[data-testid=deal-list] a[href="/deals/${dealId}"]`).click();
  await page.waitForURL(new RegExp(`/deals/${dealId}$`));
  if (section) {
    await page.locator(`[data-testid=deal-nav] a[href="/deals/${dealId}/${section}"]`).click();
    await page.waitForURL(new RegExp(`/deals/${dealId}/${section}`));
    await page.waitForLoadState('networkidle');
  }
  return page;
}

/** "12,345.67 万元" → 12345.67, as a decimal. */
const amountOf = (text: string | null) => D((text ?? '').replace(/[^\d.-]/g, ''));

describe('a deal of three parties, in Chinese', () => {
  it('shows the parties on the members page: Shiyan upstream, Beijing and Tianjin downstream by their water allocations', async () => {
    const page = await fromDealList('shiyan@pes.demo', 'zh', 'members');
    const form = page.getByTestId('deal-parties-form');
    await form.waitFor();
    const chosen = (testId: string) => page.getByTestId(testId).evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '');
    await expect(chosen('parties-upstream-0-organisation')).resolves.toBe(organisation.shiyan.nameZh);
    await expect(chosen('parties-downstream-0-organisation')).resolves.toBe('北京市水务局');
    await expect(chosen('parties-downstream-1-organisation')).resolves.toBe('天津市水务局');
    await expect(page.getByTestId('parties-downstream-0-value').inputValue()).resolves.toBe('12.4');
    await expect(page.getByTestId('parties-downstream-1-value').inputValue()).resolves.toBe('10.2');
    await expect(page.getByTestId('parties-quantity-unit').inputValue()).resolves.toBe(demoPartyTexts.quantityUnit);
    // Tianjin's signatory is a member of the deal, downstream.
    await expect(page.getByTestId('member-list').textContent()).resolves.toContain(tianjinEmail);
    await screenshot(page, 'three-party-members-zh');
    await page.context().close();
  });

  it('splits the zone between the sides by party: each receiver its allocation’s share of the upper bound and of what downstream pays', async () => {
    for (const language of ['zh', 'en'] as const) {
      const page = await fromDealList('beijing@pes.demo', language, 'negotiation');
      const zone = page.getByTestId('party-zone');
      await zone.waitFor();
      const fraction = (id: string) => zone.getByTestId(`party-fraction-${id}`).textContent();
      // 12.4 / 22.6 = 54.87 %, 10.2 / 22.6 = 45.13 %; Shiyan alone upstream has all of its side.
      await expect(fraction(organisation.beijing.id)).resolves.toBe('54.87 %');
      await expect(fraction(organisation.tianjin.id)).resolves.toBe('45.13 %');
      await expect(fraction(organisation.shiyan.id)).resolves.toBe('100.00 %');
      // Each organisation by its name in the reader's language, in the order the deal lists them.
      const names = (await zone.getByTestId('party-row').allTextContents()).join('\n');
      const [shiyanAt, beijingAt, tianjinAt] = (['shiyan', 'beijing', 'tianjin'] as const).map((key) => names.indexOf(nameIn(key, language))) as [number, number, number];
      expect([shiyanAt >= 0, shiyanAt < beijingAt, beijingAt < tianjinAt]).toEqual([true, true, true]);
      const upper = (id: string) => zone.getByTestId(`party-upper-${id}`).textContent().then(amountOf);
      const [beijing, tianjin] = [await upper(organisation.beijing.id), await upper(organisation.tianjin.id)];
      // Shown to the cent of their unit: their ratio is the allocations' to within that rounding.
      expect(beijing.gt(0)).toBe(true);
      expect(beijing.div(tianjin).minus(D('12.4').div('10.2')).abs().lt('0.001')).toBe(true);
      await expect(zone.getByTestId(`party-upper-${organisation.beijing.id}`).textContent()).resolves.toMatch(language === 'zh' ? /元/ : /CNY|yuan/);
      await expect(page.getByTestId('party-fairness').textContent()).resolves.toContain(nameIn('tianjin', language));
      await shot(page, `three-party-zone-${language}`, 'party-zone');
      await page.context().close();
    }
  });

  it('shows Shiyan’s offer by party on the offers page, and Beijing accepts it', async () => {
    await shiyanTermsOffer(upstream, {}, marker);
    for (const language of ['en', 'zh'] as const) {
      const page = await fromDealList('beijing@pes.demo', language, 'offers');
      const card = page.getByTestId('offer').filter({ hasText: marker });
      await card.waitFor();
      offerNumber = (await card.getAttribute('data-offer-number'))!;
      const table = card.getByTestId('offer-party-table');
      await expect(table.textContent()).resolves.toContain(nameIn('tianjin', language));
      // 2021–2030 at 200 000 (thousand 元) a year: 2 000 000 in all, Shiyan receives all of it, the receivers pay by allocation.
      const amount = (id: string) => table.getByTestId(`party-amount-${id}`).textContent().then(amountOf);
      const [shiyan, beijing, tianjin] = [await amount(organisation.shiyan.id), await amount(organisation.beijing.id), await amount(organisation.tianjin.id)];
      expect(beijing.plus(tianjin).minus(shiyan).abs().lt('0.02')).toBe(true);
      expect(beijing.div(tianjin).minus(D('12.4').div('10.2')).abs().lt('0.001')).toBe(true);
      await shot(page, `three-party-offer-${language}`, 'offer-by-party');
      if (language === 'en') {
        await page.context().close();
        continue;
      }
      await card.getByTestId('accept').click();
      await card.getByTestId('accept-dialog').waitFor();
      await card.getByTestId('accept-dialog-confirm').click();
      await page.waitForURL(/\/agreements\/[0-9a-f-]{36}$/, { timeout: 30_000 });
      agreementId = page.url().split('/').at(-1)!;
      await page.context().close();
    }
    expect(offerNumber).not.toBe('');
  });

  it('is signed by each party’s signatory, Shiyan, Beijing and Tianjin, and archived after the last', async () => {
    const signers = ['shiyan@pes.demo', 'beijing@pes.demo', tianjinEmail];
    for (const [i, email] of signers.entries()) {
      const page = await fromDealList(email, 'zh', 'agreements');
      await page.locator(`[data-testid=agreement-row][data-agreement-id="${agreementId}"]`).getByRole('link').first().click();
      await page.waitForURL(new RegExp(`/agreements/${agreementId}$`));
      await page.waitForLoadState('networkidle');
      await page.getByTestId('sign-password').fill(demoPassword);
      await page.getByTestId('sign-submit').click();
      if (i < signers.length - 1) {
        await page.getByTestId('you-signed').waitFor();
        await expect(page.getByTestId('signatories').locator('[data-signed=yes]').count()).resolves.toBe(i + 1);
      } else {
        await page.locator('[data-testid=agreement-status][data-status=ARCHIVED]').waitFor();
        await expect(page.getByTestId('signatories').locator('[data-signed=yes]').count()).resolves.toBe(3);
        await screenshot(page, 'three-party-signed-zh');
      }
      await page.context().close();
    }
  });

  it('the fund settles a year and the ledger names each organisation', async () => {
    // The year's results of the fund's station, as its lab reports them.
    const values: Record<string, string> = { codmn: '2.31', nh3n: '0.10', tn: '1.05', tp: '0.026' };
    expect(Object.keys(templateTerms('two-way-quality-index', 'zh').indicators).sort()).toEqual(Object.keys(values).sort());
    for (const [indicator, value] of Object.entries(values))
      await must(
        fund.json(`/api/v1/deals/${dealId}/agreements/${agreementId}/monitoring`, 'POST', {
          year,
          indicator,
          value,
          laboratory: '丹江口水质监测站',
          sampledFrom: `${year}-01-08`,
          sampledTo: `${year}-12-16`,
        }),
        201,
        `monitoring ${indicator}`,
      );
    const page = await fromDealList('fund@pes.demo', 'zh', 'agreements');
    await page.locator(`[data-testid=agreement-row][data-agreement-id="${agreementId}"]`).getByRole('link').first().click();
    await page.waitForURL(new RegExp(`/agreements/${agreementId}$`));
    await page.getByTestId('tab-settlements').click();
    await page.waitForURL(/\/settlements$/);
    await page.waitForLoadState('networkidle');
    await page.getByTestId(`run-${year}`).click();
    await page.locator(`[data-testid="settlement-year-${year}"][data-state="DRAFT"]`).waitFor();
    await page.getByTestId(`confirm-check-${year}`).check();
    await page.getByTestId(`confirm-${year}`).click();
    await page.locator(`[data-testid="settlement-year-${year}"][data-state="CONFIRMED"]`).waitFor();

    await page.getByTestId('tab-ledger').click();
    await page.waitForURL(/\/ledger$/);
    const parties = page.getByTestId('ledger-parties');
    await parties.waitFor();
    const text = (await parties.textContent()) ?? '';
    for (const name of [organisation.shiyan.nameZh, '北京市水务局', '天津市水务局']) expect(text, name).toContain(name);
    await screenshot(page, 'three-party-ledger-zh');
    await page.context().close();
  });
});
