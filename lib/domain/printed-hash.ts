/**
 * The hash as a PDF prints it ("SHA-256 3f9a…", or the "sha256:…" of its keywords), copied whole
 * or its first eight digits or more, spaces and line breaks of the copy ignored.
 */
export function printedHashMatches(hash: string | null, query: string): boolean {
  const digits = query
    .replace(/^\s*(sha-?256[:\s]*)/i, '')
    .replace(/\s+/g, '')
    .toLowerCase();
  return hash !== null && /^[0-9a-f]{8,64}$/.test(digits) && hash.startsWith(digits);
}
