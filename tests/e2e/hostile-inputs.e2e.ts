// Issue 16 against the production build: spreadsheet bombs refused at once with a short answer on
// both imports, downloads and JSON under their own sandboxed policy and not cached, and dates and
// ids out of range refused naming the field.
import { beforeAll, describe, expect, it } from 'vitest';
import { shiyanDocument } from '../../lib/engine';
import { deflateBomb, lyingDeflateBomb, sparseRowWorkbook } from '../support/hostile-workbooks';
import type { HttpSession } from './http-session';
import { must, signedShiyanAgreement } from './signed-agreement';
import { demoParties } from './demo-deal';

let dealId: string;
let agreementId: string;
let upstream: HttpSession;
let downstream: HttpSession;
let fund: HttpSession;

beforeAll(async () => {
  ({ upstream, downstream, fund } = await demoParties());
  ({ dealId, agreementId } = await signedShiyanAgreement(upstream, downstream));
});

type Import = { name: string; session: () => HttpSession; path: () => string; form: (bytes: Uint8Array, fileName: string) => FormData; sheet: string };

const imports: Import[] = [
  {
    name: 'cost table',
    session: () => upstream,
    path: () => `/api/v1/deals/${dealId}/cost-table`,
    sheet: 'Cost table',
    form: (bytes, fileName) => {
      const form = new FormData();
      form.set('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), fileName);
      form.set('base', JSON.stringify(shiyanDocument()));
      return form;
    },
  },
  {
    name: 'monitoring',
    session: () => fund,
    path: () => `/api/v1/deals/${dealId}/agreements/${agreementId}/monitoring/import`,
    sheet: 'Monitoring',
    form: (bytes, fileName) => {
      const form = new FormData();
      form.set('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), fileName);
      return form;
    },
  },
];

async function timedPost(target: Import, bytes: Uint8Array, fileName: string) {
  const started = performance.now();
  const response = await target.session().request(target.path(), { method: 'POST', body: target.form(bytes, fileName) });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started };
}

describe.each(imports)('the $name import, bounded before parsing', (target) => {
  it.each([
    ['a sparse-row workbook (one cell in column XFD of each row)', () => sparseRowWorkbook(target.sheet), /XFD/],
    ['the same without a <dimension>', () => sparseRowWorkbook(target.sheet, { withoutDimension: true }), /XFD/],
    ['a deflate bomb', () => deflateBomb(target.sheet), /unread|MB/],
    ['a deflate bomb whose headers lie', () => lyingDeflateBomb(target.sheet), /unread|MB/],
  ])('refuses %s within a second, with a short 400', async (_, make, mentions) => {
    const bytes = await make();
    const answer = await timedPost(target, bytes, 'table.xlsx');
    expect(answer.status).toBe(400);
    expect(answer.ms).toBeLessThan(1000);
    expect(answer.text.length).toBeLessThan(4096);
    expect(JSON.parse(answer.text).error.message).toMatch(mentions);
  });

  it('caps the answer for a small CSV with a problem in every row', async () => {
    const header = target.name === 'monitoring' ? 'year,indicator,value,laboratory,sampledFrom,sampledTo' : 'section,code,label,2021';
    const bytes = new TextEncoder().encode([header, ...Array.from({ length: 3000 }, (_, i) => (target.name === 'monitoring' ? `2025,x${i},?,,,` : `nowhere,C${i},x,?`))].join('\n'));
    const answer = await timedPost(target, bytes, 'table.csv');
    expect(answer.status).toBe(400);
    expect(answer.text.length).toBeLessThan(64 * 1024);
    const body = JSON.parse(answer.text) as { error: { message: string; problems: unknown[] } };
    expect(body.error.problems.length).toBeLessThanOrEqual(50);
    expect(body.error.message).toMatch(/另有 \d+ 处|and \d+ more/);
  });
});

describe('answers of the API', () => {
  const policy = (response: Response) => response.headers.get('content-security-policy') ?? '';

  it('JSON carries a sandboxed policy and is not cached; errors too', async () => {
    for (const path of ['/api/v1/me', `/api/v1/deals/${dealId}`, '/api/v1/deals/00000000-0000-4000-8000-000000000000']) {
      const response = await upstream.request(path);
      expect(policy(response), path).toMatch(/default-src 'none'/);
      expect(policy(response), path).toMatch(/sandbox/);
      expect(policy(response), path).not.toMatch(/'self'/);
      expect(response.headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('evidence and PDF downloads carry their own sandbox policy, not the page policy', async () => {
    const form = new FormData();
    form.set('file', new Blob([new TextEncoder().encode('year,value\n2024,1.5\n')], { type: 'text/csv' }), 'evidence.csv');
    const upload = await upstream.request(`/api/v1/deals/${dealId}/evidence`, { method: 'POST', body: form });
    expect(upload.status).toBe(201);
    const { sha256 } = (await upload.json()) as { sha256: string };
    await must(
      upstream.json(`/api/v1/deals/${dealId}/scenarios`, 'POST', { document: shiyanDocument(), message: 'cites its evidence', evidence: [{ target: 'scenario', fileName: 'evidence.csv', sha256 }] }),
      201,
      'save',
    );
    for (const path of [`/api/v1/deals/${dealId}/evidence/${sha256}`, `/api/v1/deals/${dealId}/agreements/${agreementId}/pdf`]) {
      const response = await upstream.request(path);
      expect(response.status, path).toBe(200);
      expect(policy(response), path).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
      expect(response.headers.get('content-disposition'), path).toMatch(/^attachment/);
    }
  });

  it('refuses HTML uploaded as CSV evidence', async () => {
    const form = new FormData();
    form.set('file', new Blob([new TextEncoder().encode('<html><script>alert(document.cookie)</script></html>')], { type: 'text/csv' }), 'evidence.csv');
    const upload = await upstream.request(`/api/v1/deals/${dealId}/evidence`, { method: 'POST', body: form });
    expect(upload.status).toBe(400);
    expect(((await upload.json()) as { error: { field: string } }).error.field).toBe('file');
  });

  it.each([
    ['from=99999-01-01', 'from'],
    ['to=0001-01-01', 'to'],
    ['before=99999999999999999999999', 'before'],
  ])('the activity query %s is a 400 naming %s', async (query, field) => {
    const answer = await upstream.json<{ error: { field: string } }>(`/api/v1/deals/${dealId}/activity?${query}`);
    expect(answer.status).toBe(400);
    expect(answer.body.error.field).toBe(field);
  });

  it('an offer valid until the year 20000 is a 400 naming validUntil', async () => {
    const answer = await upstream.json<{ error: { field: string } }>(`/api/v1/deals/${dealId}/offers`, 'POST', {
      versionId: crypto.randomUUID(),
      schedule: [{ from: 2021, to: 2030, amount: '1' }],
      validUntil: '+020000-01-01T00:00:00Z',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.field).toBe('validUntil');
  });
});
