import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Notice } from '@/components/ui/notice';
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
  const links = items.map((item) => (
    <Link key={item.href} href={item.href} className={badgeVariants({ tone: 'info' })}>
      {item.text}
    </Link>
  ));
  return banner ? (
    <Notice tone="info" className="flex flex-wrap items-center gap-3" testId="pending">
      <span className="font-medium">{t('title')}</span>
      {links}
    </Notice>
  ) : (
    <div role="status" className="mt-1 flex flex-wrap gap-2" data-testid="pending">
      {links}
    </div>
  );
}
