// The fund's portfolio and the navigation of an agreement's pages, on PostgreSQL: each indicator
// judged by the direction signed in the terms, each agreement's standing from what is outstanding,
// the two directions of payment netted apart (decision 0087), and exactly the links each reader
// may follow (decision 0088).
import { describe, expect, it } from 'vitest';
import { shiyanDocument } from '../../lib/engine';
import { templateTerms } from '../../lib/terms';
import { getAgreement } from '../../lib/server/agreements/get-agreement';
import { listAgreementLinks } from '../../lib/server/agreements/list-agreement-links';
import { signAgreement } from '../../lib/server/agreements/sign-agreement';
import { loadActor } from '../../lib/server/auth/current-actor';
import { confirmSettlement } from '../../lib/server/fund/confirm-settlement';
import { getFundPortfolio } from '../../lib/server/fund/get-fund-portfolio';
import { getMonitoring } from '../../lib/server/fund/get-monitoring';
import { importMonitoringTable } from '../../lib/server/fund/import-monitoring-table';
import { recordPayment } from '../../lib/server/fund/record-payment';
import { runSettlementYear } from '../../lib/server/fund/run-settlement';
import { answerOffer } from '../../lib/server/offers/answer-offer';
import { sendOffer } from '../../lib/server/offers/send-offer';
import { saveScenarioVersion } from '../../lib/server/scenarios/save-scenario-version';
import { makeDeal, makeUser, testDb, testPassword } from '../factories';

let ip = 0;
const origin = () => ({ ip: `198.51.100.${++ip % 250}`, userAgent: 'vitest portfolio' });
const now = new Date('2027-06-01T00:00:00Z');
type Actor = NonNullable<Awaited<ReturnType<typeof loadActor>>>;

const base = { ...templateTerms('two-way-quality-index', 'en'), from: 2021, to: 2030 };
// Any one lab settles a year here; COD_Mn is signed "higher is better" (against its c0 of 2.6),
// the other indicators say nothing and read with the default.
const terms = { ...base, monitoring: { ...Object.fromEntries(Object.keys(base.indicators).map((name) => [name, { labs: 'either' }])), codmn: { labs: 'either', direction: 'higher' } } };
const good = { codmn: '2.31', nh3n: '0.10', tn: '1.05', tp: '0.026' }; // downstream pays
const bad = { codmn: '2.80', nh3n: '0.15', tn: '1.40', tp: '0.035' }; // upstream pays

async function signedAgreement({ sign = true } = {}) {
  const users = await Promise.all([makeUser(), makeUser(), makeUser({ role: 'FUND_ADMIN', kind: 'WATER_FUND' }), makeUser(), makeUser()]);
  const [up, down, fund, observer] = users;
  const deal = await makeDeal([
    { userId: up.id, side: 'UPSTREAM', canEdit: true, canSign: true },
    { userId: down.id, side: 'DOWNSTREAM', canEdit: true, canSign: true },
    { userId: fund.id, side: 'FUND' },
    { userId: observer.id, side: 'OBSERVER', canEdit: true },
  ]);
  await testDb().deal.update({ where: { id: deal.id }, data: { status: 'NEGOTIATING' } });
  const [upstream, downstream, fundAdmin, viewer, outsider] = (await Promise.all(users.map((u) => loadActor(u.id)))) as Actor[];
  const { versionId } = await saveScenarioVersion({ actor: upstream!, origin: origin(), dealId: deal.id, input: { document: shiyanDocument(), message: 'v1' } });
  const offer = await sendOffer({
    actor: upstream!,
    origin: origin(),
    dealId: deal.id,
    input: { versionId, schedule: [{ from: 2021, to: 2030, amount: '200000' }], terms, validUntil: new Date(Date.now() + 30 * 86_400_000) },
  });
  const { agreementId } = (await answerOffer({ actor: downstream!, origin: origin(), dealId: deal.id, offerId: offer.id, input: { move: 'accept' } })) as { agreementId: string };
  if (sign) for (const party of [upstream!, downstream!]) await signAgreement({ actor: party, origin: origin(), dealId: deal.id, agreementId, input: { password: testPassword } });
  return { at: { dealId: deal.id, agreementId }, agreementId, upstream: upstream!, downstream: downstream!, fundAdmin: fundAdmin!, viewer: viewer!, outsider: outsider! };
}
type Signed = Awaited<ReturnType<typeof signedAgreement>>;

const csvOf = (year: number, values: Record<string, string>) =>
  ['year,indicator,value,laboratory,sampledFrom,sampledTo', ...Object.entries(values).map(([i, v]) => `${year},${i},${v},Station,${year}-01-10,${year}-12-15`)].join('\n');

async function settle(t: Signed, year: number, values: Record<string, string>) {
  await importMonitoringTable({ actor: t.fundAdmin, origin: origin(), ...t.at, fileName: `${year}.csv`, bytes: new TextEncoder().encode(csvOf(year, values)) });
  const draft = await runSettlementYear({ actor: t.fundAdmin, origin: origin(), ...t.at, year, now });
  return confirmSettlement({ actor: t.fundAdmin, origin: origin(), ...t.at, settlementId: draft.id, fingerprint: draft.fingerprint, now });
}

describe('the portfolio', () => {
  it('judges each indicator by the direction signed in the terms, and says where it assumed one', async () => {
    const t = await signedAgreement();
    await importMonitoringTable({ actor: t.fundAdmin, origin: origin(), ...t.at, fileName: 'r.csv', bytes: new TextEncoder().encode(csvOf(2024, good)) });
    const results = (await getFundPortfolio({ actor: t.fundAdmin, origin: origin(), now })).results.filter((r) => r.agreementId === t.agreementId && r.year === 2024);
    // 2.31 against 2.6 under "higher is better": missed, although it is below the target.
    expect(results.find((r) => r.indicator === 'codmn')).toMatchObject({ value: '2.31', target: '2.6', direction: 'higher', directionSigned: true, met: false });
    expect(results.find((r) => r.indicator === 'tp')).toMatchObject({ value: '0.026', target: '0.03', direction: 'lower', directionSigned: false, met: true });
    // The monitoring page carries the same target and direction for its charts.
    const view = await getMonitoring({ actor: t.upstream, origin: origin(), ...t.at });
    expect(view.indicators.find((i) => i.name === 'codmn')).toMatchObject({ target: '2.6', direction: 'higher', directionSigned: true });
  });

  it('calls an agreement with a settled year unpaid outstanding, not up to date, and nets the two directions apart', async () => {
    const t = await signedAgreement();
    const owed = await settle(t, 2024, good);
    const refund = await settle(t, 2025, bad);
    expect([owed.direction, refund.direction]).toEqual(['TO_UPSTREAM', 'FROM_UPSTREAM']);
    const row = () => getFundPortfolio({ actor: t.fundAdmin, origin: origin(), now }).then((p) => ({ portfolio: p, row: p.agreements.find((a) => a.id === t.agreementId)! }));

    const before = await row();
    expect(before.row.standing.status).toBe('outstanding');
    // 2021–2023 and 2026 are closed and not settled.
    expect(before.row.standing.reasons).toEqual(['outstanding', 'toSettle']);
    expect(before.row.standing.netting.toUpstream).toMatchObject({ settled: owed.due, paid: '0.00', outstanding: owed.due });
    expect(before.row.standing.netting.fromUpstream).toMatchObject({ settled: refund.due.replace('-', ''), paid: '0.00', outstanding: refund.due.replace('-', '') });
    // The portfolio nets each direction across agreements, never one against the other.
    expect(before.portfolio.netting.toUpstream.outstanding).toBe(owed.due);

    await recordPayment({
      actor: t.fundAdmin,
      origin: origin(),
      ...t.at,
      now,
      input: { year: 2024, funder: 'DOWNSTREAM', direction: 'TO_UPSTREAM', amount: owed.due, paidOn: '2027-03-01', reference: 'PAID-2024' },
    });
    const partly = await row();
    expect(partly.row.standing.netting.toUpstream.outstanding).toBe('0.00');
    // What upstream owes back is still outstanding: the payment downstream made does not net it.
    expect(partly.row.standing.netting.fromUpstream.outstanding).toBe(refund.due.replace('-', ''));
    expect(partly.row.standing.status).toBe('outstanding');

    await recordPayment({
      actor: t.fundAdmin,
      origin: origin(),
      ...t.at,
      now,
      input: { year: 2025, funder: 'DOWNSTREAM', direction: 'FROM_UPSTREAM', amount: refund.due.replace('-', ''), paidOn: '2027-03-02', reference: 'REFUND-2025' },
    });
    const paid = await row();
    expect(paid.row.standing.netting.fromUpstream).toMatchObject({ outstanding: '0.00', paid: refund.due.replace('-', '') });
    expect(paid.row.standing.reasons).toEqual(['toSettle']);
  });
});

describe('the links of an agreement, per reader', () => {
  it('gives every member the four pages of a signed agreement, the fund breadcrumb only to fund members, and "enter results" only to labs', async () => {
    const t = await signedAgreement();
    const navigation = async (actor: Actor) => (await getAgreement({ actor, origin: origin(), ...t.at })).navigation;
    const all = ['monitoring', 'settlements', 'ledger', 'history'];
    expect(await navigation(t.fundAdmin)).toEqual({ tabs: all, fundCrumbs: true, entersResults: true });
    expect(await navigation(t.upstream)).toEqual({ tabs: all, fundCrumbs: false, entersResults: true });
    expect(await navigation(t.downstream)).toEqual({ tabs: all, fundCrumbs: false, entersResults: true });
    // An observer reads everything and enters nothing, even with the edit right.
    expect(await navigation(t.viewer)).toEqual({ tabs: all, fundCrumbs: false, entersResults: false });
    await expect(navigation(t.outsider)).rejects.toMatchObject({ status: 404 });

    // A lab finds its monitoring page from the deal.
    const links = await listAgreementLinks({ actor: t.upstream, origin: origin(), dealId: t.at.dealId });
    expect(links).toEqual([expect.objectContaining({ id: t.agreementId, navigation: { tabs: all, fundCrumbs: false, entersResults: true } })]);
  });

  it('links only the history of an agreement not signed yet, and the deal lists no unsigned agreement', async () => {
    const t = await signedAgreement({ sign: false });
    expect((await getAgreement({ actor: t.fundAdmin, origin: origin(), ...t.at })).navigation).toEqual({ tabs: ['history'], fundCrumbs: true, entersResults: false });
    expect(await listAgreementLinks({ actor: t.upstream, origin: origin(), dealId: t.at.dealId })).toEqual([]);
  });
});
