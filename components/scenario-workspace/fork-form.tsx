'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { callApi } from '@/components/api-client';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Problems } from '@/components/ui/problems';
import { useApiForm } from '@/components/ui/use-api-form';
import { lazySchema, useDomainForm } from '@/components/ui/use-domain-form';

// The form's schema comes when the form is first checked (components/ui/domain-resolver.ts).
const forkSchema = lazySchema(() => import('@/lib/domain/scenario-schemas').then((m) => m.ZFork));

/**
 * A new scenario of the member's side starting from this version, under a name of its own: a
 * duplicate of the member's own side's version to work on, or a counter-proposal to the other side's.
 */
export function ForkForm({ dealId, versionId, scenarioName, duplicate, onCancel }: { dealId: string; versionId: string; scenarioName: string; duplicate: boolean; onCancel: () => void }) {
  const t = useTranslations('version');
  const router = useRouter();
  const { busy, failure, send } = useApiForm<{ versionId: string }>();
  const { register, handleSubmit, formState } = useDomainForm(forkSchema, { defaultValues: { name: t(duplicate ? 'duplicateDefaultName' : 'forkDefaultName', { name: scenarioName }) } });
  const fork = ({ name }: { name: string }) =>
    send(
      () => callApi<{ versionId: string }>(`/api/v1/deals/${dealId}/versions/${versionId}/fork`, { json: { name } }),
      (data) => router.push(`/deals/${dealId}/versions/${data.versionId}`),
    );
  return (
    <form className="flex flex-wrap items-start gap-2" onSubmit={handleSubmit(fork)} noValidate data-testid={duplicate ? 'duplicate-form' : 'fork-form'}>
      <Field id="fork-name" label={t('forkName')} error={formState.errors.name?.message}>
        <Input className="w-72" {...register('name')} />
      </Field>
      <Button type="submit" disabled={busy} testId="fork-confirm">
        {t(duplicate ? 'duplicateConfirm' : 'forkConfirm')}
      </Button>
      <Button intent="plain" onClick={onCancel}>
        {t('cancel')}
      </Button>
      {failure && <Problems failure={failure} className="w-full" />}
    </form>
  );
}
