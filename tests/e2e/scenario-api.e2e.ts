import { beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../lib/seed/demo-accounts';
import { signInOverHttp, type HttpSession } from './http-session';
import { demoScenarioNames } from '../../lib/seed/demo-texts';
import { demoParties, readDemoDeal } from './demo-deal';

type Scenario = { id: string; name: string; side: string; versions: { id: string; number: number; message: string }[] };

let upstream: HttpSession;
let downstream: HttpSession;
let stranger: HttpSession;
let dealId: string;
let upstreamScenario: Scenario;

beforeAll(async () => {
  ({ upstream, downstream } = await demoParties());
  stranger = await signInOverHttp('chengde@pes.demo', demoPassword);
  dealId = await readDemoDeal(async (deal) => deal.dealId);
  const list = await upstream.json<{ scenarios: Scenario[] }>(`/api/v1/deals/${dealId}/scenarios`);
  upstreamScenario = list.body.scenarios.find((s) => s.name === demoScenarioNames.shiyanPaper)!;
});

describe('scenario API v1 over HTTP', () => {
  it('lists both sides’ scenarios with the demo history', async () => {
    const { status, body } = await downstream.json<{ scenarios: Scenario[] }>(`/api/v1/deals/${dealId}/scenarios`);
    expect(status).toBe(200);
    // Other e2e files may start scenarios of their own on this database: look at the seeded two.
    const seeded = body.scenarios.filter((s) => ([demoScenarioNames.shiyanPaper, demoScenarioNames.beijingCounter] as string[]).includes(s.name));
    expect(seeded.map((s) => [s.side, s.versions.length])).toEqual([
      ['UPSTREAM', 3],
      ['DOWNSTREAM', 1],
    ]);
  });

  it('serves a version as pes-scenario/1, pes-result/1, CSV and xlsx', async () => {
    const v3 = upstreamScenario.versions[0]!;
    const doc = await upstream.json<{ format: string; discountRate: string }>(`/api/v1/deals/${dealId}/versions/${v3.id}`);
    expect(doc.body).toMatchObject({ format: 'pes-scenario/1', discountRate: '0.04' });
    const result = await upstream.json<{ format: string; years: unknown[] }>(`/api/v1/deals/${dealId}/versions/${v3.id}?format=result`);
    expect(result.body.format).toBe('pes-result/1');
    expect(result.body.years).toHaveLength(48);
    const csv = await upstream.request(`/api/v1/deals/${dealId}/versions/${v3.id}?format=csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toContain('section,code,label,2003-2010');
    const xlsx = await upstream.request(`/api/v1/deals/${dealId}/versions/${v3.id}?format=xlsx`);
    expect(new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
    expect((await upstream.json(`/api/v1/deals/${dealId}/versions/${v3.id}?format=pdf`)).status).toBe(400);
  });

  it('uploads evidence, saves v4 on it, and answers a stale save with 409 naming the newer version', async () => {
    const v3 = upstreamScenario.versions[0]!;
    const document = (await upstream.json<Record<string, unknown>>(`/api/v1/deals/${dealId}/versions/${v3.id}`)).body;
    const form = new FormData();
    form.set('file', new Blob(['%PDF-1.4\n%%EOF\n'], { type: 'application/pdf' }), 'audit.pdf');
    const upload = await upstream.request(`/api/v1/deals/${dealId}/evidence`, { method: 'POST', body: form });
    expect(upload.status).toBe(201);
    const { sha256 } = (await upload.json()) as { sha256: string };

    const saved = await upstream.json<{ number: number; versionId: string }>(`/api/v1/deals/${dealId}/scenarios/${upstreamScenario.id}/versions`, 'POST', {
      baseVersionId: v3.id,
      document,
      message: 'Attach the resettlement audit',
      evidence: [{ target: 'costs[2]', fileName: 'audit.pdf', sha256 }],
    });
    expect(saved).toMatchObject({ status: 201, body: { number: 4 } });

    const stale = await upstream.json<{ error: { code: string; details: { latest: { number: number } } } }>(`/api/v1/deals/${dealId}/scenarios/${upstreamScenario.id}/versions`, 'POST', {
      baseVersionId: v3.id,
      document,
      message: 'From an old tab',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'conflict', field: 'baseVersionId', details: { latest: { number: 4 } } });
  });

  it('refuses a lying upload and an invalid document with field-named problems, saving nothing', async () => {
    const form = new FormData();
    form.set('file', new Blob(['MZ\x90\x00 not a pdf'], { type: 'application/pdf' }), 'report.pdf');
    const upload = await upstream.request(`/api/v1/deals/${dealId}/evidence`, { method: 'POST', body: form });
    expect(upload.status).toBe(400);
    const before = (await upstream.json<{ scenarios: Scenario[] }>(`/api/v1/deals/${dealId}/scenarios`)).body.scenarios.length;
    const bad = await upstream.json<{ error: { problems: { field: string }[] } }>(`/api/v1/deals/${dealId}/scenarios`, 'POST', { document: { format: 'pes-scenario/1' }, message: 'broken' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.problems.map((p) => p.field)).toEqual(expect.arrayContaining(['document.name', 'document.startYear']));
    expect((await upstream.json<{ scenarios: Scenario[] }>(`/api/v1/deals/${dealId}/scenarios`)).body.scenarios).toHaveLength(before);
  });

  it('lets the other side fork, compare and comment; a stranger sees nothing', async () => {
    const v1 = upstreamScenario.versions.at(-1)!;
    const fork = await downstream.json<{ versionId: string }>(`/api/v1/deals/${dealId}/versions/${v1.id}/fork`, 'POST', { name: 'Beijing second look' });
    expect(fork.status).toBe(201);
    const compare = await downstream.json<{ diff: { items: unknown[] } }>(`/api/v1/deals/${dealId}/versions/${v1.id}/compare?with=${upstreamScenario.versions[0]!.id}`);
    expect(compare.status).toBe(200);
    expect(JSON.stringify(compare.body.diff)).toContain('C_m');
    const comment = await downstream.json(`/api/v1/deals/${dealId}/versions/${v1.id}/comments`, 'POST', { body: '请说明移民安置成本的来源。', target: 'costs[2]' });
    expect(comment.status).toBe(201);
    expect((await stranger.json(`/api/v1/deals/${dealId}/scenarios`)).status).toBe(404);
    expect((await stranger.json(`/api/v1/deals/${dealId}/versions/${v1.id}`)).status).toBe(404);
  });
});
