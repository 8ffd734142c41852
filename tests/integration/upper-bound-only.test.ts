import { describe, expect, it } from 'vitest';
import { shiyanDocument, type AnyResultJson } from '../../lib/engine';
import { ValidationError } from '../../lib/domain/errors';
import { loadActor } from '../../lib/server/auth/current-actor';
import { getVersionSensitivity } from '../../lib/server/negotiation/get-version-sensitivity';
import { getScenarioVersion } from '../../lib/server/scenarios/get-scenario-version';
import { saveScenarioVersion } from '../../lib/server/scenarios/save-scenario-version';
import { makeDeal, makeUser } from '../factories';

const origin = { ip: '198.51.100.7', userAgent: 'vitest upper-bound-only' };

/** Downstream's own scenario: its benefits (typed) and its own costs, no upstream cost copied. */
const benefitsOnly = {
  format: 'pes-scenario/1',
  name: 'Beijing: benefits and own costs',
  currency: 'CNY',
  unit: 1000,
  priceBase: '2000 constant prices',
  startYear: 2014,
  endYear: 2030,
  periods: [
    { label: '2014–2020', from: 2014, to: 2020 },
    { label: '2021–2030', from: 2021, to: 2030 },
  ],
  benefits: [
    { kind: 'avoidedTreatment', label: 'Avoided treatment', values: { '2014-2030': '900000' } },
    { kind: 'willingnessToPay', label: 'Stated willingness to pay', values: { '2014-2030': '300000' } },
  ],
  downstreamCosts: [{ label: 'Monitoring', values: { '2014-2030': '20000' } }],
  waterVolume: { '2014-2030': '9500000000' },
};

async function deal() {
  const [up, down] = await Promise.all([makeUser({ kind: 'UPSTREAM_GOVERNMENT' }), makeUser({ kind: 'DOWNSTREAM_AUTHORITY' })]);
  const d = await makeDeal([
    { userId: up.id, side: 'UPSTREAM', canEdit: true },
    { userId: down.id, side: 'DOWNSTREAM', canEdit: true },
  ]);
  const [upstream, downstream] = await Promise.all([loadActor(up.id), loadActor(down.id)]);
  return { deal: d, upstream: upstream!, downstream: downstream! };
}

describe('a downstream scenario that states only its upper bound', () => {
  it('saves, and its stored result has an upper bound per year and period and no stated lower bound', async () => {
    const { deal: d, downstream } = await deal();
    const saved = await saveScenarioVersion({ actor: downstream, origin, dealId: d.id, input: { document: benefitsOnly, message: 'Our benefits' } });
    const version = await getScenarioVersion({ actor: downstream, origin, dealId: d.id, versionId: saved.versionId });
    expect(version.scenario.side).toBe('DOWNSTREAM');
    const result = version.result as unknown as AnyResultJson;
    expect(result).toMatchObject({ format: 'pes-result/1', lowerBoundStated: false, backPayAnnuity: null, totals: { lowerBound: null, payment: null } });
    expect(result.years).toHaveLength(17);
    for (const y of result.years) {
      expect(y.upperBound).toBe('1180000');
      expect([y.lowerBound, y.payment, y.suggestedPayment, y.feasible]).toEqual([null, null, null, null]);
    }
    expect(result.periods.map((p) => [p.upperBound, p.lowerBound])).toEqual([
      ['1180000', null],
      ['1180000', null],
    ]);
    // The benefit kinds are kept in the saved document.
    expect((version.document as typeof benefitsOnly).benefits.map((b) => b.kind)).toEqual(['avoidedTreatment', 'willingnessToPay']);
  });

  it('has a sensitivity of its own: benefits × downstream costs, the lower bound not stated', async () => {
    const { deal: d, downstream, upstream } = await deal();
    const saved = await saveScenarioVersion({ actor: downstream, origin, dealId: d.id, input: { document: benefitsOnly, message: 'Our benefits' } });
    // The other side may read it too (view right).
    const s = await getVersionSensitivity({ actor: upstream, origin, dealId: d.id, versionId: saved.versionId });
    expect(s.sensitivity.lowerBoundStated).toBe(false);
    expect(s.stored.lowerBound).toBeNull();
    expect(s.sensitivity.base.lowerBound.total).toBeNull();
    expect(s.sensitivity.base.upperBound.total).toBe('20060000');
    expect(s.sensitivity.factors.map((f) => f.id)).toEqual(['benefits', 'downstreamCosts']);
    expect([s.sensitivity.twoWay!.rows.id, s.sensitivity.twoWay!.cols.id]).toEqual(['benefits', 'downstreamCosts']);
  });

  it('measures an offer typed in the reader’s unit against the Nash suggestion of a version with both bounds', async () => {
    const { deal: d, downstream } = await deal();
    const both = { ...(shiyanDocument() as object), benefits: benefitsOnly.benefits.map((b) => ({ ...b, values: { '2014-2050': '20000000' } })) };
    const saved = await saveScenarioVersion({ actor: downstream, origin, dealId: d.id, input: { document: both, message: 'both bounds' } });
    // 1 200 000 万元 = 12 000 000 000 yuan = 12 000 000 thousand yuan (the version's unit).
    const s = await getVersionSensitivity({ actor: downstream, origin, dealId: d.id, versionId: saved.versionId, offer: '1200000', offerScale: 'wan', rows: 'offer', cols: 'bargainingWeight' });
    expect(s.sensitivity.offer).toBe('12000000');
    expect([s.sensitivity.twoWay!.rows.id, s.sensitivity.twoWay!.cols.id]).toEqual(['offer', 'bargainingWeight']);
    await expect(getVersionSensitivity({ actor: downstream, origin, dealId: d.id, versionId: saved.versionId, offer: '-1' })).rejects.toBeInstanceOf(ValidationError);
  });
});
