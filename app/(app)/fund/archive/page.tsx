import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { RenderedTable } from '@/components/ui/rendered-table';
import { yuan } from '@/components/fund/format';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { NumberInput } from '@/components/ui/number-input';
import { Select } from '@/components/ui/select';
import type { BadgeTone } from '@/components/ui/variants';
import { ZFundArchiveFilter, type FundArchiveFilter } from '@/lib/domain/fund-schemas';
import { problemLine, render } from '@/lib/domain/local-text';
import { schemaProblems } from '@/lib/domain/schema-problems';
import { isLocale } from '@/lib/domain/locale';
import { searchFundArchive } from '@/lib/server/fund/search-fund-archive';
import { pageContext } from '@/lib/server/http/page-context';
import { Notice } from '@/components/ui/notice';
import { EmptyState } from '@/components/ui/empty-state';
import { formatNames } from '@/lib/domain/format-names';

const statusTone: Record<string, BadgeTone> = { DRAFT: 'warning', ARCHIVED: 'success', VOID: 'neutral' };

/** The fund's archive: every agreement it keeps, searchable and filterable, each hash checked on this request. */
export default async function FundArchivePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor, origin } = await pageContext();
  const raw = Object.fromEntries(Object.entries(await searchParams).flatMap(([k, v]) => (typeof v === 'string' && v.trim() !== '' ? [[k, v]] : [])));
  const [t, locale] = await Promise.all([getTranslations('fund'), getLocale()]);
  const lang = isLocale(locale) ? locale : 'zh';
  const parsed = ZFundArchiveFilter.safeParse(raw);
  const filter: FundArchiveFilter = parsed.success ? parsed.data : {};
  const { agreements } = await searchFundArchive({ actor, origin, filter });
  const zh = lang === 'zh';
  const mismatches = agreements.filter((a) => a.hashVerified === false);

  return (
    <div className="space-y-6">
      <nav className="text-sm text-water-700">
        <Link href="/fund" className="hover:underline">
          {t('dashboard.title')}
        </Link>
      </nav>
      <div>
        <h1 className="text-2xl font-semibold text-water-900">{t('archive.title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('archive.subtitle', formatNames)}</p>
      </div>

      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="archive-filter">
        {(
          [
            ['q', t('archive.filter.q', formatNames), false, 'w-72'],
            ['watershed', t('archive.filter.watershed'), false, 'w-36'],
            ['party', t('archive.filter.party'), false, 'w-40'],
            ['fromYear', t('archive.filter.fromYear'), true, 'w-24'],
            ['toYear', t('archive.filter.toYear'), true, 'w-24'],
            ['minAmount', t('archive.filter.minAmount'), true, 'w-36'],
            ['maxAmount', t('archive.filter.maxAmount'), true, 'w-36'],
          ] as const
        ).map(([name, label, numeric, width]) => (
          <Field key={name} label={label}>
            {numeric ? <NumberInput name={name} defaultValue={raw[name] ?? ''} className={width} /> : <Input name={name} defaultValue={raw[name] ?? ''} className={width} />}
          </Field>
        ))}
        <Field label={t('archive.filter.status')}>
          <Select
            name="status"
            defaultValue={raw.status ?? ''}
            options={[{ value: '', label: t('archive.filter.any') }, ...(['ARCHIVED', 'DRAFT', 'VOID'] as const).map((s) => ({ value: s, label: t(`archive.status.${s}`) }))]}
          />
        </Field>
        <Button type="submit">{t('archive.filter.submit')}</Button>
        <Link href="/fund/archive" className="text-sm text-water-700 hover:underline">
          {t('archive.filter.clear')}
        </Link>
      </form>
      {!parsed.success && (
        <Notice tone="error" testId="filter-problems">
          <p className="font-medium">{t('archive.filterInvalid')}</p>
          <ul className="mt-1 list-disc pl-5">
            {schemaProblems(parsed.error.issues, raw).map((p, i) => (
              <li key={i}>{render(problemLine(p), lang)}</li>
            ))}
          </ul>
        </Notice>
      )}

      {mismatches.length > 0 && (
        <Notice tone="alarm" size="lg" testId="archive-hash-alert">
          <p className="font-semibold">{t('archive.hashAlert', { count: mismatches.length })}</p>
          <ul className="mt-1 list-disc pl-5">
            {mismatches.map((a) => (
              <li key={a.id}>
                <Link href={`/deals/${a.deal.id}/agreements/${a.id}`} className="underline">
                  {zh ? a.deal.nameZh : a.deal.name} · {t('archive.number', { number: a.number })}
                </Link>
              </li>
            ))}
          </ul>
        </Notice>
      )}

      {agreements.length === 0 ? (
        <EmptyState hint={Object.keys(raw).length ? t('archive.emptyFiltered') : t('archive.empty')} testId="archive-empty" />
      ) : (
        <section className="rounded-lg border border-slate-200 bg-white p-4">
          <RenderedTable
            testId="archive"
            rowTestId="archive-row"
            caption={t('archive.title')}
            columns={[
              { id: 'deal', header: t('archive.col.deal'), sortable: true },
              { id: 'parties', header: t('archive.col.parties') },
              { id: 'years', header: t('archive.col.years'), nowrap: true, sortable: true },
              { id: 'total', header: t('archive.col.total'), numeric: true },
              { id: 'status', header: t('archive.col.status') },
              { id: 'hash', header: t('archive.col.hash') },
              { id: 'administration', header: t('archive.col.administration') },
            ]}
            rows={agreements.map((a) => {
              const base = `/deals/${a.deal.id}/agreements/${a.id}`;
              return {
                key: a.id,
                look: { data: { 'agreement-id': a.id }, className: a.hashVerified === false ? 'bg-red-50' : undefined },
                sort: { deal: zh ? a.deal.nameZh : a.deal.name, years: a.startYear },
                cells: {
                  deal: (
                    <>
                      <Link href={base} className="font-medium text-water-700 hover:underline">
                        {zh ? a.deal.nameZh : a.deal.name} · {t('archive.number', { number: a.number })}
                      </Link>
                      <div className="text-xs text-slate-500">{zh ? a.deal.watershedZh : a.deal.watershed}</div>
                    </>
                  ),
                  parties: (
                    <div className="text-xs">
                      {a.parties.map((p) => (
                        <div key={p.side}>
                          <span className="text-slate-500">{t(`side.${p.side}`)}:</span> {p.organisations.map((o) => (zh ? o.nameZh : o.name)).join(zh ? '、' : ', ')}
                        </div>
                      ))}
                    </div>
                  ),
                  years: (
                    <span className="num">
                      {a.startYear}–{a.endYear}
                    </span>
                  ),
                  total: yuan(a.totalAmount, lang),
                  status: <Badge tone={statusTone[a.status] ?? 'neutral'}>{t(`archive.status.${a.status}`)}</Badge>,
                  hash: (
                    <div className="text-xs" data-testid="archive-hash" data-verified={a.hashVerified === null ? 'pending' : String(a.hashVerified)}>
                      {a.hashVerified === true && <span className="text-emerald-800">✓ {t('header.hashVerified')}</span>}
                      {a.hashVerified === false && (
                        <Badge tone="alarm" className="font-semibold">
                          ✗ {t('header.hashMismatch')}
                        </Badge>
                      )}
                      {a.hashVerified === null && <span className="text-slate-500">{t('header.unsigned')}</span>}
                      {a.hash && (
                        <div className="font-mono text-slate-500" title={a.hash}>
                          {a.hash.slice(0, 12)}…
                        </div>
                      )}
                    </div>
                  ),
                  administration: (
                    <div className="text-xs">
                      {a.administration ? (
                        <div className="space-y-1">
                          <div>
                            {t('archive.settledYears', { count: a.administration.confirmedYears.length })}
                            {a.administration.disputed > 0 && (
                              <Badge tone="alarm" className="ml-2">
                                {t('dashboard.disputed', { count: a.administration.disputed })}
                              </Badge>
                            )}
                          </div>
                          <div className="num">{t('archive.outstanding', { amount: yuan(a.administration.totals.outstanding, lang) })}</div>
                          <div className="flex flex-wrap gap-2">
                            {(['monitoring', 'settlements', 'ledger', 'history'] as const).map((tab) => (
                              <Link key={tab} href={`${base}/${tab}`} className="text-water-700 hover:underline">
                                {t(`header.tab.${tab}`)}
                              </Link>
                            ))}
                            <a href={`/api/v1/deals/${a.deal.id}/agreements/${a.id}/pdf`} className="text-water-700 hover:underline" download>
                              PDF
                            </a>
                          </div>
                        </div>
                      ) : (
                        <span className="text-slate-500">{t('archive.notAdministered')}</span>
                      )}
                    </div>
                  ),
                },
              };
            })}
          />
        </section>
      )}
    </div>
  );
}
