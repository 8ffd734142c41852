'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useSyncExternalStore } from 'react';
import type { ApiFailure } from '@/components/api-client';
import type { CellDrafts, ScenarioDocument } from '@/components/scenario-editor/model';
import { Button, ButtonLink } from '@/components/ui/button';
import { FieldProblem } from '@/components/ui/field-problem';
import { Input } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';
import { Problems } from '@/components/ui/problems';
import { lazySchema, useDomainForm } from '@/components/ui/use-domain-form';
import { useProblemText } from '@/components/ui/use-problem-text';
import { formatDateTime } from '@/lib/domain/format';
import { scenarioFields } from '@/lib/domain/problem-place';

import { ImportScenarioJson, ImportTable } from './version-imports';
import { useVersionMessageText } from './version-message-text';

// The form's schema comes when the form is first checked (components/ui/domain-resolver.ts).
const versionMessageSchema = lazySchema(() => import('@/lib/domain/scenario-schemas').then((m) => m.ZVersionMessage));

export interface StaleBase {
  id: string;
  number: number;
  authorName: string;
  createdAt: string;
  message: string;
}

/** Moves the focus to the cell at `path`, if it is on screen (a year's cell is not in the period view). */
function focusCell(path: string) {
  const cell = window.document.querySelector<HTMLInputElement>(`[data-cell-path="${CSS.escape(path)}"]`);
  cell?.focus();
  cell?.scrollIntoView({ block: 'center', inline: 'center' });
}

/**
 * The bar over a draft being edited: what changed (the version's message), save, the file imports,
 * and what happened to the last save (a newer version to rebase onto, a rebase done, a refusal).
 * Save stays disabled while a cell holds text that is not in the document, and the bar lists
 * where each such cell is: what is saved is only ever what the user typed.
 */
export function SaveBar({
  dealId,
  document,
  drafts,
  restoring,
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
  drafts: CellDrafts;
  /** The number of the earlier version being restored as the next one, if that is what this draft is. */
  restoring: number | null;
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
  const tEditor = useTranslations('editor');
  const lang = useLocale() === 'en' ? 'en' : 'zh';
  const say = useProblemText();
  const messageText = useVersionMessageText();
  const flagged = useSyncExternalStore(drafts.subscribe, drafts.list, drafts.list);
  const form = useDomainForm(versionMessageSchema, { defaultValues: { message } });
  const blocked = flagged.length > 0;
  return (
    <div className="sticky top-0 z-40 space-y-2 rounded-lg border border-water-100 bg-white/95 p-3 shadow-sm backdrop-blur" data-testid="save-bar">
      <form
        className="flex flex-wrap items-center gap-2"
        onSubmit={(event) => {
          if (blocked) {
            event.preventDefault();
            return;
          }
          void form.handleSubmit(() => onSave())(event);
        }}
      >
        {restoring !== null && (
          <Notice tone="brand" size="sm" className="font-medium" testId="restoring">
            {t('restoring', { number: restoring })}
          </Notice>
        )}
        <label htmlFor="version-message" className="text-sm font-medium text-slate-700">
          {restoring !== null ? t('restoreNote') : t('message')}
        </label>
        <Input
          id="version-message"
          {...form.register('message', { onChange: (e: { target: { value: string } }) => onMessage(e.target.value) })}
          maxLength={500}
          aria-invalid={form.formState.errors.message ? true : undefined}
          placeholder={restoring !== null ? t('restoreNotePlaceholder', { number: restoring }) : t('messagePlaceholder')}
          size="beside"
          className="min-w-64 flex-1"
        />
        <Button type="submit" disabled={saving || blocked || !message.trim()} testId="save-version">
          {saving ? t('saving') : t('save', { number: baseNumber + 1 })}
        </Button>
        <ImportTable dealId={dealId} document={document} onImported={onImported} onFailure={onFailure} />
        <ImportScenarioJson onImported={onImported} onFailure={onFailure} />
        <Button intent="plain" onClick={onDiscard}>
          {t('discardEdits')}
        </Button>
      </form>
      {form.formState.errors.message?.message && (
        <p className="text-xs text-red-700" data-field-error>
          {form.formState.errors.message.message}
        </p>
      )}
      <p className="text-xs text-slate-500">
        {keepFailed ? t('draftNotKept') : t('draftKept', { number: baseNumber })}
        {!message.trim() && ` ${t('messageNeeded')}`}
      </p>
      {blocked && (
        <Notice tone="error" testId="invalid-cells">
          <p className="font-medium">{t('invalidCells', { count: flagged.length })}</p>
          <ul className="mt-1 max-h-40 space-y-0.5 overflow-y-auto text-sm">
            {flagged.map((draft) => (
              <li key={draft.path} data-testid="invalid-cell">
                <Button intent="inline" className="text-left" onClick={() => focusCell(draft.path)}>
                  <FieldProblem field={say.place(draft.path, document, scenarioFields)} message={tEditor(`problems.${draft.problem}`)} fieldClassName="font-medium" />
                </Button>{' '}
                <span className="text-slate-600">{t('invalidCellText', { text: draft.text })}</span>
              </li>
            ))}
          </ul>
        </Notice>
      )}
      {stale && (
        <Notice tone="error" className="space-y-2" testId="conflict">
          <p>{t('conflict', { author: stale.authorName, number: stale.number, message: messageText(stale.message), time: formatDateTime(stale.createdAt, lang) })}</p>
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
