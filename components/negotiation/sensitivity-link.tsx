import { getTranslations } from 'next-intl/server';
import Link from 'next/link';

/** The version page's way to the sensitivity of that version (a server component with its own messages). */
export async function SensitivityLink({ dealId, versionId }: { dealId: string; versionId: string }) {
  const t = await getTranslations('negotiation');
  return (
    <Link href={`/deals/${dealId}/versions/${versionId}/sensitivity`} className="hover:underline" data-testid="sensitivity-link">
      {t('sensitivityLink')}
    </Link>
  );
}
