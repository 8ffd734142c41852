'use client';

import { useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import type { ScenarioDocument } from '@/components/scenario-editor/model';
import { WhenShown } from '@/components/ui/when-shown';
import type { ScenarioComment } from '@/lib/contracts/scenarios';
import { CommentEntry } from './comment-entry';

const CommentForm = dynamic(() => import('./comment-form').then((m) => m.CommentForm));

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
      {/* The form (react-hook-form and its schema) mounts when the reader comes near it: the thread sits below the editor. */}
      <WhenShown minHeight="11rem">
        <CommentForm dealId={dealId} versionId={versionId} document={document} onPosted={onPosted} />
      </WhenShown>
    </section>
  );
}
