'use client';

import dynamic from 'next/dynamic';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { callApi } from '@/components/api-client';
import { TableSection } from '@/components/ui/table-section';
import { DataTable } from '@/components/ui/data-table';
import { PartyTotalsTable } from './party-totals-table';
import { isLocale, type AppLocale } from '@/lib/domain/locale';
import type { LedgerView } from '@/lib/contracts/fund';
import { isNegative, isZero, organisationLabel, yuan } from './format';
import { TotalsCards } from './totals-cards';
import { LedgerChart } from './ledger-chart';
import { Badge } from '@/components/ui/badge';
import { Money } from '@/components/ui/money';
import { FormOutcome } from './api-form';
import { Button, ButtonLink } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { NumberField } from '@/components/ui/number-field';
import { Select } from '@/components/ui/select';
import { useApiForm } from '@/components/ui/use-api-form';
import { beijingDay } from '@/lib/domain/format';
import { lazySchema, useDomainForm } from '@/components/ui/use-domain-form';
import type { RecordPaymentInput } from '@/lib/domain/fund-schemas';
import Link from 'next/link';
import { formatNames } from '@/lib/domain/format-names';

// The dialog that reverses a payment is fetched when it is opened.
const ReversePaymentDialog = dynamic(() => import('./reverse-payment-dialog').then((m) => m.ReversePaymentDialog));

// The form's schema comes when the form is first checked (components/ui/domain-resolver.ts).
const recordPaymentSchema = lazySchema(() => import('@/lib/domain/fund-schemas').then((m) => m.ZRecordPayment));

const funders = ['CENTRAL', 'DOWNSTREAM', 'UPSTREAM'] as const;

/** The funding shares in force: part of the signed terms, changed only by an amendment (docs/decisions/0089). */
function SharesPanel({ dealId, agreementId, view }: { dealId: string; agreementId: string; view: LedgerView }) {
  const t = useTranslations('fund');
  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="shares-panel">
      <h2 className="font-semibold">{t('ledger.shares.title')}</h2>
      <p className="text-sm text-slate-600">{view.sharesAgreed ? t('ledger.shares.explain') : t('ledger.shares.default')}</p>
      <dl className="flex flex-wrap gap-6 text-sm">
        {funders.map((f) => (
          <div key={f}>
            <dt className="text-slate-500">{t(`funder.${f}`)}</dt>
            <dd className="num font-medium" data-testid={`share-${f}`}>
              {view.shares[f]}
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-slate-600">
        {t('ledger.shares.amendNote')}{' '}
        <Link href={`/deals/${dealId}/agreements/${agreementId}#amendments`} className="text-water-700 hover:underline" data-testid="shares-amend-link">
          {t('ledger.shares.amendLink')}
        </Link>
      </p>
    </section>
  );
}

function PaymentForm({ dealId, agreementId, view, onDone }: { dealId: string; agreementId: string; view: LedgerView; onDone: () => void }) {
  const t = useTranslations('fund');
  const settledYears = view.byYear.filter((y) => y.confirmed).map((y) => y.year);
  const locale = useLocale();
  const lang: AppLocale = isLocale(locale) ? locale : 'zh';
  const { register, control, handleSubmit, formState, reset, getValues, watch } = useDomainForm(recordPaymentSchema, {
    defaultValues: {
      year: settledYears.at(-1) ?? view.agreement.startYear,
      funder: 'DOWNSTREAM',
      direction: 'TO_UPSTREAM',
      amount: '',
      paidOn: beijingDay(new Date()),
      reference: '',
      overpaymentNote: '',
    },
  });
  const errors = formState.errors;
  // The organisations of the chosen funder line, when the terms name the parties (docs/decisions/0110).
  const funder = watch('funder') as RecordPaymentInput['funder'];
  const payers = view.payers?.find((p) => p.funder === funder)?.parties ?? [];
  const { busy, failure, done, send } = useApiForm();
  const record = ({ overpaymentNote, ...payment }: RecordPaymentInput) =>
    send(
      () => callApi(`/api/v1/deals/${dealId}/agreements/${agreementId}/payments`, { json: overpaymentNote ? { ...payment, overpaymentNote } : payment }),
      () => {
        reset({ ...getValues(), amount: '', reference: '', overpaymentNote: '' });
        onDone();
      },
    );
  const years = view.byYear.map((y) => y.year);
  return (
    <form onSubmit={handleSubmit(record)} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="payment-form" noValidate>
      <h2 className="font-semibold">{t('ledger.payment.title')}</h2>
      <p className="text-sm text-slate-600">{t('ledger.payment.explain')}</p>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t('ledger.col.year')} error={errors.year?.message}>
          <Select testId="payment-year" {...register('year', { valueAsNumber: true })}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y} {settledYears.includes(y) ? `· ${t('ledger.settledMark')}` : ''}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('ledger.col.funder')} error={errors.funder?.message}>
          <Select testId="payment-funder" options={funders.map((f) => ({ value: f, label: t(`funder.${f}`) }))} {...register('funder')} />
        </Field>
        {payers.length > 0 && (
          <Field label={t('ledger.payment.organisation')} error={errors.party?.message}>
            <Select
              testId="payment-party"
              options={[{ value: '', label: t('ledger.payment.chooseOrganisation') }, ...payers.map((p) => ({ value: p.id ?? '', label: organisationLabel(p, lang) }))]}
              {...register('party', { shouldUnregister: true })}
            />
          </Field>
        )}
        <Field label={t('ledger.payment.direction')} error={errors.direction?.message}>
          <Select
            testId="payment-direction"
            options={[
              { value: 'TO_UPSTREAM', label: t('ledger.payment.toUpstream') },
              { value: 'FROM_UPSTREAM', label: t('ledger.payment.fromUpstream') },
            ]}
            {...register('direction')}
          />
        </Field>
        <NumberField control={control} name="amount" label={t('ledger.payment.amount')} placeholder="1234567.89" testId="payment-amount" />
        <Field label={t('ledger.payment.paidOn')} error={errors.paidOn?.message}>
          <Input type="date" testId="payment-date" {...register('paidOn')} />
        </Field>
        <Field label={t('ledger.payment.reference')} error={errors.reference?.message}>
          <Input testId="payment-reference" {...register('reference')} />
        </Field>
      </div>
      <Field label={t('ledger.payment.overpaymentNote')} error={errors.overpaymentNote?.message}>
        <Input placeholder={t('ledger.payment.overpaymentPlaceholder')} testId="payment-note" {...register('overpaymentNote')} />
      </Field>
      <FormOutcome
        busy={busy}
        saved={Boolean(done)}
        failure={failure}
        submit={t('ledger.payment.submit')}
        savedText={t('ledger.payment.saved')}
        testIds={{ submit: 'payment-submit', saved: 'payment-saved', problems: 'payment-problems' }}
      />
    </form>
  );
}

type Payment = LedgerView['payments'][number];

/** A reversal names the payment it undoes and why; the undone payment links to its reversal. */
function Correction({ payment, byId }: { payment: Payment; byId: Map<string, Payment> }) {
  const t = useTranslations('fund');
  if (payment.reversesId) {
    const original = byId.get(payment.reversesId);
    return (
      <span className="text-xs text-slate-700" data-testid="payment-reverses">
        <Badge tone="warning">{t('ledger.reverse.mark')}</Badge>{' '}
        <ButtonLink intent="link" href={`#payment-${payment.reversesId}`}>
          {t('ledger.reverse.reverses', { paidOn: original?.paidOn ?? '—', reference: original?.reference ?? '—', reason: payment.reversalReason ?? '' })}
        </ButtonLink>
      </span>
    );
  }
  if (payment.reversedById) {
    const reversal = byId.get(payment.reversedById);
    return (
      <ButtonLink intent="link" className="text-xs" href={`#payment-${payment.reversedById}`} testId="payment-reversed">
        {t('ledger.reverse.reversedBy', { paidOn: reversal?.paidOn ?? '—' })}
      </ButtonLink>
    );
  }
  return null;
}

/** The payments recorded, newest as the server orders them, each with who recorded it, why it overpaid, and its reversal. */
function usePaymentColumns(lang: AppLocale, payments: readonly Payment[], onReverse: ((payment: Payment) => void) | null, byOrganisation: boolean): ColumnDef<Payment, unknown>[] {
  const t = useTranslations('fund');
  return useMemo(() => {
    const byId = new Map(payments.map((p) => [p.id, p]));
    const columns: ColumnDef<Payment, unknown>[] = [
      {
        id: 'paidOn',
        header: t('ledger.payment.paidOn'),
        cell: ({ row }) => (
          <span id={`payment-${row.original.id}`} className="num scroll-mt-20">
            {row.original.paidOn}
          </span>
        ),
      },
      { id: 'year', header: t('ledger.col.year'), cell: ({ row }) => <span className="num">{row.original.year}</span> },
      { id: 'funder', header: t('ledger.col.funder'), cell: ({ row }) => t(`funder.${row.original.funder}`) },
      ...(byOrganisation
        ? [
            {
              id: 'organisation',
              header: t('parties.organisation'),
              cell: ({ row }) => <span data-testid="payment-organisation">{row.original.party ? organisationLabel(row.original.party, lang) : '—'}</span>,
            } satisfies ColumnDef<Payment, unknown>,
          ]
        : []),
      { id: 'direction', header: t('ledger.payment.direction'), cell: ({ row }) => (row.original.direction === 'TO_UPSTREAM' ? t('ledger.payment.toUpstream') : t('ledger.payment.fromUpstream')) },
      { id: 'amount', header: t('ledger.payment.amount'), meta: { numeric: true }, cell: ({ row }) => yuan(row.original.amount, lang) },
      {
        id: 'reference',
        header: t('ledger.payment.reference'),
        cell: ({ row }) => (
          <>
            {row.original.reference}
            {row.original.overpaymentNote && (
              <div className="text-xs text-amber-800">
                {t('ledger.payment.overpaid', { amount: yuan(row.original.overpayment, lang) })}: {row.original.overpaymentNote}
              </div>
            )}
          </>
        ),
      },
      {
        id: 'kind',
        header: t('ledger.payment.kind'),
        cell: ({ row }) => (
          <span className="text-xs text-slate-600">
            {t(`ledger.payment.kindValue.${row.original.kind}`)} · {row.original.recordedBy}
          </span>
        ),
      },
      { id: 'correction', header: t('ledger.reverse.mark'), cell: ({ row }) => <Correction payment={row.original} byId={byId} /> },
    ];
    if (onReverse) {
      columns.push({
        id: 'reverse',
        header: '',
        cell: ({ row }) =>
          row.original.reversesId || row.original.reversedById ? null : (
            <Button intent="dangerOutline" size="sm" onClick={() => onReverse(row.original)} testId={`reverse-${row.original.id}`}>
              {t('ledger.reverse.action')}
            </Button>
          ),
      });
    }
    return columns;
  }, [t, lang, payments, onReverse, byOrganisation]);
}

/** Per year with a settlement: the advance the terms call for beside what was paid before it, flagged where they differ. */
function AdvancesTable({ advances }: { advances: LedgerView['advances'] }) {
  const t = useTranslations('fund');
  const columns = useMemo<ColumnDef<LedgerView['advances'][number], unknown>[]>(
    () => [
      { id: 'year', header: t('ledger.advance.year'), cell: ({ row }) => <span className="num">{row.original.year}</span> },
      {
        id: 'called',
        header: t('ledger.advance.called'),
        meta: { numeric: true },
        cell: ({ row }) => (row.original.called === null ? <span className="text-slate-400">{t('ledger.advance.unknown')}</span> : <Money value={row.original.called} fractionDigits={2} />),
      },
      { id: 'paid', header: t('ledger.advance.paid'), meta: { numeric: true }, cell: ({ row }) => <Money value={row.original.paid} fractionDigits={2} /> },
      {
        id: 'difference',
        header: t('ledger.advance.difference'),
        meta: { numeric: true },
        cell: ({ row }) => (row.original.difference === null ? '—' : <Money value={row.original.difference} fractionDigits={2} />),
      },
      {
        id: 'flag',
        header: '',
        cell: ({ row }) =>
          row.original.difference === null ? null : isZero(row.original.difference) ? (
            <Badge tone="success">{t('ledger.advance.matches')}</Badge>
          ) : (
            <Badge tone="warning">{t('ledger.advance.differs')}</Badge>
          ),
      },
    ],
    [t],
  );
  if (!advances.length) return null;
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">{t('ledger.advance.title')}</h2>
      <p className="mt-1 text-sm text-slate-600">{t('ledger.advance.explain')}</p>
      <DataTable className="mt-3" testId="ledger-advances" rowTestId="advance-row" caption={t('ledger.advance.title')} columns={columns} data={advances} rowKey={(a) => String(a.year)} />
    </section>
  );
}

/** An agreement's ledger: per year and funder, payments, and the fund's forms. */
export function LedgerPanel({ dealId, agreementId, view }: { dealId: string; agreementId: string; view: LedgerView }) {
  const t = useTranslations('fund');
  const locale = useLocale();
  const lang = isLocale(locale) ? locale : 'zh';
  const router = useRouter();
  const refresh = () => router.refresh();
  const mayAct = view.me.mayAdminister && view.agreement.status === 'ARCHIVED';
  const [reversing, setReversing] = useState<Payment | null>(null);
  const paymentColumns = usePaymentColumns(lang, view.payments, mayAct ? setReversing : null, view.payers !== null);
  const exportBase = `/api/v1/deals/${dealId}/agreements/${agreementId}/ledger`;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-2">
        <p className="text-sm text-slate-600">{t('ledger.explain')}</p>
        <span className="ml-auto flex gap-2">
          <ButtonLink intent="quiet" href={`${exportBase}?format=xlsx`} download testId="ledger-xlsx">
            {t('common.exportXlsx', formatNames)}
          </ButtonLink>
          <ButtonLink intent="quiet" href={`${exportBase}?format=csv`} download testId="ledger-csv">
            {t('common.exportCsv', formatNames)}
          </ButtonLink>
        </span>
      </div>
      <TotalsCards totals={view.totals} testId="ledger-totals" />

      <TableSection
        title={t('ledger.lines')}
        testId="ledger-lines"
        columns={[
          { label: t('ledger.col.year') },
          { label: t('ledger.col.funder') },
          { label: t('ledger.col.scheduled'), numeric: true },
          { label: t('ledger.col.settled'), numeric: true },
          { label: t('ledger.col.paid'), numeric: true },
          { label: t('ledger.col.outstanding'), numeric: true },
        ]}
        foot={
          <tr className="border-t-2 border-slate-300 font-medium">
            <td className="py-1 pr-3" colSpan={2}>
              {t('ledger.agreementTotal')}
            </td>
            <td className="num py-1 pr-3 text-right">{yuan(view.totals.scheduled, lang)}</td>
            <td className="num py-1 pr-3 text-right">{yuan(view.totals.settled, lang)}</td>
            <td className="num py-1 pr-3 text-right" data-testid="total-paid">
              {yuan(view.totals.paid, lang)}
            </td>
            <td className="num py-1 text-right" data-testid="total-outstanding">
              {yuan(view.totals.outstanding, lang)}
            </td>
          </tr>
        }
        note={<p className="mt-2 text-xs text-slate-500">{t('ledger.signNote')}</p>}
      >
        {view.byYear.map((y) => {
          const lines = view.lines.filter((l) => l.year === y.year);
          return [
            ...lines.map((l, i) => (
              <tr key={`${l.year}-${l.funder}`} className={i === 0 ? 'border-t border-slate-200' : ''} data-testid={`line-${l.year}-${l.funder}`}>
                <td className="num py-1 pr-3">{i === 0 ? l.year : ''}</td>
                <td className="py-1 pr-3">{t(`funder.${l.funder}`)}</td>
                <td className="num py-1 pr-3 text-right">{yuan(l.scheduled, lang)}</td>
                <td className="num py-1 pr-3 text-right">{l.settled === null ? <span className="text-slate-400">{t('ledger.notSettled')}</span> : yuan(l.settled, lang)}</td>
                <td className="num py-1 pr-3 text-right">{yuan(l.paid, lang)}</td>
                <td className={`num py-1 text-right ${isNegative(l.outstanding) ? 'text-amber-800' : ''}`} data-testid={`outstanding-${l.year}-${l.funder}`}>
                  {l.outstanding === null ? '—' : yuan(l.outstanding, lang)}
                </td>
              </tr>
            )),
            lines.length > 1 ? (
              <tr key={`${y.year}-total`} className="bg-slate-50 text-slate-700">
                <td />
                <td className="py-1 pr-3 text-xs">{t('ledger.yearTotal')}</td>
                <td className="num py-1 pr-3 text-right text-xs">{yuan(y.scheduled, lang)}</td>
                <td className="num py-1 pr-3 text-right text-xs">{y.confirmed ? yuan(y.settled, lang) : ''}</td>
                <td className="num py-1 pr-3 text-right text-xs">{yuan(y.paid, lang)}</td>
                <td className="num py-1 text-right text-xs">{y.confirmed ? yuan(y.outstanding, lang) : '—'}</td>
              </tr>
            ) : null,
          ];
        })}
      </TableSection>

      <PartyTotalsTable totals={view.partyTotals} lang={lang} testId="ledger-parties" />

      <LedgerChart byYear={view.byYear} />
      <AdvancesTable advances={view.advances} />

      {mayAct && (
        <div className="grid gap-6 lg:grid-cols-2">
          <PaymentForm dealId={dealId} agreementId={agreementId} view={view} onDone={refresh} />
          <SharesPanel dealId={dealId} agreementId={agreementId} view={view} />
        </div>
      )}

      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="font-semibold">{t('ledger.payments')}</h2>
        <DataTable
          className="mt-3"
          testId="payments"
          rowTestId="payment-row"
          caption={t('ledger.payments')}
          columns={paymentColumns}
          data={view.payments}
          rowKey={(p) => p.id}
          rowLook={(p) => ({ className: p.reversesId || p.reversedById ? 'bg-slate-50 text-slate-500' : '', data: { payment: p.id, ...(p.reversesId ? { reverses: p.reversesId } : {}) } })}
          empty={
            <p className="mt-2 text-sm text-slate-600" data-testid="payments-none">
              {mayAct ? t('ledger.noPaymentsAdmin') : t('ledger.noPayments')}
            </p>
          }
        />
      </section>
      {reversing && <ReversePaymentDialog dealId={dealId} agreementId={agreementId} payment={reversing} onClose={() => setReversing(null)} onDone={refresh} />}
    </div>
  );
}
