import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { D, computeScenario, shiyanDocument, shiyanScenario } from '../../lib/engine';
import { modelScheduleLines, modelVersionOf } from '../../lib/engine/offer-schedule';
import { describeAuditEvent } from '../../lib/domain/audit-summary';
import { auditSentenceText, type Translate } from '../../lib/domain/audit-text';
import { ValidationError } from '../../lib/domain/errors';
import { loadActor } from '../../lib/server/auth/current-actor';
import { listDealActivity } from '../../lib/server/deals/list-deal-activity';
import { getBargainingZone } from '../../lib/server/negotiation/get-bargaining-zone';
import { getOfferRoom } from '../../lib/server/offers/get-offer-room';
import { sendOffer } from '../../lib/server/offers/send-offer';
import { saveScenarioVersion } from '../../lib/server/scenarios/save-scenario-version';
import en from '../../messages/en.json';
import zh from '../../messages/zh.json';
import { makeDeal, makeUser, testDb } from '../factories';

const origin = { ip: '198.51.100.77', userAgent: 'vitest lower bound not stated' };
const inAMonth = () => new Date(Date.now() + 30 * 86_400_000);

/** A scenario with benefits and no cost or subsidy item: it states only the upper bound (decision 0046). */
const benefitsOnly = (name: string) => ({
  format: 'pes-scenario/1',
  name,
  currency: 'CNY',
  unit: 1000,
  priceBase: '2000 constant prices',
  startYear: 2014,
  endYear: 2030,
  periods: [
    { label: '2014–2020', from: 2014, to: 2020 },
    { label: '2021–2030', from: 2021, to: 2030 },
  ],
  benefits: [{ kind: 'avoidedTreatment', label: '避免的水处理费用', values: { '2014-2030': '900000' } }],
  waterVolume: { '2014-2030': '9500000000' },
});

async function table() {
  const [up, down] = await Promise.all([makeUser({ kind: 'UPSTREAM_GOVERNMENT' }), makeUser({ kind: 'DOWNSTREAM_AUTHORITY' })]);
  const deal = await makeDeal([
    { userId: up.id, side: 'UPSTREAM', canEdit: true },
    { userId: down.id, side: 'DOWNSTREAM', canEdit: true },
  ]);
  const [upstream, downstream] = (await Promise.all([up, down].map((u) => loadActor(u.id)))).map((a) => a!);
  const save = (actor: typeof upstream, document: unknown, message: string) => saveScenarioVersion({ actor: actor!, origin, dealId: deal.id, input: { document, message } });
  return { deal, upstream: upstream!, downstream: downstream!, save };
}

describe('a version that states no lower bound is never used as one', () => {
  it('leaves the zone between the sides without a lower bound, naming the version, instead of a 0 or a crash', async () => {
    const { deal, upstream, downstream, save } = await table();
    const costless = await save(upstream, benefitsOnly('上游：仅列效益'), 'no costs yet');
    const down = await save(downstream, benefitsOnly('北京：效益'), 'our benefits');

    for (const pair of [{}, { lower: costless.versionId }]) {
      const zone = await getBargainingZone({ actor: upstream, origin, dealId: deal.id, pair, locale: 'zh' });
      expect(zone.pair.lower).toBeNull();
      expect(zone.pair.upper?.id).toBe(down.versionId);
      expect(zone.pair.missing).toEqual([{ bound: 'lower', code: 'lowerBoundNotStated', versionId: costless.versionId, message: expect.stringContaining('上游：仅列效益 · 第 1 版') }]);
      expect(zone.pair.missing[0]!.message).toContain('未提出补偿下限');
      expect(zone.pair.years).toHaveLength(17);
      for (const y of zone.pair.years) expect([y.lowerBound, y.suggestedPayment, y.feasible, y.coverage]).toEqual([null, null, null, 'upperOnly']);
      // In the deal's unit (CNY): 900 000 thousand CNY.
      expect(zone.pair.unit).toBe(1);
      expect(zone.pair.years[0]!.upperBound).toBe('900000000');
      expect(zone.pair.periods.map((p) => [p.lowerBound, p.upperBound])).toEqual([
        [null, '900000000'],
        [null, '900000000'],
      ]);
    }
    // Side by side each version is inside its own bounds: neither has a zone of its own, both are named instead.
    const sideBySide = await getBargainingZone({ actor: upstream, origin, dealId: deal.id, versionIds: [costless.versionId, down.versionId] });
    expect(sideBySide.versions).toEqual([]);
    expect(sideBySide.withoutLowerBound.map((v) => [v.id, v.label])).toEqual([
      [costless.versionId, '上游：仅列效益 · v1'],
      [down.versionId, '北京：效益 · v1'],
    ]);

    // Once upstream states its costs, that version is the lower bound and the only one side by side.
    const paper = await save(upstream, shiyanDocument(), 'the paper’s costs');
    const zone = await getBargainingZone({ actor: upstream, origin, dealId: deal.id, versionIds: [paper.versionId, down.versionId] });
    expect([zone.pair.lower?.id, zone.pair.missing]).toEqual([paper.versionId, []]);
    expect(zone.pair.years.find((y) => y.year === 2021)).toMatchObject({ feasible: expect.any(Boolean), coverage: 'both' });
    expect(zone.versions.map((v) => [v.id, v.lowerBoundStated])).toEqual([[paper.versionId, true]]);
    expect(zone.withoutLowerBound.map((v) => v.id)).toEqual([down.versionId]);
  });

  it('marks such a version in the offer room, its stored lower bound null, not 0', async () => {
    const { deal, upstream, downstream, save } = await table();
    const down = await save(downstream, benefitsOnly('北京：效益'), 'our benefits');
    const paper = await save(upstream, shiyanDocument(), 'the paper');
    const room = await getOfferRoom({ actor: upstream, origin, dealId: deal.id });
    const byId = new Map(room.versions.map((v) => [v.id, v]));
    expect(byId.get(down.versionId)).toMatchObject({ lowerBoundStated: false, side: 'DOWNSTREAM' });
    expect(byId.get(down.versionId)!.periods.map((p) => [p.lowerBound, p.upperBound])).toEqual([
      [null, '900000'],
      [null, '900000'],
    ]);
    expect(byId.get(paper.versionId)!.lowerBoundStated).toBe(true);
    // It still gives the upper bound an offer is checked against by default.
    expect(room.defaultUpperVersionId).toBe(down.versionId);
  });

  it('refuses an offer on it with a coded problem naming the version and the field, and writes nothing', async () => {
    const { deal, upstream, downstream, save } = await table();
    const down = await save(downstream, benefitsOnly('北京：效益'), 'our benefits');
    const paper = await save(upstream, shiyanDocument(), 'the paper');
    const refused = await sendOffer({
      actor: downstream,
      origin,
      dealId: deal.id,
      input: { versionId: down.versionId, schedule: [{ from: 2021, to: 2025, amount: '500000' }], validUntil: inAMonth() },
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    const error = refused as ValidationError;
    expect([error.status, error.field, error.problems[0]?.text?.key]).toEqual([400, 'versionId', 'offerVersionStatesNoLowerBound']);
    expect(error.messageIn('zh')).toContain('北京：效益 · 第 1 版');
    expect(error.messageIn('en')).toContain('北京：效益 · v1');
    expect(error.messageIn('zh')).toContain('未提出补偿下限');
    expect(error.messageIn('en')).toContain('states no lower bound');
    expect(await testDb().offer.count({ where: { dealId: deal.id } })).toBe(0);
    expect(await testDb().auditEvent.count({ where: { dealId: deal.id, action: { startsWith: 'offer.' } } })).toBe(0);

    // An upstream version is no upper bound either (the zone's rule): refused naming upperVersionId.
    const other = await save(upstream, { ...(shiyanDocument() as object), name: '十堰：另一视角' }, 'another view');
    await expect(
      sendOffer({
        actor: upstream,
        origin,
        dealId: deal.id,
        input: { versionId: paper.versionId, upperVersionId: other.versionId, schedule: [{ from: 2021, to: 2022, amount: '9500000' }], validUntil: inAMonth() },
      }),
    ).rejects.toMatchObject({
      field: 'upperVersionId',
    });
    // The offer on a version that states its costs goes through, checked against downstream's upper bound.
    const sent = await sendOffer({ actor: upstream, origin, dealId: deal.id, input: { versionId: paper.versionId, schedule: [{ from: 2021, to: 2022, amount: '9500000' }], validUntil: inAMonth() } });
    expect(sent.upperVersionId).toBe(down.versionId);
  });
});

describe('the activity sentence of a sent offer', () => {
  const t = { zh: createTranslator({ locale: 'zh', messages: zh }) as unknown as Translate, en: createTranslator({ locale: 'en', messages: en }) as unknown as Translate };

  it('records the deferred years and the present value, typed, and says them in both languages', async () => {
    const { deal, upstream, save } = await table();
    const paper = await save(upstream, shiyanDocument(), 'the paper');
    const model = modelVersionOf(computeScenario(shiyanScenario()));
    const schedule = [{ from: 2003, to: 2013, amount: '0' }, ...modelScheduleLines(model, 2)] as { from: number; to: number; amount: string }[];
    const offer = await sendOffer({ actor: upstream, origin, dealId: deal.id, input: { versionId: paper.versionId, schedule, validUntil: inAMonth() } });

    const event = await testDb().auditEvent.findFirstOrThrow({ where: { dealId: deal.id, action: 'offer.sent' } });
    const after = (event.summary as { after: Record<string, unknown> }).after;
    expect(after).toMatchObject({ number: offer.number, unit: 1000, offered: offer.boundCheck.totals.offered, deferredYears: offer.boundCheck.deferredYears });
    expect(after.deferredYears).toHaveLength(11);
    expect(after.presentValue).toEqual({ baseYear: 2003, rate: '0.03', offered: offer.boundCheck.presentValue!.offered });

    const { events } = await listDealActivity({ actor: upstream, origin, dealId: deal.id, filter: { limit: 20 } });
    const sentence = events.find((e) => e.action === 'offer.sent')!.description;
    expect(sentence.values).toMatchObject({
      offered: { kind: 'clause', clause: 'offered', values: { amount: { kind: 'amount', yuan: D(offer.boundCheck.totals.offered).times(1000).toFixed() } } },
      presentValue: { kind: 'clause', clause: 'presentValue', values: { amount: { kind: 'amount', yuan: D(offer.boundCheck.presentValue!.offered).times(1000).toFixed() }, baseYear: '2003' } },
      deferred: { kind: 'clause', clause: 'deferred', values: { count: 11, years: { kind: 'years', years: Array.from({ length: 11 }, (_, i) => 2003 + i) } } },
    });
    const zhText = auditSentenceText(sentence, t.zh, 'zh', 'wan');
    expect(zhText).toMatch(/发出了第 1 号报价，合计 [\d,.]+ 万元，折现至 2003 年的现值 [\d,.]+ 万元；11 年推迟至追溯补偿年份支付（2003–2013）$/);
    const enText = auditSentenceText(sentence, t.en, 'en', 'wan');
    expect(enText).toMatch(/sent offer no\. 1: [\d,.]+ ten thousand yuan in total, present value [\d,.]+ ten thousand yuan discounted to 2003; 11 years deferred to the catch-up \(2003–2013\)$/);
  });

  it('reads a row written before the unit was recorded without the amounts, not as yuan', () => {
    const old = describeAuditEvent(
      { action: 'offer.countered', summary: { after: { number: 3, versionId: 'v', offered: '5000', belowLowerYears: [], aboveUpperYears: [], answersOfferId: 'o' } } },
      '李伟',
      { scenario: () => undefined, user: () => undefined },
    );
    expect(auditSentenceText(old, t.zh, 'zh', 'wan')).toBe('李伟 以第 3 号报价还价');
    expect(auditSentenceText(old, t.en, 'en', 'wan')).toBe('李伟 countered with offer no. 3');
  });
});
