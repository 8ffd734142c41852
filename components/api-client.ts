/** The platform's own v1 API from the browser: same origin, the session cookie, JSON errors. */
export interface ApiProblem {
  /** The field's path, for machines. */
  field: string;
  message: string;
  /** The field by its label and place, for readers ("2014—2020 年的金额"). */
  label?: string;
}
export interface ApiFailure {
  ok: false;
  status: number;
  code: string;
  message: string;
  problems: ApiProblem[];
  details?: unknown;
}
export type ApiOutcome<T> = { ok: true; data: T } | ApiFailure;

export async function callApi<T>(url: string, init: { method?: string; json?: unknown; form?: FormData } = {}): Promise<ApiOutcome<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? (init.json !== undefined || init.form ? 'POST' : 'GET'),
      headers: init.json !== undefined ? { 'Content-Type': 'application/json' } : undefined,
      body: init.json !== undefined ? JSON.stringify(init.json) : init.form,
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, status: 0, code: 'network', message: 'network', problems: [] };
  }
  const body = (await response.json().catch(() => null)) as { error?: { code: string; message: string; problems?: ApiProblem[]; details?: unknown } } | null;
  if (response.ok) return { ok: true, data: body as T };
  const error = body?.error;
  return { ok: false, status: response.status, code: error?.code ?? 'unknown', message: error?.message ?? response.statusText, problems: error?.problems ?? [], details: error?.details };
}
