import { getLocale } from 'next-intl/server';
import { AgreementHeader } from '@/components/fund/agreement-header';
import { LedgerPanel } from '@/components/fund/ledger-panel';
import { getAgreement } from '@/lib/server/agreements/get-agreement';
import { getLedger } from '@/lib/server/fund/get-ledger';
import { orNotFound, pageContext } from '@/lib/server/http/page-context';

export default async function LedgerPage({ params }: { params: Promise<{ dealId: string; agreementId: string }> }) {
  const { dealId, agreementId } = await params;
  const { actor, origin } = await pageContext();
  const agreement = await orNotFound(getAgreement({ actor, origin, dealId, agreementId }));
  const view = await orNotFound(getLedger({ actor, origin, dealId, agreementId }));
  const zh = (await getLocale()) === 'zh';
  return (
    <div className="space-y-6">
      <AgreementHeader dealId={dealId} agreement={agreement} active="ledger" zh={zh} />
      <LedgerPanel dealId={dealId} agreementId={agreementId} view={view} />
    </div>
  );
}
