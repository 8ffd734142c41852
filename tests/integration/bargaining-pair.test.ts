import { describe, expect, it } from 'vitest';
import { D, computeScenario, shiyanDocument, shiyanScenario, toStatedResultJson } from '../../lib/engine';
import { NotFoundError, ValidationError } from '../../lib/domain/errors';
import { problemIn } from '../../lib/domain/local-text';
import { schemaProblems } from '../../lib/domain/schema-problems';
import { loadActor } from '../../lib/server/auth/current-actor';
import { getBargainingZone, ZZoneQuery } from '../../lib/server/negotiation/get-bargaining-zone';
import { wholePair } from '../../lib/server/negotiation/zone-dto';
import { saveScenarioVersion } from '../../lib/server/scenarios/save-scenario-version';
import { makeDeal, makeUser } from '../factories';

const origin = { ip: '203.0.113.15', userAgent: 'vitest bargaining pair' };

/** Downstream's own scenario: the paper's costs in 10 000 CNY (not the paper's 1 000) and stated benefits from 2014. */
function downstreamDocument(benefit2021: string) {
  const paper = shiyanDocument() as Record<string, unknown>;
  const tenth = (values: Record<string, string>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, new D(v).div(10).toString()]));
  return {
    ...paper,
    name: 'Beijing view',
    unit: 10000,
    costs: (paper.costs as { values: Record<string, string> }[]).map((c) => ({ ...c, values: tenth(c.values) })),
    subsidies: (paper.subsidies as { values: Record<string, string> }[] | undefined)?.map((c) => ({ ...c, values: tenth(c.values) })),
    benefits: [{ label: 'Avoided next-best supply', values: { '2014-2030': benefit2021, '2031-2050': '1560000' } }],
  };
}

async function table() {
  const [up, down, viewer] = await Promise.all([makeUser({ kind: 'UPSTREAM_GOVERNMENT' }), makeUser({ kind: 'DOWNSTREAM_AUTHORITY' }), makeUser()]);
  const deal = await makeDeal([
    { userId: up.id, side: 'UPSTREAM', canEdit: true },
    { userId: down.id, side: 'DOWNSTREAM', canEdit: true },
    { userId: viewer.id, side: 'OBSERVER' },
  ]);
  const [upstream, downstream, observer] = (await Promise.all([up, down, viewer].map((u) => loadActor(u.id)))).map((a) => a!);
  return { deal, upstream: upstream!, downstream: downstream!, observer: observer! };
}

const save = (actor: Awaited<ReturnType<typeof table>>['upstream'], dealId: string, document: unknown, message: string, scenarioId?: string, baseVersionId?: string) =>
  saveScenarioVersion({ actor, origin, dealId, input: { document, message, ...(scenarioId ? { scenarioId, baseVersionId } : {}) } });

describe('the zone between the sides', () => {
  it('says which bound is missing while a side has no version', async () => {
    const { deal, upstream, observer } = await table();
    const empty = await getBargainingZone({ actor: observer, origin, dealId: deal.id, locale: 'zh' });
    expect(empty.pair.missing.map((m) => [m.bound, m.code])).toEqual([
      ['lower', 'noUpstreamVersion'],
      ['upper', 'noDownstreamVersion'],
    ]);
    expect(empty.pair.missing[0]!.message).toContain('补偿下限');
    expect(empty.pair.years).toEqual([]);

    const paper = await save(upstream, deal.id, shiyanDocument(), 'Paper');
    const zone = await getBargainingZone({ actor: observer, origin, dealId: deal.id });
    expect(zone.pair.lower?.id).toBe(paper.versionId);
    expect(zone.pair.upper).toBeNull();
    expect(zone.pair.missing).toEqual([{ bound: 'upper', code: 'noDownstreamVersion', message: 'no downstream scenario has a saved version yet, so there is no upper bound' }]);
    expect(zone.pair.years.every((y) => y.coverage === 'lowerOnly' && y.upperBound === null && y.suggestedPayment === null)).toBe(true);
  });

  it('pairs by default the latest version of the latest scenario of each side, in the deal’s unit, from the stored results', async () => {
    const { deal, upstream, downstream, observer } = await table();
    const paper = await save(upstream, deal.id, shiyanDocument(), 'Paper');
    const scenarioId = (await getBargainingZone({ actor: observer, origin, dealId: deal.id })).pair.lower!.scenarioId;
    const paper2 = await save(upstream, deal.id, { ...(shiyanDocument() as object), discountRate: '0.04' }, 'Rate 4 %', scenarioId, paper.versionId);
    await save(downstream, deal.id, downstreamDocument('1000000'), 'First view');
    const view = await save(downstream, deal.id, downstreamDocument('1140000'), 'Second scenario, created later');

    const zone = await getBargainingZone({ actor: observer, origin, dealId: deal.id });
    expect([zone.pair.lower?.id, zone.pair.upper?.id]).toEqual([paper2.versionId, view.versionId]);
    expect(zone.pair.missing).toEqual([]);
    expect(zone.pair.unit).toBe(deal.unit);
    // Both state no weight: 0.5.
    expect(zone.pair.weight).toBe('0.5');

    const stored = toStatedResultJson(computeScenario(shiyanScenario()));
    const y2021 = zone.pair.years.find((y) => y.year === 2021)!;
    // Lower: the paper's stored 2021 lower bound (thousand CNY) in the deal's unit; upper: 1 140 000 × 10 000 CNY less downstream costs (none).
    const lower2021 = new D(stored.years.find((y) => y.year === 2021)!.lowerBound).times(1000).div(deal.unit);
    expect(new D(y2021.lowerBound!).eq(lower2021)).toBe(true);
    expect(new D(y2021.upperBound!).eq(new D('1140000').times(10000).div(deal.unit))).toBe(true);
    expect(y2021).toMatchObject({ feasible: true, coverage: 'both' });
    expect(new D(y2021.suggestedPayment!).eq(lower2021.plus(new D(y2021.upperBound!)).div(2))).toBe(true);
    // Before 2014 downstream states no benefit: no upper bound, no suggestion.
    expect(zone.pair.years.find((y) => y.year === 2010)).toMatchObject({ upperBound: null, suggestedPayment: null, feasible: null, coverage: 'both' });
    expect(zone.pair.periods.map((p) => p.label)).toEqual(stored.periods.map((p) => p.label));
    expect(zone.pair.periods.find((p) => p.from === 2021)).toMatchObject({ feasible: true, years: 10 });
  });

  it('pairs the versions asked for, at the weight asked for', async () => {
    const { deal, upstream, downstream, observer } = await table();
    const paper = await save(upstream, deal.id, shiyanDocument(), 'Paper');
    const first = await save(downstream, deal.id, downstreamDocument('1000000'), 'First view');
    await save(downstream, deal.id, downstreamDocument('1140000'), 'Second view');
    const zone = await getBargainingZone({ actor: observer, origin, dealId: deal.id, pair: { lower: paper.versionId, upper: first.versionId, w: '0.4' } });
    expect([zone.pair.lower?.id, zone.pair.upper?.id, zone.pair.weight]).toEqual([paper.versionId, first.versionId, '0.4']);
    const y = zone.pair.years.find((r) => r.year === 2021)!;
    expect(new D(y.upperBound!).eq(new D('1000000').times(10000).div(deal.unit))).toBe(true);
    const expected = new D(y.lowerBound!).plus(new D('0.4').times(new D(y.upperBound!).minus(y.lowerBound!)));
    expect(new D(y.suggestedPayment!).eq(expected)).toBe(true);
    // w = 1: the upper bound itself.
    const atOne = await getBargainingZone({ actor: observer, origin, dealId: deal.id, pair: { lower: paper.versionId, upper: first.versionId, w: '1' } });
    expect(atOne.pair.years.find((r) => r.year === 2021)!.suggestedPayment).toBe(y.upperBound);
  });

  it('sends each version of the pair whole once: in the versions shown, or else in pairVersions', async () => {
    const { deal, upstream, downstream, observer } = await table();
    const paper = await save(upstream, deal.id, shiyanDocument(), 'Paper');
    const first = await save(downstream, deal.id, downstreamDocument('1000000'), 'First view');
    const pair = { lower: paper.versionId, upper: first.versionId };
    // The lower version is among those shown, the upper is not.
    const zone = await getBargainingZone({ actor: observer, origin, dealId: deal.id, versionIds: [paper.versionId], pair });
    expect(zone.versions.map((v) => v.id)).toEqual([paper.versionId]);
    expect(zone.pairVersions.map((v) => v.id)).toEqual([first.versionId]);
    expect(zone.pair.lower).toMatchObject({ id: paper.versionId, message: 'Paper', side: 'UPSTREAM' });
    expect(zone.pair.lower).not.toHaveProperty('years');
    expect(zone.pair.upper).not.toHaveProperty('periods');
    const whole = wholePair(zone);
    expect([whole.lower, whole.upper]).toEqual([zone.versions[0], zone.pairVersions[0]]);
    expect(whole.upper!.years.length).toBeGreaterThan(0);
    // Both asked for: the downstream view states no lower bound, so it is not among those shown, and the pair's lower one is not sent twice.
    const both = await getBargainingZone({ actor: observer, origin, dealId: deal.id, versionIds: [paper.versionId, first.versionId], pair });
    const sent = [...both.versions, ...both.pairVersions].map((v) => v.id);
    expect(sent.sort()).toEqual([paper.versionId, first.versionId].sort());
    expect(wholePair(both)).toEqual(wholePair(zone));
  });

  it('refuses a weight outside 0 … 1 and a version of the wrong side, naming the parameter', async () => {
    const { deal, upstream, downstream, observer } = await table();
    const paper = await save(upstream, deal.id, shiyanDocument(), 'Paper');
    const view = await save(downstream, deal.id, downstreamDocument('1140000'), 'View');
    for (const w of ['1.5', '-0.1', 'half', '']) {
      await expect(getBargainingZone({ actor: observer, origin, dealId: deal.id, pair: { w } })).rejects.toMatchObject({ field: 'w' });
    }
    await expect(getBargainingZone({ actor: observer, origin, dealId: deal.id, pair: { lower: view.versionId } })).rejects.toMatchObject({ field: 'lower' });
    await expect(getBargainingZone({ actor: observer, origin, dealId: deal.id, pair: { upper: paper.versionId } })).rejects.toBeInstanceOf(ValidationError);

    // The API's query schema: a coded message, labelled with the parameter in the reader's language.
    const query = { w: '2', lower: 'nope' };
    const parsed = ZZoneQuery.safeParse(query);
    expect(parsed.success).toBe(false);
    const problems = schemaProblems(parsed.error!.issues, query).map((p) => problemIn(p, 'zh'));
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'w', label: '议价权重 w', message: '必须是 0 到 1 之间的议价权重，例如 0.4' },
        { field: 'lower', label: '补偿下限所依据的版本', message: '必须是有效的编号' },
      ]),
    );
    expect(ZZoneQuery.parse({ w: '0.40' }).w).toBe('0.4');
  });

  it('is not found for a version of another deal', async () => {
    const { deal, observer } = await table();
    const other = await table();
    const theirs = await save(other.upstream, other.deal.id, shiyanDocument(), 'Paper');
    const theirsDown = await save(other.downstream, other.deal.id, downstreamDocument('1140000'), 'View');
    await expect(getBargainingZone({ actor: observer, origin, dealId: deal.id, pair: { lower: theirs.versionId } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getBargainingZone({ actor: observer, origin, dealId: deal.id, pair: { upper: theirsDown.versionId } })).rejects.toBeInstanceOf(NotFoundError);
  });
});
