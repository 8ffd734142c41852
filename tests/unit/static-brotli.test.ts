import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptsBrotli, staticBrotli } from '../../scripts/static-brotli.mjs';

const script = `console.log(${JSON.stringify('水源区 '.repeat(500))});\n`;
let dir: string;
let server: Server;
let port: number;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pes-brotli-'));
  mkdirSync(path.join(dir, '.next', 'static', 'chunks'), { recursive: true });
  writeFileSync(path.join(dir, '.next', 'static', 'chunks', 'page-abc.js'), script);
  writeFileSync(path.join(dir, 'package.json'), '{"secret":true}');
  const brotli = staticBrotli(dir, [{ key: 'X-Content-Type-Options', value: 'nosniff' }]);
  server = createServer((req, res) => {
    void brotli(req, res).then((answered) => {
      if (!answered) res.writeHead(299).end('next');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

function get(url: string, acceptEncoding: string, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: url, method, headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static files in Brotli', () => {
  it('reads Accept-Encoding', () => {
    expect(acceptsBrotli('gzip, deflate, br, zstd')).toBe(true);
    expect(acceptsBrotli('br;q=0.5')).toBe(true);
    expect(acceptsBrotli('gzip, br;q=0')).toBe(false);
    expect(acceptsBrotli('gzip')).toBe(false);
    expect(acceptsBrotli('brotli')).toBe(false);
    expect(acceptsBrotli(undefined)).toBe(false);
  });

  it('answers a build script in Brotli with the security headers, smaller than the file', async () => {
    const answer = await get('/_next/static/chunks/page-abc.js?dpl=1', 'gzip, deflate, br');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toBe('application/javascript; charset=UTF-8');
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.body.length).toBeLessThan(Buffer.byteLength(script) / 10);
    expect(brotliDecompressSync(answer.body).toString()).toBe(script);
    const head = await get('/_next/static/chunks/page-abc.js', 'br', 'HEAD');
    expect(head.headers['content-length']).toBe(String(answer.body.length));
  });

  it('leaves everything else to Next: no Brotli accepted, other paths, files outside the build', async () => {
    expect((await get('/_next/static/chunks/page-abc.js', 'gzip')).status).toBe(299);
    expect((await get('/_next/static/chunks/missing.js', 'br')).status).toBe(299);
    expect((await get('/_next/static/../../package.json', 'br')).status).toBe(299);
    expect((await get('/_next/static/chunks/%2e%2e/%2e%2e/%2e%2e/package.json', 'br')).status).toBe(299);
    expect((await get('/deals', 'br')).status).toBe(299);
  });
});
