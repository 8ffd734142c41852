'use client';

import { useTranslations } from 'next-intl';
import type { ScenarioDocument } from '@/components/scenario-editor/model';
import { callApi } from '@/components/api-client';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/input';
import { Problems } from '@/components/ui/problems';
import { useApiForm } from '@/components/ui/use-api-form';
import { useDomainForm } from '@/components/ui/use-domain-form';
import type { ScenarioComment } from '@/lib/contracts/scenarios';
import { ZComment } from '@/lib/domain/scenario-schemas';
import { CommentEntry } from './comment-entry';
import { TargetSelect } from './target-select';

/**
 * The scenario's comment thread, every version's comments oldest first, each marked with the
 * version it was written on; a new comment is written on this version, about the scenario or one
 * of this version's lines. Every member of the deal sees them.
 */
export function CommentsPanel({
  dealId,
  versionId,
  document,
  comments,
  onPosted,
}: {
  dealId: string;
  versionId: string;
  document: ScenarioDocument;
  comments: readonly ScenarioComment[];
  onPosted: (comment: ScenarioComment) => void;
}) {
  const t = useTranslations('version');
  const { busy, failure, send } = useApiForm<ScenarioComment>();
  const { register, handleSubmit, formState, resetField } = useDomainForm(ZComment, { defaultValues: { body: '', target: 'scenario' } });

  const post = ({ body, target }: { body: string; target?: string | null }) =>
    send(
      () => callApi<ScenarioComment>(`/api/v1/deals/${dealId}/versions/${versionId}/comments`, { json: { body, target: target === 'scenario' ? null : target } }),
      (comment) => {
        onPosted(comment);
        resetField('body');
      },
    );

  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="comments-heading" data-testid="comments">
      <h2 id="comments-heading" className="text-lg font-semibold text-water-900">
        {t('comments')}
      </h2>
      <p className="mt-1 text-xs text-slate-500">{t('threadHint')}</p>
      {comments.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">{t('noComments')}</p>
      ) : (
        <ol className="mt-3 space-y-3 text-sm">
          {comments.map((comment) => (
            <CommentEntry key={comment.id} comment={comment} />
          ))}
        </ol>
      )}
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
    </section>
  );
}
