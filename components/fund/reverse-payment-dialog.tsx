'use client';

import { useLocale, useTranslations } from 'next-intl';
import { callApi } from '@/components/api-client';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input, Textarea } from '@/components/ui/input';
import { Problems } from '@/components/ui/problems';
import { Notice } from '@/components/ui/notice';
import { useApiForm } from '@/components/ui/use-api-form';
import { lazySchema, useDomainForm } from '@/components/ui/use-domain-form';
import type { PaymentDto } from '@/lib/contracts/fund';
import { beijingDay, formatMoney } from '@/lib/domain/format';
import type { ReversePaymentInput } from '@/lib/domain/fund-schemas';
import { isLocale } from '@/lib/domain/locale';

// The form's schema comes when the form is first checked (components/ui/domain-resolver.ts).
const reversePaymentSchema = lazySchema(() => import('@/lib/domain/fund-schemas').then((m) => m.ZReversePayment));

/**
 * Undoing a recorded payment: the reason and the day the money went back, on the domain's own
 * schema, sent as `POST …/payments { reverses, reason, paidOn }` (docs/decisions/0068). The
 * server refuses a date before the payment or in the future, and a payment reversed already.
 */
export function ReversePaymentDialog({ dealId, agreementId, payment, onClose, onDone }: { dealId: string; agreementId: string; payment: PaymentDto; onClose: () => void; onDone: () => void }) {
  const t = useTranslations('fund');
  const locale = useLocale();
  const lang = isLocale(locale) ? locale : 'zh';
  const { register, handleSubmit, formState } = useDomainForm(reversePaymentSchema, { defaultValues: { reverses: payment.id, reason: '', paidOn: beijingDay(new Date()) } });
  const { busy, failure, send } = useApiForm();
  const reverse = (input: ReversePaymentInput) =>
    send(
      () => callApi(`/api/v1/deals/${dealId}/agreements/${agreementId}/payments`, { json: input }),
      () => {
        onClose();
        onDone();
      },
    );
  const errors = formState.errors;
  return (
    <Dialog open onClose={onClose} title={t('ledger.reverse.title')} testId="reverse-dialog">
      <form onSubmit={handleSubmit(reverse)} className="space-y-3" noValidate>
        <p>{t('ledger.reverse.explain')}</p>
        <Notice tone="neutral" role={undefined} className="font-medium" testId="reverse-original">
          {t('ledger.reverse.original', { paidOn: payment.paidOn, amount: formatMoney(payment.amount, lang, { fractionDigits: 2 }), reference: payment.reference })}
        </Notice>
        <Field label={t('ledger.reverse.reason')} error={errors.reason?.message}>
          <Textarea rows={3} placeholder={t('ledger.reverse.reasonPlaceholder')} testId="reverse-reason" {...register('reason')} />
        </Field>
        <Field label={t('ledger.reverse.paidOn')} error={errors.paidOn?.message}>
          <Input type="date" testId="reverse-date" {...register('paidOn')} />
        </Field>
        {failure && <Problems failure={failure} testId="reverse-problems" recover />}
        <div className="flex justify-end gap-2 pt-2">
          <Button intent="quiet" onClick={onClose}>
            {t('ledger.reverse.cancel')}
          </Button>
          <Button type="submit" intent="danger" disabled={busy} testId="reverse-submit">
            {busy ? t('common.saving') : t('ledger.reverse.submit')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
