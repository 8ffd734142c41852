import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { badgeVariants } from '@/components/ui/variants';
import type { PendingTasks } from '@/lib/contracts/deals';

/** What awaits the reader in one deal, each a link to where it is done. Nothing pending: nothing shown. */
export async function PendingBadges({ dealId, tasks, banner = false }: { dealId: string; tasks: PendingTasks | undefined; banner?: boolean }) {
  const t = await getTranslations('pending');
  if (!tasks || (tasks.offersToAnswer === 0 && tasks.agreementsToSign === 0)) return null;
  const items = [
    tasks.offersToAnswer > 0 && { href: `/deals/${dealId}/offers`, text: t('offers', { count: tasks.offersToAnswer }) },
    tasks.agreementsToSign > 0 && { href: `/deals/${dealId}/agreements`, text: t('agreements', { count: tasks.agreementsToSign }) },
  ].filter((item): item is { href: string; text: string } => Boolean(item));
  return (
    <div role="status" className={banner ? 'flex flex-wrap items-center gap-3 rounded-md border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-900' : 'mt-1 flex flex-wrap gap-2'} data-testid="pending">
      {banner && <span className="font-medium">{t('title')}</span>}
      {items.map((item) => (
        <Link key={item.href} href={item.href} className={badgeVariants({ tone: 'info' })}>
          {item.text}
        </Link>
      ))}
    </div>
  );
}
