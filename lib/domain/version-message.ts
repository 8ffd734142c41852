// A version's message is what its author typed, except the ones the platform writes itself (a
// fork's first version): those are stored as a code with its values and put into words when
// shown, in the reader's language. Versions forked before this was so hold the English sentence;
// it is recognised and read as the same code, so old rows read like new ones.

export type VersionMessage = { kind: 'typed'; text: string } | { kind: 'forkedFrom'; scenario: string; number: number };

const codedPrefix = 'pes:forkedFrom ';
const legacyFork = /^Forked from "(.*)" v(\d+)$/s;

/** The stored message of a fork's first version. */
export function forkedFromMessage(scenario: string, number: number): string {
  return `${codedPrefix}${JSON.stringify({ scenario, number })}`;
}

export function readVersionMessage(stored: string): VersionMessage {
  if (stored.startsWith(codedPrefix)) {
    try {
      const { scenario, number } = JSON.parse(stored.slice(codedPrefix.length)) as { scenario: unknown; number: unknown };
      if (typeof scenario === 'string' && typeof number === 'number') return { kind: 'forkedFrom', scenario, number };
    } catch {
      // not ours after all: shown as typed
    }
  }
  const legacy = legacyFork.exec(stored);
  if (legacy) return { kind: 'forkedFrom', scenario: legacy[1]!, number: Number(legacy[2]) };
  return { kind: 'typed', text: stored };
}
