import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../lib/seed/demo-accounts';
import { baseUrl, openAs } from './browser';
import { demoParties, onDemoDeal, withSuiteDatabase } from './demo-deal';

// Decision 0112: a draft started in the offer composer or the terms workbench of a deal that names
// its parties carries them, the organisations' ids and names, in place of a template's examples.

let browser: Browser;
let dealId: string;
let organisations: { shiyan: { id: string; nameZh: string }; beijing: { id: string; nameZh: string } };

onDemoDeal(async (demo) => {
  ({ browser, dealId } = demo);
  const organisationOf = (email: string) => withSuiteDatabase(async (prisma) => (await prisma.user.findUniqueOrThrow({ where: { email }, include: { organisation: true } })).organisation);
  const [shiyan, beijing] = await Promise.all([organisationOf('shiyan@pes.demo'), organisationOf('beijing@pes.demo')]);
  organisations = { shiyan, beijing };
});

const none = { upstream: { parties: [] }, downstream: { parties: [] }, funders: { parties: [] } };
async function setParties(body: unknown) {
  const { fund } = await demoParties(baseUrl());
  const put = await fund.json(`/api/v1/deals/${dealId}/parties`, 'PUT', body);
  expect(put.status, JSON.stringify(put.body).slice(0, 300)).toBe(200);
}
// The demo deal names no parties for the other files: put it back.
afterAll(() => setParties(none));

/** The terms editor's document as its JSON view shows it. */
async function draftedDocument(page: Page): Promise<{ parties?: { upstream: { id: string; nameZh?: string }[]; downstream: { id: string; nameZh?: string }[] } }> {
  await page.getByTestId('terms-json-toggle').click();
  return JSON.parse(await page.getByTestId('terms-json').inputValue()) as never;
}

describe('terms drafted on a deal with parties, in Chromium', () => {
  it('start from the deal’s parties in the composer and the workbench, a template’s example provinces replaced', async () => {
    await setParties({ upstream: { parties: [{ organisationId: organisations.shiyan.id }] }, downstream: { parties: [{ organisationId: organisations.beijing.id }] }, funders: { parties: [] } });
    const expected = { upstream: [{ id: organisations.shiyan.id, nameZh: organisations.shiyan.nameZh }], downstream: [{ id: organisations.beijing.id, nameZh: organisations.beijing.nameZh }] };
    const parties = (document: Awaited<ReturnType<typeof draftedDocument>>) => ({
      upstream: document.parties?.upstream.map((p) => ({ id: p.id, nameZh: p.nameZh })),
      downstream: document.parties?.downstream.map((p) => ({ id: p.id, nameZh: p.nameZh })),
    });

    const offers = await openAs(browser, 'shiyan@pes.demo', demoPassword, 'zh', `/deals/${dealId}/offers`);
    await offers.getByTestId('new-offer').click();
    await offers.getByTestId('offer-has-terms').check();
    expect(parties(await draftedDocument(offers))).toEqual(expected);
    await offers.getByTestId('terms-template').selectOption('middle-route');
    await offers.getByTestId('terms-json-toggle').click();
    expect(parties(await draftedDocument(offers))).toEqual(expected);
    await offers.context().close();

    const workbench = await openAs(browser, 'beijing@pes.demo', demoPassword, 'zh', `/deals/${dealId}/terms`);
    await workbench.getByTestId('terms-template').selectOption('middle-route');
    expect(parties(await draftedDocument(workbench))).toEqual(expected);
    await workbench.context().close();
  });
});
