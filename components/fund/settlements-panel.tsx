'use client';

import { SampleList, TraceSamplesList } from './sample-list';
import { Code } from '@/components/ui/code';
import { useLocale, useTranslations } from 'next-intl';
import { useIndicatorName } from './use-indicator-name';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi, type ApiFailure } from '@/components/api-client';
import { formatDateTime, formatMoney } from '@/lib/domain/format';
import { organisationNames } from '@/lib/domain/settlement-transfers';
import { Money } from '@/components/ui/money';
import type { ColumnDef } from '@tanstack/react-table';
import { isLocale, type AppLocale } from '@/lib/domain/locale';
import type { SettlementDto } from '@/lib/contracts/fund';
import type { SettlementsView } from '@/lib/contracts/fund';
import { isNegative, isZero, magnitude } from './format';
import { Badge } from '@/components/ui/badge';
import { Button, ButtonLink } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { Checkbox } from '@/components/ui/input';
import { Problems } from '@/components/ui/problems';
import type { BadgeTone } from '@/components/ui/variants';
import { Notice } from '@/components/ui/notice';
import { EmptyState } from '@/components/ui/empty-state';
import { SettlementParties } from './settlement-parties';
import { useNettingColumns } from './netting-columns';
import { formatNames } from '@/lib/domain/format-names';

const stateTone: Record<string, BadgeTone> = {
  CONFIRMED: 'success',
  DRAFT: 'warning',
  READY: 'info',
  BLOCKED: 'danger',
  OPEN: 'quiet',
};

type FunderLine = SettlementDto['funders'][number];

const readerOf = (locale: string): AppLocale => (isLocale(locale) ? locale : 'zh');

/** A settled year's funders: share, what each owes, has advanced, and the balance. */
function useFunderColumns(shares: SettlementDto['shares']): ColumnDef<FunderLine, unknown>[] {
  const t = useTranslations('fund');
  return useNettingColumns<FunderLine>([
    { id: 'funder', header: t('ledger.col.funder'), cell: ({ row }) => t(`funder.${row.original.funder}`) },
    { id: 'share', header: t('settlements.share'), cell: ({ row }) => <span className="num">{shares[row.original.funder] ?? '0'}</span> },
  ]);
}

/** A funder, or the upstream party, by the organisations the agreement names. */
function usePartyName(parties: SettlementDto['parties']): (who: 'CENTRAL' | 'DOWNSTREAM' | 'UPSTREAM') => string {
  const t = useTranslations('fund');
  const reader = readerOf(useLocale());
  return (who) => (who === 'CENTRAL' ? null : organisationNames(parties[who], reader)) ?? t(`funder.${who}`);
}

/** Who pays whom, in words, with the reason: a balance, compensation under a two-way rule, or a refund. */
function Transfers({ settlement }: { settlement: SettlementDto }) {
  const t = useTranslations('fund');
  const name = usePartyName(settlement.parties);
  const reader = readerOf(useLocale());
  return (
    <div>
      <h3 className="text-slate-500">{t('settlements.transfers')}</h3>
      <ul className="mt-1 space-y-1" data-testid={`transfers-${settlement.year}`}>
        {settlement.transfers.length === 0 && <li>{t('settlements.nothingToPay')}</li>}
        {settlement.transfers.map((transfer) => {
          const funder = name(transfer.funder);
          const upstream = name('UPSTREAM');
          return (
            <li key={transfer.funder} data-reason={transfer.reason}>
              <span className="font-medium">
                {t('settlements.transfer', {
                  payer: transfer.payer === 'FUNDER' ? funder : upstream,
                  payee: transfer.payer === 'FUNDER' ? upstream : funder,
                  amount: formatMoney(transfer.amount, reader, { fractionDigits: 2, priceBase: settlement.priceBase }),
                })}
              </span>
              <span className="text-slate-600"> · {t(`settlements.reason.${transfer.reason}`)}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** What the terms call for as an advance beside what was paid, flagged where they differ. */
function Advances({ settlement }: { settlement: SettlementDto }) {
  const t = useTranslations('fund');
  const reader = readerOf(useLocale());
  const differs = settlement.advanceDifference !== null && !isZero(settlement.advanceDifference);
  return (
    <div className={`rounded-md p-3 ${differs ? 'bg-amber-50' : 'bg-slate-50'}`} data-testid={`advances-${settlement.year}`}>
      <dt className="text-slate-500">{t('settlements.advances')}</dt>
      <dd className="text-lg font-semibold">
        <Money value={settlement.advances} fractionDigits={2} />
      </dd>
      <dd className="text-xs text-slate-600">
        {t('settlements.termsAdvance')}: {settlement.termsAdvance === null ? t('settlements.noTermsAdvance') : <Money value={settlement.termsAdvance} fractionDigits={2} />}
      </dd>
      {settlement.advanceDifference !== null && (
        <dd className="mt-1">
          {differs ? (
            <Badge tone="warning" testId={`advance-differs-${settlement.year}`}>
              {t('settlements.advanceDiffers', { amount: formatMoney(settlement.advanceDifference, reader, { fractionDigits: 2 }) })}
            </Badge>
          ) : (
            <Badge tone="success">{t('settlements.advanceMatches')}</Badge>
          )}
        </dd>
      )}
    </div>
  );
}

function SettlementDetail({ settlement, statementHref }: { settlement: SettlementDto; statementHref: string }) {
  const t = useTranslations('fund');
  const indicatorName = useIndicatorName();
  const locale = useLocale();
  const reader = readerOf(locale);
  const funderColumns = useFunderColumns(settlement.shares);
  return (
    <div className="mt-3 space-y-4 text-sm">
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-xs text-slate-600" data-testid={`price-base-${settlement.year}`}>
          {t('settlements.priceBase', { currency: settlement.currency, priceBase: settlement.priceBase })}
        </p>
        <ButtonLink intent="quiet" className="ml-auto" href={statementHref} download testId={`statement-${settlement.year}`}>
          {t('settlements.statement', formatNames)}
        </ButtonLink>
      </div>
      <dl className="grid gap-3 sm:grid-cols-4">
        <div className="rounded-md bg-slate-50 p-3">
          <dt className="text-slate-500">{t('settlements.due')}</dt>
          <dd className="text-lg font-semibold">
            <Money value={magnitude(settlement.due)} fractionDigits={2} testId={`due-${settlement.year}`} />
          </dd>
          <dd className="text-xs text-slate-600" data-testid={`direction-${settlement.year}`}>
            {t(`settlements.direction.${settlement.direction}`)}
          </dd>
        </div>
        <Advances settlement={settlement} />
        <div className={`rounded-md border-2 p-3 ${isNegative(settlement.balance) ? 'border-amber-300 bg-amber-50' : 'border-water-600 bg-white'}`}>
          <dt className="text-slate-500">{t('settlements.bindingBalance')}</dt>
          <dd className="text-lg font-semibold">
            <Money value={settlement.balance} fractionDigits={2} priceBase={settlement.priceBase} testId={`balance-${settlement.year}`} />
          </dd>
          <dd className="text-xs text-slate-600">{t('settlements.bindingExplain')}</dd>
        </div>
        <div className="rounded-md bg-slate-50 p-3">
          <dt className="text-slate-500">{t('settlements.payment')}</dt>
          <dd className="num font-mono text-xs break-all">
            {settlement.payment} × {settlement.unit} {settlement.currency}
          </dd>
        </div>
      </dl>
      <Transfers settlement={settlement} />
      <DataTable caption={t('settlements.funders', { year: settlement.year })} testId={`funders-${settlement.year}`} columns={funderColumns} data={settlement.funders} rowKey={(f) => f.funder} />
      <SettlementParties settlement={settlement} />
      <div>
        <h3 className="text-slate-500">{t('settlements.values')}</h3>
        <p className="mt-1 font-mono text-xs">
          {Object.entries(settlement.inputs).length
            ? Object.entries(settlement.inputs)
                .map(
                  ([name, input]) =>
                    `${indicatorName(name)} = ${input.value ?? '—'}${input.samples ? ` (${t('monitoring.samples.meanOf', { count: input.samples.length })})` : ''}${input.state === 'resolved' ? ` (${t('monitoring.state.resolved')})` : ''}`,
                )
                .join(' · ')
            : t('settlements.noValues')}
        </p>
        {Object.entries(settlement.inputs).map(([name, input]) =>
          input.samples ? (
            <div key={name} className="mt-1" data-testid={`input-samples-${settlement.year}-${name}`}>
              <span className="text-xs text-slate-500">{t('settlements.samplesOf', { indicator: indicatorName(name) })}</span>
              <SampleList samples={input.samples} />
            </div>
          ) : null,
        )}
      </div>
      <div>
        <h3 className="text-slate-500">{t('settlements.trace')}</h3>
        <ol className="mt-1 space-y-1 font-mono text-xs break-all" data-testid={`trace-${settlement.year}`}>
          {settlement.trace.map((step) => (
            <li key={step.name}>
              <Code>{step.text}</Code>
              <TraceSamplesList samples={step.samples} indicatorName={indicatorName} testId={`trace-samples-${settlement.year}-${step.name}`} />
            </li>
          ))}
        </ol>
        {settlement.trace.some((step) => step.name === 'advance' || step.name === 'balance') && <p className="mt-1 text-xs text-slate-500">{t('settlements.traceNote')}</p>}
      </div>
      <p className="text-xs text-slate-500">
        {t('settlements.runBy', { name: settlement.runBy ?? '—', at: formatDateTime(settlement.runAt, reader) })}
        {settlement.confirmedAt && ` · ${t('settlements.confirmedBy', { name: settlement.confirmedBy ?? '—', at: formatDateTime(settlement.confirmedAt, reader) })}`}
        <span className="ml-2 font-mono" title={t('settlements.fingerprint')}>
          {settlement.fingerprint.slice(0, 12)}
        </span>
      </p>
    </div>
  );
}

/** Each year of the agreement and its settlement: run, check, confirm; confirmed years are final. */
export function SettlementsPanel({ dealId, agreementId, view }: { dealId: string; agreementId: string; view: SettlementsView }) {
  const t = useTranslations('fund');
  const locale = useLocale();
  const lang = isLocale(locale) ? locale : 'zh';
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [failures, setFailures] = useState<Record<number, ApiFailure>>({});
  const [checked, setChecked] = useState<Record<number, boolean>>({});
  const base = `/api/v1/deals/${dealId}/agreements/${agreementId}/settlements`;
  const mayAct = view.me.mayAdminister && view.agreement.status === 'ARCHIVED';

  const act = async (year: number, work: () => Promise<{ ok: true } | ApiFailure>) => {
    setBusy(String(year));
    setFailures((f) => ({ ...f, [year]: undefined as unknown as ApiFailure }));
    const answer = await work();
    setBusy(null);
    if (answer.ok) router.refresh();
    else setFailures((f) => ({ ...f, [year]: answer }));
  };
  const run = (year: number) => act(year, () => callApi(base, { json: { year } }));
  const confirm = (year: number, settlement: SettlementDto) => act(year, () => callApi(`${base}/${settlement.id}/confirm`, { json: { fingerprint: settlement.fingerprint } }));

  const closed = view.years.filter((y) => y.state !== 'OPEN');
  const open = view.years.filter((y) => y.state === 'OPEN');
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">{t('settlements.explain')}</p>
      {!view.me.mayAdminister && <p className="text-sm text-slate-600">{t('settlements.readOnly')}</p>}
      {!view.sharesAgreed && <Notice tone="neutral">{t('settlements.defaultShares')}</Notice>}
      {closed.length === 0 && <EmptyState size="panel" hint={t('settlements.noneClosed', { year: view.agreement.startYear })} testId="settlements-none" />}
      {open.length > 0 && (
        <Notice tone="neutral" testId="settlements-open">
          {t('settlements.openYears', { years: open.length === 1 ? String(open[0]!.year) : `${open[0]!.year}–${open.at(-1)!.year}` })}
        </Notice>
      )}
      {[...closed].reverse().map((y) => {
        const failure = failures[y.year];
        return (
          <section key={y.year} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`settlement-year-${y.year}`} data-state={y.state}>
            <div className="flex flex-wrap items-center gap-3">
              <h2 className="num text-lg font-semibold">{y.year}</h2>
              <Badge tone={stateTone[y.state] ?? 'neutral'}>{t(`settlements.state.${y.state}`)}</Badge>
              {'preview' in y && y.preview && (
                <span className="text-sm text-slate-600">
                  {t('settlements.preview', { amount: formatMoney(magnitude(y.preview.due), lang, { fractionDigits: 2 }), direction: t(`settlements.direction.${y.preview.direction}`) })}
                </span>
              )}
              {y.stale && <Badge tone="warning">{t('settlements.stale')}</Badge>}
              {mayAct && y.state !== 'CONFIRMED' && (
                <Button intent={y.state === 'DRAFT' ? 'quiet' : 'primary'} className="ml-auto" disabled={busy !== null} onClick={() => void run(y.year)} testId={`run-${y.year}`}>
                  {busy === String(y.year) ? t('common.saving') : y.state === 'DRAFT' ? t('settlements.runAgain') : t('settlements.run')}
                </Button>
              )}
            </div>
            {y.problems.length > 0 && y.state !== 'CONFIRMED' && (
              <Notice tone="error" role={undefined} className="mt-2" testId={`blocked-${y.year}`}>
                <p className="font-medium">{t('settlements.blocked')}</p>
                <ul className="mt-1 list-disc pl-5">
                  {y.problems.map((p, i) => (
                    <li key={i}>{p.message}</li>
                  ))}
                </ul>
                <p className="mt-1">{t('settlements.blockedNext')}</p>
              </Notice>
            )}
            {failure && (
              <div className="mt-2">
                <Problems failure={failure} testId={`settlement-problems-${y.year}`} recover />
              </div>
            )}
            {y.settlement && <SettlementDetail settlement={y.settlement} statementHref={`${base}/${y.settlement.id}/pdf`} />}
            {y.state === 'DRAFT' && y.settlement && mayAct && (
              <Notice tone="warning" size="lg" role={undefined} className="mt-4 flex flex-wrap items-center gap-3">
                <Checkbox
                  className="gap-2"
                  checked={Boolean(checked[y.year])}
                  onChange={(e) => setChecked({ ...checked, [y.year]: e.target.checked })}
                  testId={`confirm-check-${y.year}`}
                  label={t('settlements.confirmCheck')}
                />
                <Button disabled={!checked[y.year] || busy !== null || y.stale} onClick={() => void confirm(y.year, y.settlement!)} testId={`confirm-${y.year}`}>
                  {t('settlements.confirm')}
                </Button>
                {y.stale && <span className="text-amber-900">{t('settlements.staleExplain')}</span>}
              </Notice>
            )}
            {y.state === 'CONFIRMED' && (
              <p className="mt-3 text-sm text-emerald-800" data-testid={`final-${y.year}`}>
                {t('settlements.final')}
              </p>
            )}
          </section>
        );
      })}
    </div>
  );
}
