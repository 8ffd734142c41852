import { shiyanDocument } from '../../lib/engine';
import { signAgreement } from '../../lib/server/agreements/sign-agreement';
import { loadActor } from '../../lib/server/auth/current-actor';
import { answerOffer } from '../../lib/server/offers/answer-offer';
import { sendOffer } from '../../lib/server/offers/send-offer';
import { saveScenarioVersion } from '../../lib/server/scenarios/save-scenario-version';
import { makeDeal, makeUser, testDb, testPassword } from './index';

export type FundActor = NonNullable<Awaited<ReturnType<typeof loadActor>>>;

let ip = 0;
export const fundOrigin = () => ({ ip: `203.0.113.${++ip % 250}`, userAgent: 'vitest agreement' });
const inAMonth = () => new Date(Date.now() + 30 * 86_400_000);
// The Shiyan version counts in thousand CNY: 200 000 thousand a year is 200 000 000 CNY scheduled.
const defaultSchedule = [{ from: 2021, to: 2030, amount: '200000' }];

/**
 * A deal with an agreement on the Shiyan version and these terms, signed by both sides unless
 * `sign: false`: one upstream and one downstream signatory, a fund administrator, a fund reader,
 * an observer with edit and a platform administrator.
 */
export async function signedAgreement(options: { terms: Record<string, unknown>; schedule?: { from: number; to: number; amount: string }[]; sign?: boolean; locale?: 'zh' | 'en' }) {
  const [up, down, fund, fundReader, observer, platformAdmin] = await Promise.all([
    makeUser({ locale: options.locale }),
    makeUser({ locale: options.locale }),
    makeUser({ role: 'FUND_ADMIN', kind: 'WATER_FUND', locale: options.locale }),
    makeUser({ kind: 'WATER_FUND' }),
    makeUser(),
    makeUser({ role: 'ADMIN' }),
  ]);
  const deal = await makeDeal([
    { userId: up.id, side: 'UPSTREAM', canEdit: true, canSign: true },
    { userId: down.id, side: 'DOWNSTREAM', canEdit: true, canSign: true },
    { userId: fund.id, side: 'FUND' },
    { userId: fundReader.id, side: 'FUND' },
    { userId: observer.id, side: 'OBSERVER', canEdit: true },
    { userId: platformAdmin.id, side: 'OBSERVER' },
  ]);
  await testDb().deal.update({ where: { id: deal.id }, data: { status: 'NEGOTIATING' } });
  const [upstream, downstream, fundAdmin, reader, viewer, admin] = (await Promise.all([up, down, fund, fundReader, observer, platformAdmin].map((u) => loadActor(u.id)))) as FundActor[];
  const { versionId } = await saveScenarioVersion({ actor: upstream!, origin: fundOrigin(), dealId: deal.id, input: { document: shiyanDocument(), message: 'v1' } });
  const offer = await sendOffer({
    actor: upstream!,
    origin: fundOrigin(),
    dealId: deal.id,
    input: { versionId, schedule: options.schedule ?? defaultSchedule, terms: options.terms, validUntil: inAMonth() },
  });
  const { agreementId } = (await answerOffer({ actor: downstream!, origin: fundOrigin(), dealId: deal.id, offerId: offer.id, input: { move: 'accept' } })) as { agreementId: string };
  if (options.sign !== false) {
    await signAgreement({ actor: upstream!, origin: fundOrigin(), dealId: deal.id, agreementId, input: { password: testPassword } });
    await signAgreement({ actor: downstream!, origin: fundOrigin(), dealId: deal.id, agreementId, input: { password: testPassword } });
  }
  const at = { dealId: deal.id, agreementId };
  return { deal, agreementId, at, upstream: upstream!, downstream: downstream!, fundAdmin: fundAdmin!, reader: reader!, viewer: viewer!, admin: admin! };
}

export type SignedAgreement = Awaited<ReturnType<typeof signedAgreement>>;
