'use client';

import { useTranslations } from 'next-intl';
import type { ScenarioDocument } from '@/components/scenario-editor/model';
import { callApi } from '@/components/api-client';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/input';
import { Problems } from '@/components/ui/problems';
import { useApiForm } from '@/components/ui/use-api-form';
import { lazySchema, useDomainForm } from '@/components/ui/use-domain-form';
import type { ScenarioComment } from '@/lib/contracts/scenarios';
import { TargetSelect } from './target-select';

// The form's schema comes when the form is first checked (components/ui/domain-resolver.ts).
const commentSchema = lazySchema(() => import('@/lib/domain/scenario-schemas').then((m) => m.ZComment));

/** A new comment on this version, about the scenario or one of its lines (comments-panel.tsx shows the thread). */
export function CommentForm({ dealId, versionId, document, onPosted }: { dealId: string; versionId: string; document: ScenarioDocument; onPosted: (comment: ScenarioComment) => void }) {
  const t = useTranslations('version');
  const { busy, failure, send } = useApiForm<ScenarioComment>();
  const { register, handleSubmit, formState, resetField } = useDomainForm(commentSchema, { defaultValues: { body: '', target: 'scenario' } });

  const post = ({ body, target }: { body: string; target?: string | null }) =>
    send(
      () => callApi<ScenarioComment>(`/api/v1/deals/${dealId}/versions/${versionId}/comments`, { json: { body, target: target === 'scenario' ? null : target } }),
      (comment) => {
        onPosted(comment);
        resetField('body');
      },
    );

  return (
    <form className="mt-4 grid gap-2 border-t border-slate-100 pt-3 text-sm" onSubmit={handleSubmit(post)} noValidate>
      <TargetSelect label={t('commentOn')} whole={t('wholeScenario')} document={document} testId="comment-target" error={formState.errors.target?.message} {...register('target')} />
      <Field label={t('comment')} error={formState.errors.body?.message}>
        <Textarea maxLength={4000} rows={3} testId="comment-body" {...register('body')} />
      </Field>
      <div>
        <Button type="submit" disabled={busy} testId="comment-post">
          {busy ? t('posting') : t('post')}
        </Button>
      </div>
      {failure && <Problems failure={failure} />}
    </form>
  );
}
