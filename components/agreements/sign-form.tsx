'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { callApi } from '@/components/api-client';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';

/**
 * The password is sent once, to the v1 signatures endpoint, and never kept: the field is cleared
 * whatever the answer. The server decides everything (right, signatory, password, state).
 */
export function SignForm({ dealId, agreementId }: { dealId: string; agreementId: string }) {
  const t = useTranslations('agreements');
  const router = useRouter();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ error?: string; done?: boolean }>({});

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setOutcome({});
    const answer = await callApi(`/api/v1/deals/${dealId}/agreements/${agreementId}/signatures`, { json: { password } });
    setPassword('');
    setBusy(false);
    if (answer.ok) {
      setOutcome({ done: true });
      router.refresh();
      return;
    }
    const retry = (answer.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    const error =
      answer.status === 0
        ? t('sign.network')
        : answer.status === 429
          ? t('sign.tooMany', { seconds: retry ?? 60 })
          : answer.status === 400 && answer.problems.some((p) => p.field === 'password')
            ? t('sign.wrongPassword')
            : answer.status === 409
              ? t('sign.conflict', { message: answer.message })
              : t('sign.failed', { message: answer.message });
    setOutcome({ error });
  };

  return (
    <form onSubmit={(event) => void submit(event)} className="space-y-3 rounded-lg border-2 border-water-600 bg-white p-4" aria-labelledby="sign-title" data-testid="sign-form">
      <h2 id="sign-title" className="font-semibold text-water-900">
        {t('sign.title')}
      </h2>
      <p className="text-sm text-slate-600">{t('sign.explain')}</p>
      <div className="flex flex-wrap items-end gap-3">
        <Field label={t('sign.password')}>
          <Input type="password" name="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} className="w-64" testId="sign-password" />
        </Field>
        <Button type="submit" size="lg" className="py-1.5" disabled={busy || !password} testId="sign-submit">
          {busy ? t('sign.busy') : t('sign.submit')}
        </Button>
      </div>
      {outcome.error && (
        <Notice tone="error" testId="sign-error">
          {outcome.error}
        </Notice>
      )}
      {outcome.done && (
        <p role="status" className="text-sm text-emerald-800">
          {t('sign.done')}
        </p>
      )}
    </form>
  );
}
