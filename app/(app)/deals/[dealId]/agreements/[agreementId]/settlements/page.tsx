import { getLocale } from 'next-intl/server';
import { AgreementHeader } from '@/components/fund/agreement-header';
import { SettlementsPanel } from '@/components/fund/settlements-panel';
import { getAgreement } from '@/lib/server/agreements/get-agreement';
import { listSettlements } from '@/lib/server/fund/list-settlements';
import { orNotFound, pageContext } from '@/lib/server/http/page-context';

export default async function SettlementsPage({ params }: { params: Promise<{ dealId: string; agreementId: string }> }) {
  const { dealId, agreementId } = await params;
  const { actor, origin } = await pageContext();
  const agreement = await orNotFound(getAgreement({ actor, origin, dealId, agreementId }));
  const locale = await getLocale();
  const view = await orNotFound(listSettlements({ actor, origin, dealId, agreementId, locale: locale === 'zh' ? 'zh' : 'en' }));
  const zh = locale === 'zh';
  return (
    <div className="space-y-6">
      <AgreementHeader dealId={dealId} agreement={agreement} active="settlements" zh={zh} />
      <SettlementsPanel dealId={dealId} agreementId={agreementId} view={view} />
    </div>
  );
}
