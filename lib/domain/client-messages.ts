/**
 * The message namespaces every page's browser code gets: the shell (navigation, language
 * switcher, sign-in form, error page). Pages with larger client components (a deal's pages, the
 * fund's, the editor preview) get every message through a provider in their own layout
 * (components/all-messages.tsx). Sending all ~55 kB of messages with every page cost the deal
 * list about a fifth of its throughput (docs/decisions/0017-one-worker-per-core.md);
 * tests/unit/client-messages.test.ts checks the shell pages use nothing else.
 */
export const shellNamespaces = ['nav', 'language', 'login', 'errors', 'side', 'role', 'app'] as const;

export function pickNamespaces<T extends Record<string, unknown>>(messages: T, namespaces: readonly string[]): Partial<T> {
  return Object.fromEntries(namespaces.filter((ns) => ns in messages).map((ns) => [ns, messages[ns]])) as Partial<T>;
}
