'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { SignaturePassword, SignatureRefusal, usePasswordSignature } from './password-signature';

/** Signs one amendment: the password is asked for in a dialog (components/agreements/password-signature.tsx). */
export function AmendmentSignButton({ dealId, agreementId, amendmentId, number }: { dealId: string; agreementId: string; amendmentId: string; number: number }) {
  const t = useTranslations('agreements');
  const [open, setOpen] = useState(false);
  const signature = usePasswordSignature(`/api/v1/deals/${dealId}/agreements/${agreementId}/amendments/${amendmentId}/signatures`, () => setOpen(false));
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
            <Button type="submit" form={formId} disabled={!signature.canSubmit} testId="amendment-sign-submit">
              {signature.busy ? t('sign.busy') : t('amendments.sign')}
            </Button>
          </>
        }
      >
        <form id={formId} onSubmit={signature.onSubmit} noValidate className="space-y-3">
          <p>{t('amendments.signExplain')}</p>
          <SignaturePassword signature={signature} testId="amendment-sign-password" />
          <SignatureRefusal signature={signature} testId="amendment-sign-error" />
        </form>
      </Dialog>
    </>
  );
}
