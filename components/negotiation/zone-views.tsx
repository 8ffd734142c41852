'use client';

import { useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import { Tabs } from '@/components/ui/tabs';

export type ZoneView = 'pair' | 'versions';

/**
 * The two views of the negotiation page: the zone between the sides (an upstream version's lower
 * bound against a downstream version's upper bound) and versions side by side, each inside its own
 * bound. The chosen view is kept in the address (?view=versions), so a reload or a link keeps it.
 */
export function ZoneViews({ initial, pair, versions }: { initial: ZoneView; pair: ReactNode; versions: ReactNode }) {
  const t = useTranslations('negotiation');
  const [view, setView] = useState<ZoneView>(initial);
  const choose = (next: ZoneView) => {
    setView(next);
    const url = new URL(window.location.href);
    if (next === 'versions') url.searchParams.set('view', 'versions');
    else url.searchParams.delete('view');
    window.history.replaceState(null, '', url);
  };
  return (
    <Tabs
      label={t('views.label')}
      value={view}
      onChange={choose}
      tabs={[
        { key: 'pair', label: t('views.pair'), testId: 'view-pair' },
        { key: 'versions', label: t('views.versions'), testId: 'view-versions' },
      ]}
    >
      <div className="space-y-6">{view === 'pair' ? pair : versions}</div>
    </Tabs>
  );
}
