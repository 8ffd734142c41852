import { getLocale } from 'next-intl/server';
import { AgreementHeader } from '@/components/fund/agreement-header';
import { MonitoringWorkspace } from '@/components/fund/monitoring-workspace';
import { getAgreement } from '@/lib/server/agreements/get-agreement';
import { MonitoringCharts } from '@/components/fund/monitoring-charts';
import { getMonitoring } from '@/lib/server/fund/get-monitoring';
import { orNotFound, pageContext } from '@/lib/server/http/page-context';

export default async function MonitoringPage({ params }: { params: Promise<{ dealId: string; agreementId: string }> }) {
  const { dealId, agreementId } = await params;
  const { actor, origin } = await pageContext();
  const agreement = await orNotFound(getAgreement({ actor, origin, dealId, agreementId }));
  const view = await orNotFound(getMonitoring({ actor, origin, dealId, agreementId }));
  const zh = (await getLocale()) === 'zh';
  return (
    <div className="space-y-6">
      <AgreementHeader dealId={dealId} agreement={agreement} active="monitoring" zh={zh} />
      <MonitoringWorkspace dealId={dealId} agreementId={agreementId} view={view} />
      <MonitoringCharts view={view} />
    </div>
  );
}
