'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { callApi } from '@/components/api-client';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';
import { useApiForm } from '@/components/ui/use-api-form';
import { lazySchema, useDomainForm } from '@/components/ui/use-domain-form';
import type { SignAgreementInput } from '@/lib/domain/agreement-schemas';

// The form's schema comes when the form is first checked (components/ui/domain-resolver.ts).
const signAgreementSchema = lazySchema(() => import('@/lib/domain/agreement-schemas').then((m) => m.ZSignAgreement));

/**
 * The password is sent once, to the v1 signatures endpoint, and never kept: the field is cleared
 * whatever the answer. The server decides everything (right, signatory, password, state).
 */
export function SignForm({ dealId, agreementId }: { dealId: string; agreementId: string }) {
  const t = useTranslations('agreements');
  const router = useRouter();
  const { register, handleSubmit, formState, resetField, watch } = useDomainForm(signAgreementSchema, { defaultValues: { password: '' } });
  const { busy, failure, done, send } = useApiForm();
  const password = watch('password');

  const sign = (input: SignAgreementInput) => {
    resetField('password');
    return send(
      () => callApi(`/api/v1/deals/${dealId}/agreements/${agreementId}/signatures`, { json: input }),
      () => router.refresh(),
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
          : failure.status === 409
            ? t('sign.conflict', { message: failure.message })
            : t('sign.failed', { message: failure.message });

  return (
    <form onSubmit={handleSubmit(sign)} noValidate className="space-y-3 rounded-lg border-2 border-water-600 bg-white p-4" aria-labelledby="sign-title" data-testid="sign-form">
      <h2 id="sign-title" className="font-semibold text-water-900">
        {t('sign.title')}
      </h2>
      <p className="text-sm text-slate-600">{t('sign.explain')}</p>
      <div className="flex flex-wrap items-end gap-3">
        <Field label={t('sign.password')} error={formState.errors.password?.message}>
          <Input type="password" autoComplete="current-password" className="w-64" testId="sign-password" {...register('password')} />
        </Field>
        <Button type="submit" disabled={busy || !password} testId="sign-submit">
          {busy ? t('sign.busy') : t('sign.submit')}
        </Button>
      </div>
      {error && (
        <Notice tone="error" testId="sign-error">
          {error}
        </Notice>
      )}
      {done && (
        <p role="status" className="text-sm text-emerald-800">
          {t('sign.done')}
        </p>
      )}
    </form>
  );
}
