import { beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../lib/seed/demo-accounts';
import { signInOverHttp, type HttpSession } from './http-session';
import { demoDealSlug, withSuiteDatabase } from './demo-deal';

let admin: HttpSession;
let fund: HttpSession;
let upstream: HttpSession;
let stranger: HttpSession;
let shiyanId: string;
let miyunMemberId: string;
/** Every deal the upstream demo user is a member of: the seeded one, and any another e2e file created with it. */
let upstreamDealIds: string[];

type ApiError = { error: { code: string; message: string; field?: string } };

beforeAll(async () => {
  [admin, fund, upstream, stranger] = [
    await signInOverHttp('admin@pes.demo', demoPassword),
    await signInOverHttp('fund@pes.demo', demoPassword),
    await signInOverHttp('shiyan@pes.demo', demoPassword),
    await signInOverHttp('chengde@pes.demo', demoPassword),
  ];
  await withSuiteDatabase(async (prisma) => {
    shiyanId = (await prisma.deal.findUniqueOrThrow({ where: { slug: demoDealSlug } })).id;
    const miyun = await prisma.deal.findUniqueOrThrow({ where: { slug: 'miyun-illustrative' }, include: { members: true } });
    miyunMemberId = miyun.members[0]!.id;
    upstreamDealIds = (await prisma.dealMember.findMany({ where: { user: { email: 'shiyan@pes.demo' } }, select: { dealId: true } })).map((m) => m.dealId);
  });
});

describe('deals and members API v1 over HTTP', () => {
  it('lists only the caller’s deals and gives a stranger 404 for the rest', async () => {
    const listed = (await upstream.json<{ deals: { id: string }[] }>('/api/v1/deals')).body.deals.map((d) => d.id);
    expect(listed).toContain(shiyanId);
    expect([...listed].sort()).toEqual([...upstreamDealIds].sort());
    expect((await stranger.json<ApiError>(`/api/v1/deals/${shiyanId}`)).status).toBe(404);
    expect((await stranger.json<ApiError>(`/api/v1/deals/${shiyanId}/members`)).status).toBe(404);
    expect((await stranger.json<ApiError>(`/api/v1/deals/${shiyanId}/activity`)).status).toBe(404);
  });

  it('answers malformed ids and another deal’s ids with 404, changing nothing', async () => {
    expect((await fund.json(`/api/v1/deals/not-an-id`)).status).toBe(404);
    expect((await fund.json(`/api/v1/deals/${shiyanId}/members/not-an-id`, 'PATCH', { canEdit: true })).status).toBe(404);
    const mixed = await fund.json<ApiError>(`/api/v1/deals/${shiyanId}/members/${miyunMemberId}`, 'DELETE');
    expect(mixed).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
  });

  it('refuses wrongly typed and oversized bodies with the field named', async () => {
    const typed = await fund.json<ApiError>(`/api/v1/deals/${shiyanId}/members`, 'POST', { userId: 'x', side: 'SIDEWAYS' });
    expect(typed.status).toBe(400);
    expect(typed.body.error.field).toBe('userId');
    const huge = await fund.request(`/api/v1/deals/${shiyanId}/members`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ pad: 'x'.repeat(70 * 1024) }) });
    expect(huge.status).toBe(413);
    expect((await fund.request(`/api/v1/deals/${shiyanId}/members`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{not json' })).status).toBe(400);
  });

  it('gives a member without the right 403 naming it', async () => {
    const refused = await upstream.json<ApiError>(`/api/v1/deals/${shiyanId}`, 'PATCH', { status: 'AGREED' });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(refused.body.error.message).toContain('"manage"');
  });

  it('lets the fund create a deal and move it forward only one step at a time', async () => {
    const created = await fund.json<{ id: string; status: string }>('/api/v1/deals', 'POST', {
      slug: `test-deal-${Date.now()}`,
      name: 'Test deal',
      nameZh: '测试项目',
      watershed: 'Test river',
      watershedZh: '测试河',
      startYear: 2025,
      endYear: 2030,
      priceBase: '2025 prices',
    });
    expect(created).toMatchObject({ status: 201, body: { status: 'DRAFT' } });
    expect((await fund.json<ApiError>(`/api/v1/deals/${created.body.id}`, 'PATCH', { status: 'ARCHIVED' })).status).toBe(409);
    expect((await fund.json<{ status: string }>(`/api/v1/deals/${created.body.id}`, 'PATCH', { status: 'NEGOTIATING' })).body.status).toBe('NEGOTIATING');
    expect((await upstream.json('/api/v1/deals', 'POST', { slug: 'nope-nope' })).status).toBe(400);
  });

  it('lets only the platform administrator create organisations and users', async () => {
    const org = await admin.json<{ id: string }>('/api/v1/organisations', 'POST', { name: `Zhangjiakou ${Date.now()}`, nameZh: '张家口市人民政府', kind: 'UPSTREAM_GOVERNMENT' });
    expect(org.status).toBe(201);
    expect((await fund.json('/api/v1/organisations', 'POST', { name: 'X', nameZh: 'X', kind: 'OBSERVER' })).status).toBe(403);
    const weak = await admin.json<ApiError>('/api/v1/users', 'POST', { email: 'weak@example.test', name: 'Weak', password: 'password1234', organisationId: org.body.id });
    expect(weak).toMatchObject({ status: 400, body: { error: { field: 'password' } } });
    expect((await admin.json('/api/v1/users/not-an-id', 'PATCH', { disabled: true })).status).toBe(404);
  });
});
