import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, type Scenario } from '../../lib/engine';
import { ZCreateDeal } from '../../lib/domain/deal-schemas';
import { ForbiddenError, NotFoundError, ValidationError } from '../../lib/domain/errors';
import { problemIn } from '../../lib/domain/local-text';
import { schemaProblems } from '../../lib/domain/schema-problems';
import { ZNewScenario } from '../../lib/domain/scenario-schemas';
import { loadActor } from '../../lib/server/auth/current-actor';
import { createDeal } from '../../lib/server/deals/create-deal';
import { forkScenarioVersion } from '../../lib/server/scenarios/fork-scenario-version';
import { getScenarioVersion } from '../../lib/server/scenarios/get-scenario-version';
import { listScenarios } from '../../lib/server/scenarios/list-scenarios';
import { startScenarioFromTemplate } from '../../lib/server/scenarios/start-scenario-from-template';
import { makeUser, testDb } from '../factories';

const origin = { ip: '198.51.100.41', userAgent: 'vitest deal creation' };

const settings = (slug = `new-deal-${randomUUID().slice(0, 8)}`) => ({
  slug,
  name: 'Han River 2011–2020',
  nameZh: '汉江 2011—2020',
  watershed: 'Han River',
  watershedZh: '汉江',
  startYear: 2011,
  endYear: 2020,
  unit: 10000 as const,
  priceBase: '2010 年不变价',
});
const periods = [
  { from: 2011, to: 2013 },
  { label: 'Catch-up 2014–2020', from: 2014, to: 2020 },
];

async function people() {
  const [admin, fundAdmin, up, down, stranger] = await Promise.all([
    makeUser({ role: 'ADMIN' }),
    makeUser({ role: 'FUND_ADMIN', kind: 'WATER_FUND' }),
    makeUser({ kind: 'UPSTREAM_GOVERNMENT' }),
    makeUser({ kind: 'DOWNSTREAM_AUTHORITY', locale: 'en' }),
    makeUser(),
  ]);
  const actors = await Promise.all([admin, fundAdmin, up, down, stranger].map((u) => loadActor(u.id)));
  return { admin: actors[0]!, fundAdmin: actors[1]!, upstream: actors[2]!, downstream: actors[3]!, stranger: actors[4]!, emails: { up: up.email, down: down.email } };
}

const parse = (input: unknown) => ZCreateDeal.parse(input);

describe('creating a deal with its periods and first members', () => {
  it('a platform administrator opens the deal, its periods and its parties in one go, each on the audit trail', async () => {
    const p = await people();
    const input = parse({
      ...settings(),
      periods,
      members: [
        { email: p.emails.up.toUpperCase(), side: 'UPSTREAM', canEdit: true, canSign: true },
        { email: p.emails.down, side: 'DOWNSTREAM', canEdit: true },
      ],
    });
    const deal = await createDeal({ actor: p.admin, origin, input });
    expect(deal).toMatchObject({
      status: 'DRAFT',
      unit: 10000,
      periods: [
        { label: '2011–2013', from: 2011, to: 2013 },
        { label: 'Catch-up 2014–2020', from: 2014, to: 2020 },
      ],
    });
    const members = await testDb().dealMember.findMany({ where: { dealId: deal.id }, orderBy: { side: 'asc' } });
    expect(members.map((m) => [m.userId, m.side, m.canEdit, m.canSign])).toEqual(
      expect.arrayContaining([
        [p.admin.id, 'OBSERVER', true, false],
        [p.upstream.id, 'UPSTREAM', true, true],
        [p.downstream.id, 'DOWNSTREAM', true, false],
      ]),
    );
    const actions = (await testDb().auditEvent.findMany({ where: { dealId: deal.id }, orderBy: { id: 'asc' }, select: { action: true } })).map((e) => e.action);
    expect(actions).toEqual(['deal.created', 'member.added', 'member.added']);
  });

  it('a member nobody knows refuses the whole deal, naming the row: no deal, no member, no event is left', async () => {
    const p = await people();
    const input = parse({
      ...settings(),
      members: [
        { email: p.emails.up, side: 'UPSTREAM' },
        { email: `nobody-${randomUUID()}@example.test`, side: 'DOWNSTREAM' },
      ],
    });
    const error = await createDeal({ actor: p.admin, origin, input }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('members[1].email');
    expect((error as ValidationError).problemsIn('zh')[0]).toMatchObject({ label: expect.stringContaining('电子邮件'), message: expect.stringContaining('没有使用该电子邮件的有效用户') });
    expect(await testDb().deal.count({ where: { slug: input.slug } })).toBe(0);
    expect(await testDb().dealMember.count({ where: { userId: p.upstream.id } })).toBe(0);
  });

  it('a fund administrator opens a deal with observers, but cannot make anyone a party: refused whole and audited', async () => {
    const p = await people();
    const allowed = await createDeal({ actor: p.fundAdmin, origin, input: parse({ ...settings(), members: [{ email: p.emails.down, side: 'OBSERVER', canEdit: true }] }) });
    expect(await testDb().dealMember.findFirst({ where: { dealId: allowed.id, userId: p.fundAdmin.id } })).toMatchObject({ side: 'FUND' });
    const refused = parse({ ...settings(), members: [{ email: p.emails.up, side: 'UPSTREAM' }] });
    await expect(createDeal({ actor: p.fundAdmin, origin, input: refused })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await testDb().deal.count({ where: { slug: refused.slug } })).toBe(0);
    expect(await testDb().auditEvent.count({ where: { action: 'access.refused', actorId: p.fundAdmin.id } })).toBe(1);
  });

  it('nobody else opens deals', async () => {
    const p = await people();
    await expect(createDeal({ actor: p.upstream, origin, input: parse(settings()) })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('refuses periods with a gap, an overlap or outside the deal’s years, naming the period’s field', () => {
    const problems = (list: unknown[]) => {
      const parsed = ZCreateDeal.safeParse({ ...settings(), periods: list });
      return parsed.success ? [] : schemaProblems(parsed.error.issues, { periods: list }).map((p) => [p.field, problemIn(p, 'en').message]);
    };
    expect(
      problems([
        { from: 2011, to: 2014 },
        { from: 2014, to: 2020 },
      ]),
    ).toEqual([['periods.1.from', 'starts in 2014, a year the period before already holds']]);
    expect(
      problems([
        { from: 2011, to: 2012 },
        { from: 2015, to: 2020 },
      ]),
    ).toEqual([['periods.1.from', expect.stringMatching(/^leaves 2013–2014 outside every period/)]]);
    expect(problems([{ from: 2011, to: 2018 }])).toEqual([['periods.0.to', expect.stringMatching(/^leaves 2019–2020 outside every period: end the last period/)]]);
    expect(problems([{ from: 2011, to: 2021 }])).toEqual([['periods.0.from', "must lie within the deal's years 2011–2020"]]);
    expect(problems(periods)).toEqual([]);
  });
});

describe('a scenario that starts without a file', () => {
  async function dealWithParties() {
    const p = await people();
    const deal = await createDeal({
      actor: p.admin,
      origin,
      input: parse({
        ...settings(),
        periods,
        members: [
          { email: p.emails.up, side: 'UPSTREAM', canEdit: true },
          { email: p.emails.down, side: 'DOWNSTREAM', canEdit: true },
        ],
      }),
    });
    return { ...p, deal };
  }

  it('from the paper’s Table 2: every category, on the deal’s years, unit, price base and periods, with nothing typed for the user', async () => {
    const t = await dealWithParties();
    const started = await startScenarioFromTemplate({ actor: t.upstream, origin, dealId: t.deal.id, input: { template: 'paper-table-2', name: '表 2 成本', message: '由论文表 2 模板创建' } });
    const version = await getScenarioVersion({ actor: t.upstream, origin, dealId: t.deal.id, versionId: started.versionId });
    const document = version.document as Scenario;
    expect(document.costs.map((c) => c.code)).toEqual([...CATEGORIES]);
    expect(document.costs[0]).toEqual({ code: 'C_f', label: '林业建设（C_f）', values: {} });
    expect(document).toMatchObject({
      name: '表 2 成本',
      unit: 10000,
      priceBase: '2010 年不变价',
      startYear: 2011,
      endYear: 2020,
      periods: [
        { label: '2011–2013', from: 2011, to: 2013 },
        { label: 'Catch-up 2014–2020', from: 2014, to: 2020 },
      ],
    });
    for (const open of ['paymentStartYear', 'catchUpYears', 'discountRate', 'bargainingWeight']) expect(document).not.toHaveProperty(open);
    expect(version.scenario).toMatchObject({ side: 'UPSTREAM', template: 'paper-table-2' });
    const result = version.result as { years: { year: number; lowerBound: string }[] };
    expect(result.years.map((y) => y.year)).toEqual([2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020]);
    expect(result.years.every((y) => Number(y.lowerBound) === 0)).toBe(true);
    const event = await testDb().auditEvent.findFirstOrThrow({ where: { dealId: t.deal.id, action: 'scenario.version_saved' } });
    expect(event.summary).toMatchObject({ after: { number: 1, template: 'paper-table-2' } });
  });

  it('blank: the deal’s settings and no line item; the category labels follow the member’s language', async () => {
    const t = await dealWithParties();
    const started = await startScenarioFromTemplate({ actor: t.downstream, origin, dealId: t.deal.id, input: { template: 'blank', name: 'Beijing benefits', message: 'Started blank' } });
    const version = await getScenarioVersion({ actor: t.downstream, origin, dealId: t.deal.id, versionId: started.versionId });
    expect(version.document).toMatchObject({ costs: [], subsidies: [], startYear: 2011, endYear: 2020, unit: 10000 });
    expect(version.scenario).toMatchObject({ side: 'DOWNSTREAM', template: 'blank' });
    const table = await startScenarioFromTemplate({ actor: t.downstream, origin, dealId: t.deal.id, input: { template: 'paper-table-2', name: 'Table 2', message: 'm' } });
    const english = (await getScenarioVersion({ actor: t.downstream, origin, dealId: t.deal.id, versionId: table.versionId })).document as Scenario;
    expect(english.costs[0]!.label).toBe('Forest construction (C_f)');
  });

  it('on a deal one is not a member of, is not found, and nothing is written', async () => {
    const t = await dealWithParties();
    await expect(startScenarioFromTemplate({ actor: t.stranger, origin, dealId: t.deal.id, input: { template: 'paper-table-2', name: 'n', message: 'm' } })).rejects.toBeInstanceOf(NotFoundError);
    expect(await testDb().scenario.count({ where: { dealId: t.deal.id } })).toBe(0);
  });

  it('a wrong template name is that field’s problem, by its label and in the reader’s language', () => {
    const body = { template: 'table-3', name: 'n', message: 'm' };
    const parsed = ZNewScenario.safeParse(body);
    expect(parsed.success).toBe(false);
    const problems = schemaProblems(parsed.error!.issues, body);
    expect(problems.map((p) => p.field)).toEqual(['template']);
    expect(problemIn(problems[0]!, 'zh')).toEqual({ field: 'template', label: '模板', message: '必须是 `blank`、`paper-table-2` 之一' });
    expect(ZNewScenario.safeParse({ template: 'blank', name: 'n', message: 'm', document: {} }).success).toBe(false);
    expect(ZNewScenario.safeParse({ template: 'blank', name: 'n', message: 'm' }).success).toBe(true);
    expect(ZNewScenario.safeParse({ document: {}, message: 'm' }).success).toBe(true);
  });

  it('a copy of one’s own side’s version is a duplicate; of the other side’s, a counter-proposal', async () => {
    const t = await dealWithParties();
    const own = await startScenarioFromTemplate({ actor: t.upstream, origin, dealId: t.deal.id, input: { template: 'paper-table-2', name: 'Upstream costs', message: 'm' } });
    await forkScenarioVersion({ actor: t.upstream, origin, dealId: t.deal.id, versionId: own.versionId, name: 'Upstream costs (copy)' });
    await forkScenarioVersion({ actor: t.downstream, origin, dealId: t.deal.id, versionId: own.versionId, name: 'Counter-proposal' });
    const kinds = Object.fromEntries((await listScenarios({ actor: t.upstream, origin, dealId: t.deal.id })).map((s) => [s.name, s.forkKind]));
    expect(kinds).toEqual({ 'Upstream costs': null, 'Upstream costs (copy)': 'duplicate', 'Counter-proposal': 'counterProposal' });
    const actions = (await testDb().auditEvent.findMany({ where: { dealId: t.deal.id, action: { in: ['scenario.forked', 'scenario.duplicated'] } }, orderBy: { id: 'asc' } })).map((e) => e.action);
    expect(actions).toEqual(['scenario.duplicated', 'scenario.forked']);
  });
});
