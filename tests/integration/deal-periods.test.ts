import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ZChangeDealPeriods, ZCreateDeal } from '../../lib/domain/deal-schemas';
import { ConflictError, NotFoundError, ValidationError } from '../../lib/domain/errors';
import { loadActor } from '../../lib/server/auth/current-actor';
import { changeDealPeriods } from '../../lib/server/deals/change-deal-periods';
import { createDeal } from '../../lib/server/deals/create-deal';
import { startScenarioFromTemplate } from '../../lib/server/scenarios/start-scenario-from-template';
import { makeUser, testDb } from '../factories';

// Decision 0083: a deal's periods change while no scenario of the deal has a version; the change
// and its audit event in one transaction; afterwards a coded, translated refusal.

const origin = { ip: '198.51.100.83', userAgent: 'vitest deal periods' };

async function openDeal() {
  const [admin, up, stranger] = await Promise.all([makeUser({ role: 'ADMIN' }), makeUser({ kind: 'UPSTREAM_GOVERNMENT' }), makeUser()]);
  const [adminActor, upActor, strangerActor] = await Promise.all([admin, up, stranger].map((u) => loadActor(u.id)));
  const input = ZCreateDeal.parse({
    slug: `periods-${randomUUID().slice(0, 8)}`,
    name: 'Han River 2011–2020',
    nameZh: '汉江 2011—2020',
    watershed: 'Han River',
    watershedZh: '汉江',
    startYear: 2011,
    endYear: 2020,
    unit: 10000,
    priceBase: '2010 年不变价',
    periods: [{ from: 2011, to: 2020 }],
    members: [{ email: up.email, side: 'UPSTREAM', canEdit: true }],
  });
  const deal = await createDeal({ actor: adminActor!, origin, input });
  return { deal, admin: adminActor!, upstream: upActor!, stranger: strangerActor! };
}

const change = (periods: unknown) => ZChangeDealPeriods.parse({ periods });

describe('changing a deal’s periods', () => {
  it('a manager splits the periods before any scenario: the deal and one audit event with before and after; the next template takes them', async () => {
    const t = await openDeal();
    const updated = await changeDealPeriods({
      actor: t.admin,
      origin,
      dealId: t.deal.id,
      input: change([
        { from: 2011, to: 2013 },
        { label: '追溯补偿期', from: 2014, to: 2020 },
      ]),
    });
    expect(updated.periods).toEqual([
      { label: '2011–2013', from: 2011, to: 2013 },
      { label: '追溯补偿期', from: 2014, to: 2020 },
    ]);
    const events = await testDb().auditEvent.findMany({ where: { dealId: t.deal.id, action: 'deal.periods_changed' } });
    expect(events).toHaveLength(1);
    expect(events[0]!.summary).toMatchObject({ before: { periods: [{ label: '2011–2020', from: 2011, to: 2020 }] }, after: { periods: updated.periods } });

    const started = await startScenarioFromTemplate({ actor: t.upstream, origin, dealId: t.deal.id, input: { template: 'paper-table-2', name: '表 2', message: '起步' } });
    const v1 = await testDb().scenarioVersion.findUniqueOrThrow({ where: { id: started.versionId } });
    expect((v1.document as { periods: unknown }).periods).toEqual(updated.periods);
  });

  it('refuses once a scenario has a version, in the reader’s language, and changes nothing', async () => {
    const t = await openDeal();
    await startScenarioFromTemplate({ actor: t.upstream, origin, dealId: t.deal.id, input: { template: 'blank', name: '空白', message: '起步' } });
    const error = await changeDealPeriods({ actor: t.admin, origin, dealId: t.deal.id, input: change([]) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).code).toBe('conflict');
    expect((error as ConflictError).messageIn('zh')).toBe('时段：已有 1 个情景版本采用了项目的时段，时段不能再更改；请在情景中拆分或增加时段');
    expect((error as ConflictError).messageIn('en')).toMatch(/^Periods: 1 scenario version already uses the deal's periods/);
    const stored = await testDb().deal.findUniqueOrThrow({ where: { id: t.deal.id } });
    expect(stored.periods).toEqual([{ label: '2011–2020', from: 2011, to: 2020 }]);
    expect(await testDb().auditEvent.count({ where: { dealId: t.deal.id, action: 'deal.periods_changed' } })).toBe(0);
  });

  it('refuses periods that do not fit the deal’s years, naming the period and field, and changes nothing', async () => {
    const t = await openDeal();
    const error = await changeDealPeriods({
      actor: t.admin,
      origin,
      dealId: t.deal.id,
      input: change([
        { from: 2011, to: 2013 },
        { from: 2013, to: 2020 },
      ]),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems.map((p) => p.field)).toEqual(['periods.1.from']);
    expect((error as ValidationError).problemsIn('zh')[0]!.message).toBe('起始于 2013 年，而该年已属于前一时段');
    expect((await testDb().deal.findUniqueOrThrow({ where: { id: t.deal.id } })).periods).toEqual([{ label: '2011–2020', from: 2011, to: 2020 }]);
  });

  it('is for managers only: a party is refused, a stranger finds no deal', async () => {
    const t = await openDeal();
    await expect(changeDealPeriods({ actor: t.upstream, origin, dealId: t.deal.id, input: change([]) })).rejects.toMatchObject({ status: 403 });
    await expect(changeDealPeriods({ actor: t.stranger, origin, dealId: t.deal.id, input: change([]) })).rejects.toBeInstanceOf(NotFoundError);
    expect(await testDb().auditEvent.count({ where: { dealId: t.deal.id, action: 'deal.periods_changed' } })).toBe(0);
  });
});
