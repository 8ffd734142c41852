'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { callApi } from '@/components/api-client';
import { TableSection } from '@/components/ui/table-section';
import { isLocale } from '@/lib/domain/locale';
import type { LedgerView } from '@/lib/server/fund/get-ledger';
import { isNegative, yuan } from './format';
import { FormOutcome, Problems, submitButton as button } from './api-form';
import { useApiForm } from '@/components/ui/use-api-form';
import { beijingDay } from '@/lib/domain/format';

const funders = ['CENTRAL', 'DOWNSTREAM', 'UPSTREAM'] as const;
const input = 'rounded-md border border-slate-300 px-2 py-1 text-sm';
const quiet = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-water-700 hover:bg-slate-50';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      <span className="text-slate-600">{label}</span>
      {children}
    </label>
  );
}

/** Totals as cards: scheduled, settled, paid, advances, and what is still owed either way. */
export function TotalsCards({ totals, testId }: { totals: LedgerView['totals']; testId?: string }) {
  const t = useTranslations('fund');
  const locale = useLocale();
  const lang = isLocale(locale) ? locale : 'zh';
  const cards: [string, string, string?][] = [
    ['scheduled', totals.scheduled],
    ['settled', totals.settled],
    ['paid', totals.paid],
    ['advances', totals.advances],
    ['owedToUpstream', totals.owedToUpstream],
    ['owedByUpstream', totals.owedByUpstream],
  ];
  return (
    <dl className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid={testId}>
      {cards.map(([key, value]) => (
        <div key={key} className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-xs text-slate-500">{t(`ledger.total.${key}`)}</dt>
          <dd className="num mt-1 font-semibold" data-testid={`${testId ?? 'totals'}-${key}`}>
            {yuan(value, lang)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function SharesForm({ dealId, agreementId, view, onDone }: { dealId: string; agreementId: string; view: LedgerView; onDone: () => void }) {
  const t = useTranslations('fund');
  const [shares, setShares] = useState<Record<string, string>>({ ...view.shares });
  const { busy, failure, onSubmit } = useApiForm();
  return (
    <form onSubmit={onSubmit(() => callApi(`/api/v1/deals/${dealId}/agreements/${agreementId}/funding-shares`, { method: 'PUT', json: { shares } }), onDone)} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="shares-form">
      <h2 className="font-semibold">{t('ledger.shares.title')}</h2>
      <p className="text-sm text-slate-600">{view.sharesAgreed ? t('ledger.shares.explain') : t('ledger.shares.default')}</p>
      <div className="flex flex-wrap items-end gap-3">
        {funders.map((f) => (
          <Field key={f} label={t(`funder.${f}`)}>
            <input className={`${input} w-28`} inputMode="decimal" value={shares[f] ?? ''} onChange={(e) => setShares({ ...shares, [f]: e.target.value })} data-testid={`share-${f}`} />
          </Field>
        ))}
        <button type="submit" className={button} disabled={busy}>
          {busy ? t('common.saving') : t('ledger.shares.submit')}
        </button>
      </div>
      {failure && <Problems failure={failure} testId="shares-problems" />}
    </form>
  );
}

function PaymentForm({ dealId, agreementId, view, onDone }: { dealId: string; agreementId: string; view: LedgerView; onDone: () => void }) {
  const t = useTranslations('fund');
  const settledYears = view.byYear.filter((y) => y.confirmed).map((y) => y.year);
  const [payment, setPayment] = useState({
    year: settledYears.at(-1) ?? view.agreement.startYear,
    funder: 'DOWNSTREAM',
    direction: 'TO_UPSTREAM',
    amount: '',
    paidOn: beijingDay(new Date()),
    reference: '',
    overpaymentNote: '',
  });
  const { busy, failure, done, onSubmit } = useApiForm();
  const record = () => {
    const { overpaymentNote, ...rest } = payment;
    return callApi(`/api/v1/deals/${dealId}/agreements/${agreementId}/payments`, { json: overpaymentNote.trim() ? payment : rest });
  };
  const recorded = () => {
    setPayment({ ...payment, amount: '', reference: '', overpaymentNote: '' });
    onDone();
  };
  const years = view.byYear.map((y) => y.year);
  return (
    <form onSubmit={onSubmit(record, recorded)} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="payment-form">
      <h2 className="font-semibold">{t('ledger.payment.title')}</h2>
      <p className="text-sm text-slate-600">{t('ledger.payment.explain')}</p>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t('ledger.col.year')}>
          <select className={input} value={payment.year} onChange={(e) => setPayment({ ...payment, year: Number(e.target.value) })} data-testid="payment-year">
            {years.map((y) => (
              <option key={y} value={y}>
                {y} {settledYears.includes(y) ? `· ${t('ledger.settledMark')}` : ''}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('ledger.col.funder')}>
          <select className={input} value={payment.funder} onChange={(e) => setPayment({ ...payment, funder: e.target.value })} data-testid="payment-funder">
            {funders.map((f) => (
              <option key={f} value={f}>
                {t(`funder.${f}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('ledger.payment.direction')}>
          <select className={input} value={payment.direction} onChange={(e) => setPayment({ ...payment, direction: e.target.value })} data-testid="payment-direction">
            <option value="TO_UPSTREAM">{t('ledger.payment.toUpstream')}</option>
            <option value="FROM_UPSTREAM">{t('ledger.payment.fromUpstream')}</option>
          </select>
        </Field>
        <Field label={t('ledger.payment.amount')}>
          <input className={input} inputMode="decimal" value={payment.amount} onChange={(e) => setPayment({ ...payment, amount: e.target.value })} placeholder="1234567.89" data-testid="payment-amount" />
        </Field>
        <Field label={t('ledger.payment.paidOn')}>
          <input type="date" className={input} value={payment.paidOn} onChange={(e) => setPayment({ ...payment, paidOn: e.target.value })} data-testid="payment-date" />
        </Field>
        <Field label={t('ledger.payment.reference')}>
          <input className={input} value={payment.reference} onChange={(e) => setPayment({ ...payment, reference: e.target.value })} data-testid="payment-reference" />
        </Field>
      </div>
      <Field label={t('ledger.payment.overpaymentNote')}>
        <input className={input} value={payment.overpaymentNote} onChange={(e) => setPayment({ ...payment, overpaymentNote: e.target.value })} placeholder={t('ledger.payment.overpaymentPlaceholder')} data-testid="payment-note" />
      </Field>
      <FormOutcome busy={busy} saved={Boolean(done)} failure={failure} submit={t('ledger.payment.submit')} savedText={t('ledger.payment.saved')} testIds={{ submit: 'payment-submit', saved: 'payment-saved', problems: 'payment-problems' }} />
    </form>
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
  const exportBase = `/api/v1/deals/${dealId}/agreements/${agreementId}/ledger`;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-2">
        <p className="text-sm text-slate-600">{t('ledger.explain')}</p>
        <span className="ml-auto flex gap-2">
          <a className={quiet} href={`${exportBase}?format=xlsx`} download data-testid="ledger-xlsx">
            {t('common.exportXlsx')}
          </a>
          <a className={quiet} href={`${exportBase}?format=csv`} download data-testid="ledger-csv">
            {t('common.exportCsv')}
          </a>
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

      {mayAct && (
        <div className="grid gap-6 lg:grid-cols-2">
          <PaymentForm dealId={dealId} agreementId={agreementId} view={view} onDone={refresh} />
          <SharesForm dealId={dealId} agreementId={agreementId} view={view} onDone={refresh} />
        </div>
      )}

      <TableSection
        title={t('ledger.payments')}
        testId="payments"
        empty={
          view.payments.length === 0 && (
            <p className="mt-2 text-sm text-slate-600" data-testid="payments-none">
              {mayAct ? t('ledger.noPaymentsAdmin') : t('ledger.noPayments')}
            </p>
          )
        }
        columns={[
          { label: t('ledger.payment.paidOn') },
          { label: t('ledger.col.year') },
          { label: t('ledger.col.funder') },
          { label: t('ledger.payment.direction') },
          { label: t('ledger.payment.amount'), numeric: true },
          { label: t('ledger.payment.reference') },
          { label: t('ledger.payment.kind') },
        ]}
      >
        {view.payments.map((p) => (
          <tr key={p.id} className="border-t border-slate-100 align-top" data-testid="payment-row">
            <td className="num py-1 pr-3">{p.paidOn}</td>
            <td className="num py-1 pr-3">{p.year}</td>
            <td className="py-1 pr-3">{t(`funder.${p.funder}`)}</td>
            <td className="py-1 pr-3">{p.direction === 'TO_UPSTREAM' ? t('ledger.payment.toUpstream') : t('ledger.payment.fromUpstream')}</td>
            <td className="num py-1 pr-3 text-right">{yuan(p.amount, lang)}</td>
            <td className="py-1 pr-3">
              {p.reference}
              {p.overpaymentNote && (
                <div className="text-xs text-amber-800">
                  {t('ledger.payment.overpaid', { amount: yuan(p.overpayment, lang) })}: {p.overpaymentNote}
                </div>
              )}
            </td>
            <td className="py-1 text-xs text-slate-600">
              {t(`ledger.payment.kindValue.${p.kind}`)} · {p.recordedBy}
            </td>
          </tr>
        ))}
      </TableSection>
    </div>
  );
}
