/**
 * The message namespaces every page's browser code gets: the shell (navigation, language
 * switcher, sign-in form, error page). A route whose client components need more names exactly
 * those in its layout (components/client-messages.tsx): sending all ~55 kB of messages with every
 * page cost the deal list about a fifth of its throughput (docs/decisions/0017-one-worker-per-core.md)
 * and every page its weight (docs/decisions/0065-page-weight.md); tests/unit/client-messages.test.ts
 * checks each page's client code asks for nothing its provider does not send, and that no
 * provider sends a namespace nobody below it asks for.
 */
export const shellNamespaces = ['nav', 'language', 'login', 'errors', 'side', 'role', 'app', 'schemas'] as const;

export function pickNamespaces<T extends Record<string, unknown>>(messages: T, namespaces: readonly string[]): Partial<T> {
  return Object.fromEntries(namespaces.filter((ns) => ns in messages).map((ns) => [ns, messages[ns]])) as Partial<T>;
}
