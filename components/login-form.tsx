'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { settleLocaleAfterSignIn } from '@/app/actions/locale';
import { safeDestination } from '@/lib/domain/safe-destination';

type Problem = { key: 'invalid' | 'unavailable' } | { key: 'rateLimited'; seconds: number };

function problemFrom(error: string): Problem {
  const limited = /^rate_limited:(\d+)$/.exec(error);
  if (limited) return { key: 'rateLimited', seconds: Number(limited[1]) };
  return { key: error === 'invalid' || error === 'CredentialsSignin' ? 'invalid' : 'unavailable' };
}

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations('login');
  const router = useRouter();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setProblem(null);
    try {
      const result = await signIn('credentials', { email: form.get('email'), password: form.get('password'), redirect: false });
      if (!result || result.error) {
        setProblem(problemFrom(result?.error ?? 'unavailable'));
        return;
      }
      await settleLocaleAfterSignIn();
      router.replace(safeDestination(callbackUrl));
      router.refresh();
    } catch {
      setProblem({ key: 'unavailable' });
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-700">
          {t('email')}
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-700">
          {t('password')}
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" />
      </div>
      {problem && (
        <p role="alert" data-testid="login-error" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {problem.key === 'rateLimited' ? t('rateLimited', { seconds: problem.seconds }) : t(problem.key)}
        </p>
      )}
      <button type="submit" disabled={pending} className="w-full rounded-md bg-water-700 px-4 py-2 font-medium text-white hover:bg-water-600 disabled:opacity-60">
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
