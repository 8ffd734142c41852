import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AddMemberForm, MemberRowForm } from '@/components/members/member-forms';
import { Notice } from '@/components/ui/notice';
import { RenderedTable } from '@/components/ui/rendered-table';
import { DealStatusSteps } from '@/components/deals/deal-status-steps';
import { MoveDealStatus } from '@/components/deals/move-deal-status';
import { DealPeriodsForm } from '@/components/deals/deal-periods-form';
import { DealPartiesForm } from '@/components/deals/deal-parties-form';
import { dealStatusTransitions } from '@/lib/domain/deal-rights';
import { getDealOverview } from '@/lib/server/deals/get-deal-overview';
import { getDealParties } from '@/lib/server/deals/get-deal-parties';
import { orNotFound, pageContext } from '@/lib/server/http/page-context';
import { listLatestVersions } from '@/lib/server/scenarios/list-latest-versions';

export default async function MembersPage({ params }: { params: Promise<{ dealId: string }> }) {
  const { dealId } = await params;
  const { actor, origin } = await pageContext();
  const overview = await orNotFound(getDealOverview({ actor, origin, dealId }));
  // Every scenario has its v1 from the start: none listed = no version, the periods may still change (decision 0083).
  const [scenarios, parties] = await Promise.all([overview.me.canManage ? orNotFound(listLatestVersions({ actor, origin, dealId })) : [], orNotFound(getDealParties({ actor, origin, dealId }))]);
  const [t, tSide, locale] = await Promise.all([getTranslations('members'), getTranslations('side'), getLocale()]);
  const zh = locale === 'zh';
  const nextStatus = dealStatusTransitions[overview.deal.status][0];
  return (
    <div>
      <Link href={`/deals/${dealId}`} className="text-sm text-water-700 hover:underline">
        ← {zh ? overview.deal.nameZh : overview.deal.name}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold text-water-900">{t('title')}</h1>
      <p className="mt-1 text-slate-600">{t('subtitle')}</p>
      {!overview.me.canManage && (
        <Notice tone="neutral" className="mt-4">
          {t('notManager')}
        </Notice>
      )}
      <section className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <RenderedTable
          testId="member-list"
          caption={t('title')}
          columns={[
            { id: 'name', header: t('name'), sortable: true },
            { id: 'organisation', header: t('organisation'), sortable: true },
            { id: 'side', header: t('side') },
          ]}
          rows={overview.members.map((member) => ({
            key: member.id,
            sort: { name: member.name, organisation: zh ? member.organisation.nameZh : member.organisation.name },
            cells: {
              name: (
                <>
                  {member.name} {member.id === overview.me.memberId && <span className="text-xs text-slate-500">({t('you')})</span>}
                  <div className="text-xs text-slate-500">{member.email}</div>
                </>
              ),
              organisation: zh ? member.organisation.nameZh : member.organisation.name,
              side: overview.me.canManage ? (
                <MemberRowForm dealId={dealId} member={member} self={member.id === overview.me.memberId} mayGrant={overview.me.canGrantPartyRights} />
              ) : (
                <>
                  {tSide(member.side)}
                  {member.canEdit && ` · ${t('canEdit')}`}
                  {member.canSign && ` · ${t('canSign')}`}
                </>
              ),
            },
          }))}
        />
      </section>
      <div id="deal-status" className="mt-6">
        <DealStatusSteps current={overview.deal.status} action={overview.me.canManage && nextStatus ? <MoveDealStatus dealId={dealId} to={nextStatus} /> : undefined} />
      </div>
      {overview.me.canManage && (
        <div className="mt-6">
          <DealPeriodsForm dealId={dealId} startYear={overview.deal.startYear} endYear={overview.deal.endYear} periods={overview.deal.periods} editable={scenarios.length === 0} />
        </div>
      )}
      <div className="mt-6">
        <DealPartiesForm dealId={dealId} view={parties} editable={overview.me.canManage} zh={zh} />
      </div>
      {overview.me.canManage && (
        <section className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="mb-3 font-semibold">{t('add')}</h2>
          <AddMemberForm dealId={dealId} mayGrant={overview.me.canGrantPartyRights} />
        </section>
      )}
    </div>
  );
}
