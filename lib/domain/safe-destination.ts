/**
 * Where the browser goes after sign-in. Only a path on this site: the value is parsed as a URL against
 * a placeholder origin, and anything a browser could read as another host is refused — a backslash
 * (browsers treat it as a slash), a control character (tabs and newlines are stripped before parsing,
 * so `/\t/evil` becomes `//evil`), or a percent-encoded form of either that a later decode would expose.
 */
const placeholderOrigin = 'https://destination.invalid';
const defaultDestination = '/deals';

function looksLikeAnotherHost(text: string): boolean {
  return /[\\\u0000-\u001f\u007f]/.test(text) || text.startsWith('//');
}

/** The value percent-decoded until it no longer changes (a few rounds: `%255C` is `%5C` is `\`). */
function fullyDecoded(text: string): string | null {
  let current = text;
  for (let round = 0; round < 4; round += 1) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return null;
}

/** `unknown` because a query parameter given twice arrives as an array. */
export function safeDestination(callbackUrl: unknown): string {
  if (typeof callbackUrl !== 'string' || !callbackUrl.startsWith('/')) return defaultDestination;
  const decoded = fullyDecoded(callbackUrl);
  if (decoded === null || looksLikeAnotherHost(callbackUrl) || looksLikeAnotherHost(decoded)) return defaultDestination;
  let url: URL;
  try {
    url = new URL(callbackUrl, placeholderOrigin);
  } catch {
    return defaultDestination;
  }
  if (url.origin !== placeholderOrigin || url.pathname.startsWith('//')) return defaultDestination;
  const destination = `${url.pathname}${url.search}${url.hash}`;
  return looksLikeAnotherHost(destination) ? defaultDestination : destination;
}
