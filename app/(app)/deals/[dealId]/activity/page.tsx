import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AuditChanges, AuditSentence } from '@/components/deals/audit-event';
import { VerifyChainButton } from '@/components/deals/verify-chain-button';
import { Button } from '@/components/ui/button';
import { RenderedTable } from '@/components/ui/rendered-table';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { auditGroups } from '@/lib/domain/audit-summary';
import { ZActivityFilter } from '@/lib/domain/deal-schemas';
import { formatDateTime } from '@/lib/domain/format';
import { render } from '@/lib/domain/local-text';
import { schemaProblems } from '@/lib/domain/schema-problems';
import { isLocale } from '@/lib/domain/locale';
import { listDealActivity } from '@/lib/server/deals/list-deal-activity';
import { orNotFound, pageContext } from '@/lib/server/http/page-context';
import { Notice } from '@/components/ui/notice';
import { ButtonNavLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

type Search = { action?: string; from?: string; to?: string; before?: string };

export default async function ActivityPage({ params, searchParams }: { params: Promise<{ dealId: string }>; searchParams: Promise<Search> }) {
  const [{ dealId }, search] = await Promise.all([params, searchParams]);
  const { actor, origin } = await pageContext();
  const [t, tSide, tGroup, locale] = await Promise.all([getTranslations('activity'), getTranslations('side'), getTranslations('audit.group'), getLocale()]);
  const lang = isLocale(locale) ? locale : 'zh';
  const query = Object.fromEntries(Object.entries(search).filter(([, value]) => typeof value === 'string' && value !== ''));
  const filter = ZActivityFilter.safeParse(query);
  const page = filter.success ? await orNotFound(listDealActivity({ actor, origin, dealId, filter: filter.data })) : null;
  const filterLabel = (field: string) => (field === 'from' ? t('filterFrom') : field === 'to' ? t('filterTo') : field === 'action' ? t('filterAction') : t('filterPage'));
  const olderHref = page?.nextBefore
    ? `?${new URLSearchParams({ ...(search.action ? { action: search.action } : {}), ...(search.from ? { from: search.from } : {}), ...(search.to ? { to: search.to } : {}), before: page.nextBefore })}`
    : null;
  return (
    <div>
      <Link href={`/deals/${dealId}`} className="text-sm text-water-700 hover:underline">
        ←
      </Link>
      <h1 className="mt-2 text-2xl font-semibold text-water-900">{t('title')}</h1>
      <p className="mt-1 text-slate-600">{t('subtitle')}</p>
      <div className="mt-4">
        <VerifyChainButton dealId={dealId} />
      </div>
      <form className="mt-6 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm" method="get">
        <Field label={t('filterAction')}>
          <Select name="action" defaultValue={search.action ?? ''}>
            <option value="">{t('allActions')}</option>
            {auditGroups.map((group) => (
              <option key={group} value={`${group}.`}>
                {tGroup(group)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('filterFrom')}>
          <Input name="from" type="date" defaultValue={search.from ?? ''} />
        </Field>
        <Field label={t('filterTo')}>
          <Input name="to" type="date" defaultValue={search.to ?? ''} />
        </Field>
        <Button type="submit">{t('apply')}</Button>
        <ButtonNavLink href={`/deals/${dealId}/activity`} intent="link">
          {t('clear')}
        </ButtonNavLink>
      </form>
      {!filter.success ? (
        <Notice tone="error" className="mt-6">
          {t('invalidFilter', {
            problem: schemaProblems(filter.error.issues, query)
              .map((p) => `${filterLabel(p.field)}${lang === 'zh' ? '：' : ': '}${p.text ? render(p.text, lang) : p.message}`)
              .join(lang === 'zh' ? '；' : '; '),
          })}
        </Notice>
      ) : page!.events.length === 0 ? (
        <EmptyState className="mt-6" title={t('empty')} hint={t('emptyNext')} testId="activity-empty" />
      ) : (
        <section className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
          <RenderedTable
            testId="activity"
            caption={t('title')}
            columns={(['when', 'who', 'side', 'action', 'change', 'hash'] as const).map((column) => ({ id: column, header: t(column), nowrap: column === 'when' || column === 'side' }))}
            rows={page!.events.map((event) => ({
              key: event.id,
              cells: {
                when: <span className="num">{formatDateTime(event.at, lang)}</span>,
                who: (
                  <>
                    {event.actor?.name ?? '—'}
                    {event.actor && <div className="text-xs text-slate-500">{lang === 'zh' ? event.actor.organisationZh : event.actor.organisation}</div>}
                  </>
                ),
                side: event.side ? tSide(event.side) : '—',
                action: (
                  <span data-action={event.action}>
                    <AuditSentence description={event.description} lang={lang} unit={actor.amountUnit} />
                  </span>
                ),
                change: (
                  <div className="max-w-md">
                    <AuditChanges changes={event.description.changes} lang={lang} unit={actor.amountUnit} />
                  </div>
                ),
                hash: (
                  <span className="font-mono text-xs text-slate-500" title={event.hash}>
                    #{event.seq} {event.hash.slice(0, 10)}
                  </span>
                ),
              },
            }))}
          />
        </section>
      )}
      {olderHref && (
        <Link href={olderHref} className="mt-4 inline-block text-water-700 hover:underline">
          {t('older')} →
        </Link>
      )}
    </div>
  );
}
