'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { callApi } from '@/components/api-client';

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
        <label className="flex flex-col gap-1 text-sm">
          {t('sign.password')}
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            className="w-64 rounded-md border border-slate-300 px-2 py-1"
            data-testid="sign-password"
          />
        </label>
        <button type="submit" disabled={busy || !password} className="rounded-md bg-water-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-water-900 disabled:opacity-50" data-testid="sign-submit">
          {busy ? t('sign.busy') : t('sign.submit')}
        </button>
      </div>
      {outcome.error && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="sign-error">
          {outcome.error}
        </p>
      )}
      {outcome.done && (
        <p role="status" className="text-sm text-emerald-800">
          {t('sign.done')}
        </p>
      )}
    </form>
  );
}
