'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { formatDateTime } from '@/lib/domain/format';
import type { ScenarioComment } from '@/lib/contracts/scenarios';

/** "C_f · Forest construction", or the whole scenario. */
export function commentAbout(comment: ScenarioComment, wholeScenario: string): string {
  if (!comment.item) return wholeScenario;
  return `${comment.item.code ? `${comment.item.code} · ` : ''}${comment.item.label}`;
}

/**
 * One comment of the thread: who, when, on which version, about what, and what they wrote. `about`
 * is left out where the comment is shown next to its line.
 */
export function CommentEntry({ comment, showAbout = true }: { comment: ScenarioComment; showAbout?: boolean }) {
  const t = useTranslations('version');
  const tSide = useTranslations('side');
  const lang = useLocale() === 'en' ? 'en' : 'zh';
  return (
    <li id={`comment-${comment.id}`} className="rounded-md border border-slate-100 bg-slate-50 px-3 py-2" data-testid="comment" data-version={comment.versionNumber}>
      <p className="flex flex-wrap items-center gap-1 text-xs text-slate-500">
        <span>
          {comment.author} · {tSide(comment.side)} · {formatDateTime(new Date(comment.createdAt), lang)}
        </span>
        <Badge tone="info" testId="comment-version">
          {t('writtenOn', { number: comment.versionNumber })}
        </Badge>
        {showAbout && <Badge tone="outline">{commentAbout(comment, t('wholeScenario'))}</Badge>}
        {showAbout && comment.item && !comment.here && <span className="text-slate-400">({t('notOnThisVersion')})</span>}
      </p>
      <p className="mt-1 whitespace-pre-wrap text-sm">{comment.body}</p>
    </li>
  );
}
