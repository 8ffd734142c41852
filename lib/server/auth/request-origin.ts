import 'server-only';

/** Where a request came from, as every audit and security event records it. */
export interface RequestOrigin {
  ip: string;
  userAgent: string | null;
}

type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined;

function header(headers: HeaderBag, name: string): string | null {
  if (!headers) return null;
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

/** The client's address as the first proxy saw it; the server sits behind Next or a reverse proxy. */
export function requestOrigin(headers: HeaderBag): RequestOrigin {
  const forwarded = header(headers, 'x-forwarded-for')?.split(',')[0]?.trim();
  return {
    ip: forwarded || header(headers, 'x-real-ip') || 'unknown',
    userAgent: header(headers, 'user-agent')?.slice(0, 512) ?? null,
  };
}
