'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';
import { lazySchema, useDomainForm } from '@/components/ui/use-domain-form';
import type { SignInInput } from '@/lib/domain/auth-schemas';
import { safeDestination } from '@/lib/domain/safe-destination';

// The form's schema comes when the form is first checked (components/ui/domain-resolver.ts).
const signInSchema = lazySchema(() => import('@/lib/domain/auth-schemas').then((m) => m.ZSignIn));

type Problem = { key: 'invalid' | 'unavailable' } | { key: 'rateLimited'; seconds: number };

function problemFrom(error: string): Problem {
  const limited = /^rate_limited:(\d+)$/.exec(error);
  if (limited) return { key: 'rateLimited', seconds: Number(limited[1]) };
  return { key: error === 'invalid' || error === 'CredentialsSignin' ? 'invalid' : 'unavailable' };
}

/** `settleLocaleAfterSignIn`: the server action of app/actions/locale.ts, passed in by the page so that components stay below app/. */
export function LoginForm({ callbackUrl, settleLocaleAfterSignIn }: { callbackUrl?: string; settleLocaleAfterSignIn: () => Promise<void> }) {
  const t = useTranslations('login');
  const router = useRouter();
  const [problem, setProblem] = useState<Problem | null>(null);
  const { register, handleSubmit, formState } = useDomainForm(signInSchema, { defaultValues: { email: '', password: '' } });
  const { errors, isSubmitting } = formState;

  const submit = async ({ email, password }: SignInInput) => {
    setProblem(null);
    try {
      // next-auth's client is fetched when the form is sent, not with the page (docs/decisions/0099-page-weight-under-200-kb.md).
      const { signIn } = await import('next-auth/react');
      const result = await signIn('credentials', { email, password, redirect: false });
      if (!result || result.error) {
        setProblem(problemFrom(result?.error ?? 'unavailable'));
        return;
      }
      await settleLocaleAfterSignIn();
      router.replace(safeDestination(callbackUrl));
      router.refresh();
    } catch {
      setProblem({ key: 'unavailable' });
    }
  };

  return (
    <form onSubmit={handleSubmit(submit)} className="space-y-4" noValidate>
      <Field id="email" label={t('email')} error={errors.email?.message}>
        <Input type="email" autoComplete="username" size="lg" className="w-full" {...register('email')} />
      </Field>
      <Field id="password" label={t('password')} error={errors.password?.message}>
        <Input type="password" autoComplete="current-password" size="lg" className="w-full" {...register('password')} />
      </Field>
      {problem && (
        <Notice tone="error" testId="login-error">
          {problem.key === 'rateLimited' ? t('rateLimited', { seconds: problem.seconds }) : t(problem.key)}
        </Notice>
      )}
      <Button type="submit" size="block" disabled={isSubmitting}>
        {isSubmitting ? t('submitting') : t('submit')}
      </Button>
    </form>
  );
}
