'use client';

import { useTranslations } from 'next-intl';
import { createContext, useContext } from 'react';
import { Badge } from '@/components/ui/badge';
import type { ScenarioComment } from '@/lib/contracts/scenarios';
import { CommentEntry, commentAbout } from './comment-entry';

/** The scenario's thread, for the lines of the version shown (VersionWorkspace provides it). */
export const CommentThreadContext = createContext<readonly ScenarioComment[]>([]);

/**
 * The comments about one line of the version shown, next to that line: those written about it on
 * this version and those written about the same line on another (lib/domain/comment-anchor.ts).
 * Nothing when there are none, or outside a version page.
 */
export function ItemComments({ list, index }: { list: string; index: number }) {
  const target = `${list}[${index}]`;
  const comments = useContext(CommentThreadContext).filter((c) => c.here === target);
  // Outside a version page there is no thread, and no messages of the version page either.
  return comments.length === 0 ? null : <LineComments target={target} comments={comments} />;
}

function LineComments({ target, comments }: { target: string; comments: readonly ScenarioComment[] }) {
  const t = useTranslations('version');
  return (
    <details className="relative shrink-0 text-xs" data-testid={`item-comments-${target}`}>
      <summary className="cursor-pointer list-none whitespace-nowrap">
        <Badge tone="info">{t('itemComments', { count: comments.length })}</Badge>
      </summary>
      {/* Over the table, so the line keeps its place and width while its comments are open. */}
      <section
        className="absolute top-full left-0 z-20 mt-1 w-80 rounded-md border border-slate-200 bg-white p-2 shadow-lg"
        aria-label={t('itemCommentsTitle', { label: commentAbout(comments[comments.length - 1]!, '') })}
      >
        <ol className="space-y-2">
          {comments.map((comment) => (
            <CommentEntry key={comment.id} comment={comment} showAbout={false} />
          ))}
        </ol>
      </section>
    </details>
  );
}
