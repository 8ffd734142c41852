import { useTranslations } from 'next-intl';
import { readVersionMessage } from '@/lib/domain/version-message';

/** The catalogue's words for the platform's own messages (namespace `version`), from any translator: the hook's, the server's. */
export interface VersionWords {
  forkedFrom(values: { scenario: string; number: number }): string;
  restored(values: { number: number; note: string }): string;
}

/**
 * A version's message in words: what its author typed, or the platform's own ("Forked from …",
 * "Restores v3: …") in the reader's language. Both words are required, so no page can show a
 * restore as the stored code or as English text beside Chinese.
 */
export function versionMessageText(stored: string, words: VersionWords): string {
  const message = readVersionMessage(stored);
  if (message.kind === 'typed') return message.text;
  if (message.kind === 'restored') return words.restored({ number: message.number, note: message.note });
  return words.forkedFrom({ scenario: message.scenario, number: message.number });
}

type VersionTranslator = (key: 'forkedFromMessage' | 'restoredMessage', values: Record<string, string | number>) => string;

/** The words of a translator of the `version` namespace (useTranslations('version') or getTranslations('version')). */
export function versionWords(t: VersionTranslator): VersionWords {
  return { forkedFrom: (values) => t('forkedFromMessage', values), restored: (values) => t('restoredMessage', values) };
}

/** versionMessageText with the catalogue's words (namespace `version`). */
export function useVersionMessageText(): (stored: string) => string {
  const t = useTranslations('version');
  const words = versionWords((key, values) => t(key, values));
  return (stored) => versionMessageText(stored, words);
}

export function VersionMessageText({ message }: { message: string }) {
  return <>{useVersionMessageText()(message)}</>;
}
