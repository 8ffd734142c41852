'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { callApi } from '@/components/api-client';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';
import { useApiForm } from '@/components/ui/use-api-form';
import { lazySchema, useDomainForm } from '@/components/ui/use-domain-form';
import type { SignAgreementInput } from '@/lib/domain/agreement-schemas';

// The form's schema comes when the form is first checked (components/ui/domain-resolver.ts).
const signAgreementSchema = lazySchema(() => import('@/lib/domain/agreement-schemas').then((m) => m.ZSignAgreement));

/** Signs one amendment: the password is asked for in a dialog, sent once and never kept. */
export function AmendmentSignButton({ dealId, agreementId, amendmentId, number }: { dealId: string; agreementId: string; amendmentId: string; number: number }) {
  const t = useTranslations('agreements');
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const { register, handleSubmit, formState, resetField, watch } = useDomainForm(signAgreementSchema, { defaultValues: { password: '' } });
  const { busy, failure, send } = useApiForm();
  const password = watch('password');
  const sign = (input: SignAgreementInput) => {
    resetField('password');
    return send(
      () => callApi(`/api/v1/deals/${dealId}/agreements/${agreementId}/amendments/${amendmentId}/signatures`, { json: input }),
      () => {
        setOpen(false);
        router.refresh();
      },
    );
  };
  const retry = (failure?.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
  const error = !failure
    ? null
    : failure.status === 0
      ? t('sign.network')
      : failure.status === 429
        ? t('sign.tooMany', { seconds: retry ?? 60 })
        : failure.status === 400 && failure.problems.some((p) => p.field === 'password')
          ? t('sign.wrongPassword')
          : t('sign.failed', { message: failure.message });
  const formId = `amendment-sign-${amendmentId}`;
  return (
    <>
      <Button size="sm" onClick={() => setOpen(true)} testId={`amendment-sign-${number}`}>
        {t('amendments.sign')}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('amendments.signTitle', { number })}
        testId="amendment-sign-dialog"
        footer={
          <>
            <Button intent="quiet" onClick={() => setOpen(false)}>
              {t('amendments.cancel')}
            </Button>
            <Button type="submit" form={formId} disabled={busy || !password} testId="amendment-sign-submit">
              {busy ? t('sign.busy') : t('amendments.sign')}
            </Button>
          </>
        }
      >
        <form id={formId} onSubmit={handleSubmit(sign)} noValidate className="space-y-3">
          <p>{t('amendments.signExplain')}</p>
          <Field label={t('sign.password')} error={formState.errors.password?.message}>
            <Input type="password" autoComplete="current-password" className="w-64" testId="amendment-sign-password" {...register('password')} />
          </Field>
          {error && (
            <Notice tone="error" testId="amendment-sign-error">
              {error}
            </Notice>
          )}
        </form>
      </Dialog>
    </>
  );
}
