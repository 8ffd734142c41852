// Cross-site request forgery: an API change needs a same-origin Origin (or Sec-Fetch-Site:
// same-origin) and a JSON or multipart body (lib/server/http/same-origin.ts). Tried with plain HTTP
// and with a real page on another port of the same host, which SameSite=Lax does not stop.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../lib/infra/embedded-db';
import { createPrismaClient } from '../../lib/infra/prisma';
import { demoPassword } from '../../lib/seed/demo-accounts';
import { baseUrl, launch, signIn } from './browser';
import { signInOverHttp, type HttpSession } from './http-session';

const prisma = createPrismaClient(inject('e2eDatabaseUrl'));
let session: HttpSession;
let commentsPath: string;
let versionId: string;

const commentsWith = (marker: string) => prisma.comment.count({ where: { versionId, body: { contains: marker } } });

beforeAll(async () => {
  const version = await prisma.scenarioVersion.findFirstOrThrow({
    where: { scenario: { deal: { members: { some: { user: { email: 'shiyan@pes.demo' } } } } } },
    select: { id: true, scenario: { select: { dealId: true } } },
  });
  versionId = version.id;
  commentsPath = `/api/v1/deals/${version.scenario.dealId}/versions/${version.id}/comments`;
  session = await signInOverHttp('shiyan@pes.demo', demoPassword);
});
afterAll(async () => {
  await prisma.$disconnect();
});

describe('API writes and cross-site requests', () => {
  const post = (headers: Record<string, string>, body: string) => fetch(`${baseUrl()}${commentsPath}`, { method: 'POST', redirect: 'manual', headers: { Cookie: session.cookie, ...headers }, body });
  const json = (marker: string) => JSON.stringify({ body: `csrf probe ${marker}`, target: 'scenario' });

  it('accepts JSON from the platform’s own origin, and from a browser that says same-origin without an Origin', async () => {
    expect((await post({ Origin: baseUrl(), 'Content-Type': 'application/json' }, json('same-origin'))).status).toBe(201);
    expect((await post({ 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json' }, json('fetch-site'))).status).toBe(201);
    expect(await commentsWith('csrf probe same-origin')).toBe(1);
  });

  it('refuses a foreign Origin, another port of the same host, and a write that names no origin at all', async () => {
    const foreignPort = Number(new URL(baseUrl()).port) + 1;
    for (const [label, headers] of [
      ['foreign site', { Origin: 'https://evil.example' }],
      ['another port', { Origin: `http://localhost:${foreignPort}` }],
      ['null origin', { Origin: 'null' }],
      ['no origin', {}],
      ['cross-site fetch', { 'Sec-Fetch-Site': 'cross-site' }],
      ['same-site fetch', { 'Sec-Fetch-Site': 'same-site' }],
    ] as const) {
      const answer = await post({ ...headers, 'Content-Type': 'application/json' }, json(label));
      expect(answer.status, label).toBe(403);
      expect(((await answer.json()) as { error: { code: string } }).error.code, label).toBe('cross_site');
      expect(await commentsWith(`csrf probe ${label}`), label).toBe(0);
    }
  });

  it('refuses JSON sent as text/plain or form-encoded, and a form body, even from the platform’s origin', async () => {
    for (const [label, type, body] of [
      ['text/plain', 'text/plain', json('text/plain')],
      ['form-encoded', 'application/x-www-form-urlencoded', new URLSearchParams({ body: 'csrf probe form-encoded', target: 'scenario' }).toString()],
      ['JSON as form-encoded', 'application/x-www-form-urlencoded', json('JSON as form-encoded')],
      ['no type', '', json('no type')],
    ] as const) {
      const answer = await post({ Origin: baseUrl(), ...(type ? { 'Content-Type': type } : {}) }, body);
      expect(answer.status, label).toBe(415);
      expect(((await answer.json()) as { error: { code: string } }).error.code, label).toBe('unsupported_media_type');
      expect(await commentsWith(`csrf probe ${label}`), label).toBe(0);
    }
    // Multipart is for uploads: a JSON route refuses it too.
    const form = new FormData();
    form.set('body', 'csrf probe multipart');
    const multipart = await session.request(commentsPath, { method: 'POST', body: form });
    expect(multipart.status).toBe(415);
    expect(await commentsWith('csrf probe multipart')).toBe(0);
  });

  it('stops a page on another port of the same host from posting as the signed-in user', async () => {
    const port = await freePort();
    const target = `${baseUrl()}${commentsPath}`;
    const attack = `<!doctype html><body>
      <form id="f" method="POST" action="${target}" enctype="text/plain"><input name='{"body":"csrf probe page form","target":"scenario","x":"' value='"}'></form>
      <script>
        fetch(${JSON.stringify(target)}, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body: ${JSON.stringify(json('page fetch'))} })
          .catch(() => null).finally(() => { document.title = 'sent'; document.getElementById('f').submit(); });
      </script></body>`;
    const evil: Server = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end(attack);
    });
    await new Promise<void>((resolve) => evil.listen(port, '127.0.0.1', resolve));
    const browser = await launch();
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, 'shiyan@pes.demo', demoPassword);
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      const answers: number[] = [];
      page.on('response', (response) => {
        if (response.url() === target) answers.push(response.status());
      });
      await page.goto(`http://localhost:${port}/`);
      await page.waitForURL((url) => url.href === target, { timeout: 15_000 });
      expect(answers.length).toBeGreaterThanOrEqual(1);
      expect(answers.every((status) => status === 403)).toBe(true);
      expect(await commentsWith('csrf probe page')).toBe(0);
      await context.close();
    } finally {
      await browser.close();
      await new Promise((resolve) => evil.close(resolve));
    }
  });
});
