import { getTranslations } from 'next-intl/server';
import { ButtonNavLink } from '@/components/ui/button';

const sections = ['scenarios', 'negotiation', 'offers', 'agreements', 'terms', 'activity', 'members'] as const;

/** Where the work of a deal happens, one link each, in the order a negotiation runs. */
export async function DealNav({ dealId }: { dealId: string }) {
  const t = await getTranslations('dealNav');
  return (
    <nav aria-label={t('label')} className="flex flex-wrap gap-2 text-sm" data-testid="deal-nav">
      {sections.map((section) => (
        <ButtonNavLink key={section} href={`/deals/${dealId}/${section}`} intent="quiet" size="md">
          {t(section)}
        </ButtonNavLink>
      ))}
    </nav>
  );
}
