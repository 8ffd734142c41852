import { afterEach, describe, expect, it } from 'vitest';
import { writeRefusal } from '../../lib/server/http/same-origin';

const url = 'http://pes.example:3000/api/v1/deals/x/versions/y/comments';
// As the HTTP/1.1 server receives it: a body comes with its length.
const request = (method: string, headers: Record<string, string>, body?: string) =>
  new Request(url, { method, headers: { host: 'pes.example:3000', ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }), ...headers }, body });
const saved = process.env.NEXTAUTH_URL;
afterEach(() => {
  process.env.NEXTAUTH_URL = saved;
});

describe('writeRefusal', () => {
  it('never refuses a read', () => {
    expect(writeRefusal(request('GET', { origin: 'https://evil.example' }))).toBeNull();
    expect(writeRefusal(request('HEAD', {}))).toBeNull();
  });

  it('wants the platform’s own origin, or Sec-Fetch-Site: same-origin without one', () => {
    const json = { 'content-type': 'application/json' };
    expect(writeRefusal(request('POST', { ...json, origin: 'http://pes.example:3000' }, '{}'))).toBeNull();
    expect(writeRefusal(request('POST', { ...json, 'sec-fetch-site': 'same-origin' }, '{}'))).toBeNull();
    expect(writeRefusal(request('POST', { ...json, origin: 'http://pes.example:3001' }, '{}'))).toBe('cross_site');
    expect(writeRefusal(request('POST', { ...json, origin: 'https://pes.example:3000' }, '{}'))).toBe('cross_site');
    expect(writeRefusal(request('POST', { ...json, origin: 'null' }, '{}'))).toBe('cross_site');
    expect(writeRefusal(request('POST', { ...json, origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' }, '{}'))).toBe('cross_site');
    expect(writeRefusal(request('DELETE', {}))).toBe('cross_site');
    expect(writeRefusal(request('PATCH', { ...json, 'sec-fetch-site': 'same-site' }, '{}'))).toBe('cross_site');
  });

  it('accepts the public address behind a proxy that rewrites Host', () => {
    process.env.NEXTAUTH_URL = 'https://pes.gov.example';
    const behindProxy = new Request(url, {
      method: 'POST',
      headers: { host: '10.0.0.5:3000', origin: 'https://pes.gov.example', 'content-type': 'application/json', 'content-length': '2' },
      body: '{}',
    });
    expect(writeRefusal(behindProxy)).toBeNull();
  });

  it('wants JSON or multipart when there is a body', () => {
    const origin = { origin: 'http://pes.example:3000' };
    expect(writeRefusal(request('POST', { ...origin, 'content-type': 'application/json; charset=utf-8' }, '{}'))).toBeNull();
    expect(writeRefusal(request('POST', { ...origin, 'content-type': 'multipart/form-data; boundary=x' }, '--x--'))).toBeNull();
    expect(writeRefusal(request('POST', { ...origin, 'content-type': 'text/plain' }, '{}'))).toBe('content_type');
    expect(writeRefusal(request('POST', { ...origin, 'content-type': 'application/x-www-form-urlencoded' }, 'a=1'))).toBe('content_type');
    expect(writeRefusal(request('POST', { ...origin }, '{}'))).toBe('content_type');
    expect(writeRefusal(request('DELETE', origin))).toBeNull();
    expect(writeRefusal(request('POST', { ...origin, 'content-type': 'text/plain' }))).toBe('content_type');
  });
});
