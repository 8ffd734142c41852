'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { callApi, type ApiFailure } from '@/components/api-client';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';
import { useApiForm } from '@/components/ui/use-api-form';
import { lazySchema, useDomainForm } from '@/components/ui/use-domain-form';

// The form's schema comes when the form is first checked (components/ui/domain-resolver.ts).
const signAgreementSchema = lazySchema(() => import('@/lib/domain/agreement-schemas').then((m) => m.ZSignAgreement));

type Translate = ReturnType<typeof useTranslations<'agreements'>>;

/** Why a signature was refused, as its signatory should read it. */
function refusalText(failure: ApiFailure, t: Translate): string {
  if (failure.status === 0) return t('sign.network');
  if (failure.status === 429) return t('sign.tooMany', { seconds: (failure.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 60 });
  if (failure.status === 400 && failure.problems.some((p) => p.field === 'password')) return t('sign.wrongPassword');
  if (failure.status === 409) return t('sign.conflict', { message: failure.message });
  return t('sign.failed', { message: failure.message });
}

/**
 * A signature confirmed by the signatory's password (an agreement's, an amendment's): the password
 * is sent once, to `url`, and never kept (the field is cleared whatever the answer); the server
 * decides everything (right, signatory, password, state). The page is refreshed once it is signed.
 */
export function usePasswordSignature(url: string, onSigned?: () => void) {
  const t = useTranslations('agreements');
  const router = useRouter();
  const { register, handleSubmit, formState, resetField, watch } = useDomainForm(signAgreementSchema, { defaultValues: { password: '' } });
  const { busy, failure, done, send } = useApiForm();
  const onSubmit = handleSubmit((input) => {
    resetField('password');
    return send(
      () => callApi(url, { json: input }),
      () => {
        onSigned?.();
        router.refresh();
      },
    );
  });
  return {
    register,
    passwordError: formState.errors.password?.message,
    onSubmit,
    busy,
    done: done !== null,
    refusal: failure && refusalText(failure, t),
    canSubmit: !busy && Boolean(watch('password')),
  };
}

export type PasswordSignature = ReturnType<typeof usePasswordSignature>;

/** The password field of a signature. */
export function SignaturePassword({ signature, testId }: { signature: PasswordSignature; testId: string }) {
  const t = useTranslations('agreements');
  return (
    <Field label={t('sign.password')} error={signature.passwordError}>
      <Input type="password" autoComplete="current-password" className="w-64" testId={testId} {...signature.register('password')} />
    </Field>
  );
}

/** Why the signature was refused, if it was. */
export function SignatureRefusal({ signature, testId }: { signature: PasswordSignature; testId: string }) {
  return signature.refusal ? (
    <Notice tone="error" testId={testId}>
      {signature.refusal}
    </Notice>
  ) : null;
}
