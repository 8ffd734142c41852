'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { lazySchema, useDomainForm } from '@/components/ui/use-domain-form';

// The form's schema comes when the form is first checked (components/ui/domain-resolver.ts).
const rejectOfferSchema = lazySchema(() => import('@/lib/domain/offer-schemas').then((m) => m.ZRejectOffer));

/** Rejecting an offer, with the reason the other side reads (offer-card.tsx opens it). */
export function RejectForm({ busy, onReject }: { busy: boolean; onReject: (move: { move: 'reject'; reason?: string | null }) => unknown }) {
  const t = useTranslations('offers');
  const rejection = useDomainForm(rejectOfferSchema, { defaultValues: { move: 'reject', reason: '' } });
  return (
    <form className="mt-2 flex flex-wrap items-end gap-2 text-sm" onSubmit={rejection.handleSubmit((move) => onReject(move))} noValidate>
      <Field label={t('reason')} className="flex-1" error={rejection.formState.errors.reason?.message}>
        <Input maxLength={2000} testId="reject-reason" {...rejection.register('reason')} />
      </Field>
      <Button type="submit" intent="danger" disabled={busy} testId="reject-confirm">
        {t('rejectConfirm')}
      </Button>
    </form>
  );
}
