'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ScenarioDocument } from '@/components/scenario-editor/model';
import { formatDateTime } from '@/lib/domain/format';
import { callApi } from '@/components/api-client';
import { useApiForm } from '@/components/ui/use-api-form';
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
  const [target, setTarget] = useState('scenario');
  const [body, setBody] = useState('');
  const { busy, failure, onSubmit } = useApiForm<CommentDto>();
  const whole = t('wholeVersion');

  const post = () => callApi<CommentDto>(`/api/v1/deals/${dealId}/versions/${versionId}/comments`, { json: { body, target: target === 'scenario' ? null : target } });
  const posted = (comment: CommentDto) => {
    setComments([...comments, comment]);
    setBody('');
  };

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
                {c.author} · {tSide(c.side)} · {formatDateTime(new Date(c.createdAt), lang)} · <span className="rounded bg-white px-1">{targetLabel(document, c.target, whole)}</span>
              </p>
              <p className="mt-1 whitespace-pre-wrap">{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form
        className="mt-4 grid gap-2 border-t border-slate-100 pt-3 text-sm"
        onSubmit={onSubmit(post, posted)}
      >
        <TargetSelect label={t('commentOn')} whole={whole} document={document} value={target} onChange={setTarget} testId="comment-target" />
        <label className="grid gap-1">
          <span className="text-slate-700">{t('comment')}</span>
          <textarea value={body} onChange={(e) => setBody(e.target.value)} maxLength={4000} rows={3} className="rounded-md border border-slate-300 px-2 py-1" data-testid="comment-body" />
        </label>
        <div>
          <button type="submit" disabled={busy || !body.trim()} className="rounded-md bg-water-700 px-3 py-1.5 text-white disabled:opacity-50" data-testid="comment-post">
            {busy ? t('posting') : t('post')}
          </button>
        </div>
        {failure && (
          <p role="alert" className="text-red-800">
            {failure.status === 0 ? t('network') : failure.message}
          </p>
        )}
      </form>
    </section>
  );
}
