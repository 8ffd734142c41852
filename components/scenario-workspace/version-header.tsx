'use client';

import { useLocale, useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button, ButtonLink } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { formatDateTime } from '@/lib/domain/format';
import { CompareForm } from './compare-form';
import type { Draft } from './use-draft';
import type { VersionWorkspaceProps } from './version-workspace';
import { VersionMessageText } from './version-message-text';
import { formatNames } from '@/lib/domain/format-names';

// The fork form is fetched when the reader asks to fork.
const ForkForm = dynamic(() => import('./fork-form').then((m) => m.ForkForm));

/** Which version this is, who saved it, and what a reader may do with it (edit, fork, compare, export). */
export function VersionHeader({
  dealId,
  version,
  latest,
  comparable,
  canEdit,
  canFork,
  editing,
  draftElsewhere,
  onEdit,
  onRestore,
  onResumeDraft,
  onDiscardDraft,
}: Omit<VersionWorkspaceProps, 'version'> & {
  version: Pick<VersionWorkspaceProps['version'], 'id' | 'number' | 'message' | 'author' | 'createdAt' | 'documentHash' | 'scenario'>;
  editing: boolean;
  draftElsewhere: Draft | null;
  onEdit: () => void;
  onRestore: () => void;
  onResumeDraft: () => void;
  onDiscardDraft: () => void;
}) {
  const t = useTranslations('version');
  const tSide = useTranslations('side');
  const lang = useLocale() === 'en' ? 'en' : 'zh';
  const [forking, setForking] = useState(false);
  const isLatest = latest?.id === version.id;
  const exportUrl = `/api/v1/deals/${dealId}/versions/${version.id}`;
  return (
    <header className="space-y-3">
      <div className="flex flex-wrap items-baseline gap-3">
        <Badge tone="side">{tSide(version.scenario.side)}</Badge>
        <h1 className="text-2xl font-semibold text-water-900" data-testid="version-title">
          {version.scenario.name} · v{version.number}
        </h1>
        {!isLatest && latest && (
          <Link href={`/deals/${dealId}/versions/${latest.id}`} className="text-sm text-amber-800 underline" data-testid="newer-version">
            {t('newerExists', { number: latest.number })}
          </Link>
        )}
      </div>
      <p className="text-sm text-slate-600">
        {t('savedBy', { author: version.author, time: formatDateTime(new Date(version.createdAt), lang) })} · “<VersionMessageText message={version.message} />” ·{' '}
        <span className="font-mono text-xs" title={version.documentHash}>
          {t('hash')} {version.documentHash.slice(0, 12)}…
        </span>
      </p>
      {!editing && (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          {canEdit && isLatest && (
            <Button onClick={onEdit} testId="edit-version">
              {t('edit')}
            </Button>
          )}
          {canEdit && !isLatest && latest && (
            <Button onClick={onRestore} testId="restore-version" title={t('restoreHint', { number: version.number, latest: latest.number })}>
              {t('restore', { number: version.number, next: latest.number + 1 })}
            </Button>
          )}
          {canFork && !forking && (
            <Button intent="secondary" onClick={() => setForking(true)} testId={canEdit ? 'duplicate-version' : 'fork-version'}>
              {t(canEdit ? 'duplicate' : 'fork')}
            </Button>
          )}
          {/* canEdit: the version is the reader's own side's, so a copy of it is a duplicate, not a counter-proposal. */}
          {forking && <ForkForm dealId={dealId} versionId={version.id} scenarioName={version.scenario.name} duplicate={canEdit} onCancel={() => setForking(false)} />}
          <CompareForm dealId={dealId} versionId={version.id} comparable={comparable} />
          <span className="ml-auto space-x-3">
            <ButtonLink intent="link" href={exportUrl} download={`v${version.number}.json`}>
              {t('exportJson', formatNames)}
            </ButtonLink>
            <ButtonLink intent="link" href={`${exportUrl}?format=result`} download={`v${version.number}-result.json`}>
              {t('exportResult', formatNames)}
            </ButtonLink>
            <ButtonLink intent="link" href={`${exportUrl}?format=xlsx`}>
              xlsx
            </ButtonLink>
            <ButtonLink intent="link" href={`${exportUrl}?format=csv`}>
              CSV
            </ButtonLink>
          </span>
        </div>
      )}
      {draftElsewhere && canEdit && (
        <Notice tone="warning" role="status" className="flex flex-wrap items-center gap-3" testId="draft-banner">
          <span>{t('draftFound', { number: draftElsewhere.baseNumber, time: formatDateTime(new Date(draftElsewhere.keptAt), lang) })}</span>
          <Button intent="warning" size="sm" onClick={onResumeDraft} testId="resume-draft">
            {t('resumeDraft')}
          </Button>
          <Button intent="inline" onClick={onDiscardDraft}>
            {t('discardDraft')}
          </Button>
        </Notice>
      )}
    </header>
  );
}
