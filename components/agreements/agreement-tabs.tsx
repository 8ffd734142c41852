import { getTranslations } from 'next-intl/server';
import { TabLinks } from '@/components/ui/tab-links';
import type { AdministrationTab, AgreementNavigation } from '@/lib/domain/agreement-navigation';

/** The agreement's administration pages the reader may open (decision 0088), the current one marked. */
export async function AgreementTabs({ dealId, agreementId, navigation, active }: { dealId: string; agreementId: string; navigation: AgreementNavigation; active?: AdministrationTab }) {
  const t = await getTranslations('fund');
  if (!navigation.tabs.length) return null;
  const base = `/deals/${dealId}/agreements/${agreementId}`;
  return <TabLinks label={t('header.tabs')} links={navigation.tabs.map((tab) => ({ href: `${base}/${tab}`, label: t(`header.tab.${tab}`), current: tab === active, testId: `tab-${tab}` }))} />;
}
