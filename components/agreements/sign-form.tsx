'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { SignaturePassword, SignatureRefusal, usePasswordSignature } from './password-signature';

/** The agreement's signature by the reader, with their password (components/agreements/password-signature.tsx). */
export function SignForm({ dealId, agreementId }: { dealId: string; agreementId: string }) {
  const t = useTranslations('agreements');
  const signature = usePasswordSignature(`/api/v1/deals/${dealId}/agreements/${agreementId}/signatures`);
  return (
    <form onSubmit={signature.onSubmit} noValidate className="space-y-3 rounded-lg border-2 border-water-600 bg-white p-4" aria-labelledby="sign-title" data-testid="sign-form">
      <h2 id="sign-title" className="font-semibold text-water-900">
        {t('sign.title')}
      </h2>
      <p className="text-sm text-slate-600">{t('sign.explain')}</p>
      <div className="flex flex-wrap items-end gap-3">
        <SignaturePassword signature={signature} testId="sign-password" />
        <Button type="submit" disabled={!signature.canSubmit} testId="sign-submit">
          {signature.busy ? t('sign.busy') : t('sign.submit')}
        </Button>
      </div>
      <SignatureRefusal signature={signature} testId="sign-error" />
      {signature.done && (
        <p role="status" className="text-sm text-emerald-800">
          {t('sign.done')}
        </p>
      )}
    </form>
  );
}
