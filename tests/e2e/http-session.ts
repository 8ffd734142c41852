// Signs in over plain HTTP, as a script or another system would, and keeps the session cookie.
import { baseUrl } from './browser';

export interface HttpSession {
  cookie: string;
  request(path: string, init?: RequestInit): Promise<Response>;
  json<T = unknown>(path: string, method?: string, body?: unknown): Promise<{ status: number; body: T }>;
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((line) => line.split(';')[0]!);
}

/** Signs in at `base` (the suite's server unless said, else a file's own), and sends the platform's Origin with every request, as its pages do. */
export async function signInOverHttp(email: string, password: string, base = baseUrl()): Promise<HttpSession> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const form = new URLSearchParams({ csrfToken, email, password, json: 'true' });
  const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookiesOf(csrf).join('; ') },
    body: form,
  });
  const cookie = [...cookiesOf(csrf), ...cookiesOf(signIn)].join('; ');
  if (!cookie.includes('session-token')) throw new Error(`sign-in as ${email} failed (${signIn.status})`);
  const request = (path: string, init: RequestInit = {}) => fetch(`${base}${path}`, { redirect: 'manual', ...init, headers: { Cookie: cookie, Origin: base, ...(init.headers ?? {}) } });
  return {
    cookie,
    request,
    async json<T>(path: string, method = 'GET', body?: unknown) {
      const response = await request(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }) });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
    },
  };
}
