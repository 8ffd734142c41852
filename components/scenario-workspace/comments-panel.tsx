'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ScenarioDocument } from '@/components/scenario-editor/model';
import { formatDateTime } from '@/lib/domain/format';
import { callApi } from '@/components/api-client';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/input';
import { Problems } from '@/components/ui/problems';
import { useApiForm } from '@/components/ui/use-api-form';
import { useDomainForm } from '@/components/ui/use-domain-form';
import { ZComment } from '@/lib/domain/scenario-schemas';
import { TargetSelect } from './target-select';
import { targetLabel } from './targets';

export interface CommentDto {
  id: string;
  target: string | null;
  body: string;
  author: string;
  side: string;
  createdAt: string;
}

/** Comments on a saved version or one of its line items; every member of the deal sees them. */
export function CommentsPanel({ dealId, versionId, document, initial }: { dealId: string; versionId: string; document: ScenarioDocument; initial: CommentDto[] }) {
  const t = useTranslations('version');
  const tSide = useTranslations('side');
  const lang = useLocale() === 'en' ? 'en' : 'zh';
  const [comments, setComments] = useState(initial);
  const { busy, failure, send } = useApiForm<CommentDto>();
  const { register, handleSubmit, formState, resetField } = useDomainForm(ZComment, { defaultValues: { body: '', target: 'scenario' } });
  const whole = t('wholeVersion');

  const post = ({ body, target }: { body: string; target?: string | null }) =>
    send(
      () => callApi<CommentDto>(`/api/v1/deals/${dealId}/versions/${versionId}/comments`, { json: { body, target: target === 'scenario' ? null : target } }),
      (comment) => {
        setComments([...comments, comment]);
        resetField('body');
      },
    );

  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="comments-heading" data-testid="comments">
      <h2 id="comments-heading" className="text-lg font-semibold text-water-900">
        {t('comments')}
      </h2>
      {comments.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">{t('noComments')}</p>
      ) : (
        <ol className="mt-3 space-y-3 text-sm">
          {comments.map((c) => (
            <li key={c.id} className="rounded-md border border-slate-100 bg-slate-50 px-3 py-2" data-testid="comment">
              <p className="text-xs text-slate-500">
                {c.author} · {tSide(c.side)} · {formatDateTime(new Date(c.createdAt), lang)} · <Badge tone="outline">{targetLabel(document, c.target, whole)}</Badge>
              </p>
              <p className="mt-1 whitespace-pre-wrap">{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form className="mt-4 grid gap-2 border-t border-slate-100 pt-3 text-sm" onSubmit={handleSubmit(post)} noValidate>
        <TargetSelect label={t('commentOn')} whole={whole} document={document} testId="comment-target" {...register('target')} />
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
