'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { ApiFailure } from '@/components/api-client';
import type { ScenarioDocument } from '@/components/scenario-editor/model';
import { Button, ButtonLink } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';
import { Problems } from '@/components/ui/problems';
import { formatDateTime } from '@/lib/domain/format';
import { ImportScenarioJson, ImportTable } from './version-imports';
import { versionMessageText } from './version-message-text';

export interface StaleBase {
  id: string;
  number: number;
  authorName: string;
  createdAt: string;
  message: string;
}

/**
 * The bar over a draft being edited: what changed (the version's message), save, the file imports,
 * and what happened to the last save (a newer version to rebase onto, a rebase done, a refusal).
 */
export function SaveBar({
  dealId,
  document,
  baseNumber,
  message,
  onMessage,
  saving,
  keepFailed,
  stale,
  rebased,
  failure,
  onSave,
  onRebase,
  onDiscard,
  onImported,
  onFailure,
}: {
  dealId: string;
  document: ScenarioDocument;
  baseNumber: number;
  message: string;
  onMessage: (message: string) => void;
  saving: boolean;
  keepFailed: boolean;
  stale: StaleBase | null;
  rebased: { number: number; conflicts: string[] } | null;
  failure: ApiFailure | null;
  onSave: () => void;
  onRebase: () => void;
  onDiscard: () => void;
  onImported: (document: unknown) => void;
  onFailure: (failure: ApiFailure | null) => void;
}) {
  const t = useTranslations('version');
  const lang = useLocale() === 'en' ? 'en' : 'zh';
  return (
    <div className="sticky top-0 z-40 space-y-2 rounded-lg border border-water-100 bg-white/95 p-3 shadow-sm backdrop-blur" data-testid="save-bar">
      <form
        className="flex flex-wrap items-center gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          onSave();
        }}
      >
        <label htmlFor="version-message" className="text-sm font-medium text-slate-700">
          {t('message')}
        </label>
        <Input id="version-message" value={message} onChange={(e) => onMessage(e.target.value)} maxLength={500} placeholder={t('messagePlaceholder')} className="min-w-64 flex-1 py-1.5" />
        <Button type="submit" size="lg" className="py-1.5" disabled={saving || !message.trim()} testId="save-version">
          {saving ? t('saving') : t('save', { number: baseNumber + 1 })}
        </Button>
        <ImportTable dealId={dealId} document={document} onImported={onImported} onFailure={onFailure} />
        <ImportScenarioJson onImported={onImported} onFailure={onFailure} />
        <Button intent="plain" className="px-2 py-1.5" onClick={onDiscard}>
          {t('discardEdits')}
        </Button>
      </form>
      <p className="text-xs text-slate-500">
        {keepFailed ? t('draftNotKept') : t('draftKept', { number: baseNumber })}
        {!message.trim() && ` ${t('messageNeeded')}`}
      </p>
      {stale && (
        <Notice tone="error" className="space-y-2" testId="conflict">
          <p>{t('conflict', { author: stale.authorName, number: stale.number, message: versionMessageText(stale.message, (values) => t('forkedFromMessage', values)), time: formatDateTime(stale.createdAt, lang) })}</p>
          <div className="flex flex-wrap gap-3">
            <Button intent="danger" size="sm" onClick={onRebase} disabled={saving} testId="rebase">
              {t('rebase', { number: stale.number })}
            </Button>
            <ButtonLink intent="inline" href={`/deals/${dealId}/versions/${stale.id}`} target="_blank" rel="noreferrer">
              {t('openNewer', { number: stale.number })}
            </ButtonLink>
          </div>
        </Notice>
      )}
      {rebased && (
        <Notice tone="info" testId="rebased">
          {rebased.conflicts.length === 0 ? t('rebasedClean', { number: rebased.number }) : t('rebasedConflicts', { number: rebased.number, places: rebased.conflicts.join('; ') })}
        </Notice>
      )}
      {failure && <Problems failure={failure} testId="failure" />}
    </div>
  );
}
