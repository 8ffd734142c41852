import 'server-only';
import { mediaTypes } from '@/lib/domain/format-names';

// Cross-site request forgery: a page on another site (another port of the same host included)
// can make a signed-in browser send a form or a "simple" fetch, with the cookie, but it cannot
// choose the Origin header, nor send application/json without the browser asking the API first
// (which it does not answer). So an API change needs both: a same-origin Origin (or, without
// Origin, Sec-Fetch-Site: same-origin), and a body that is application/json, or multipart/form-data
// for an upload (docs/decisions/0062-csrf.md).

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origins this platform is served from: NEXTAUTH_URL's, and the one the request was addressed to. */
function ownOrigins(request: Request): Set<string> {
  const origins = new Set<string>();
  const configured = process.env.NEXTAUTH_URL;
  if (configured) {
    try {
      origins.add(new URL(configured).origin);
    } catch {
      // a malformed NEXTAUTH_URL adds nothing
    }
  }
  const host = request.headers.get('host');
  if (host) origins.add(`${new URL(request.url).protocol}//${host}`);
  return origins;
}

/** Whether the request carries a body: the server speaks HTTP/1.1, where a body comes with a length or chunked encoding. */
export function hasBody(request: Request): boolean {
  const length = request.headers.get('content-length');
  return (length !== null && length !== '0') || request.headers.has('transfer-encoding');
}

export type WriteRefusal = 'cross_site' | 'content_type';

/** Why a write must be refused, or null (reads are never refused here). */
export function writeRefusal(request: Request): WriteRefusal | null {
  if (safeMethods.has(request.method.toUpperCase())) return null;
  const origin = request.headers.get('origin');
  const sameOrigin = origin !== null ? ownOrigins(request).has(origin) : request.headers.get('sec-fetch-site') === 'same-origin';
  if (!sameOrigin) return 'cross_site';
  const type = mediaType(request);
  if (!type) return hasBody(request) ? 'content_type' : null;
  return type === mediaTypes.jsonType || type === mediaTypes.multipartType ? null : 'content_type';
}

function mediaType(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

export function isJsonRequest(request: Request): boolean {
  return mediaType(request) === mediaTypes.jsonType;
}
