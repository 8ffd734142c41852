import { getTranslations } from 'next-intl/server';
import Link from 'next/link';

/** The deal overview's way to the bargaining zone (a server component with its own messages). */
export async function NegotiationLink({ dealId }: { dealId: string }) {
  const t = await getTranslations('negotiation');
  return (
    <Link href={`/deals/${dealId}/negotiation`} className="text-sm text-water-700 hover:underline" data-testid="negotiation-link">
      {t('link')}
    </Link>
  );
}
