import { useTranslations } from 'next-intl';
import { readVersionMessage } from '@/lib/domain/version-message';

type Words = (values: { scenario: string; number: number }) => string;
type RestoredWords = (values: { number: number; note: string }) => string;

/**
 * A version's message in words: what its author typed, or the platform's own ("Forked from …",
 * "Restores v3: …") in the reader's language. A caller that has no words for a restore yet reads
 * it as "v3" and the author's note.
 */
export function versionMessageText(stored: string, forkedFrom: Words, restored?: RestoredWords): string {
  const message = readVersionMessage(stored);
  if (message.kind === 'typed') return message.text;
  if (message.kind === 'restored') return restored ? restored({ number: message.number, note: message.note }) : `v${message.number} ${message.note}`.trim();
  return forkedFrom({ scenario: message.scenario, number: message.number });
}

/** versionMessageText with the catalogue's words (namespace `version`). */
export function useVersionMessageText(): (stored: string) => string {
  const t = useTranslations('version');
  return (stored) =>
    versionMessageText(
      stored,
      (values) => t('forkedFromMessage', values),
      (values) => t('restoredMessage', values),
    );
}

export function VersionMessageText({ message }: { message: string }) {
  return <>{useVersionMessageText()(message)}</>;
}
