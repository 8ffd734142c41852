// A version's message is what its author typed, except the ones the platform writes itself (a
// fork's first version): those are stored as a code with its values and put into words when
// shown, in the reader's language. Versions forked before this was so hold the English sentence;
// it is recognised and read as the same code, so old rows read like new ones.

export type VersionMessage = { kind: 'typed'; text: string } | { kind: 'forkedFrom'; scenario: string; number: number } | { kind: 'restored'; number: number; note: string };

const codedPrefix = 'pes:forkedFrom ';
const restoredPrefix = 'pes:restored ';
const legacyFork = /^Forked from "(.*)" v(\d+)$/s;

/** The stored message of a fork's first version. */
export function forkedFromMessage(scenario: string, number: number): string {
  return `${codedPrefix}${JSON.stringify({ scenario, number })}`;
}

/** The stored message of a version that restores version `number` of its scenario, with what its author said. */
export function restoredMessage(number: number, note: string): string {
  return `${restoredPrefix}${JSON.stringify({ number, note: note.trim() })}`;
}

export function readVersionMessage(stored: string): VersionMessage {
  if (stored.startsWith(restoredPrefix)) {
    try {
      const { number, note } = JSON.parse(stored.slice(restoredPrefix.length)) as { number: unknown; note: unknown };
      if (typeof number === 'number' && typeof note === 'string') return { kind: 'restored', number, note };
    } catch {
      // not ours after all: shown as typed
    }
  }
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
