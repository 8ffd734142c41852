import { useTranslations } from 'next-intl';
import { readVersionMessage } from '@/lib/domain/version-message';

/** A version's message in words: what its author typed, or the platform's own ("Forked from …") in the reader's language. */
export function versionMessageText(stored: string, forkedFrom: (values: { scenario: string; number: number }) => string): string {
  const message = readVersionMessage(stored);
  return message.kind === 'typed' ? message.text : forkedFrom({ scenario: message.scenario, number: message.number });
}

export function VersionMessageText({ message }: { message: string }) {
  const t = useTranslations('version');
  return <>{versionMessageText(message, (values) => t('forkedFromMessage', values))}</>;
}
