'use client';

import dynamic from 'next/dynamic';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useState, useTransition } from 'react';
import { ScenarioEditor } from '@/components/scenario-editor/scenario-editor';
import { CellDrafts, toScenarioDocument, type CalculatorInputs, type ScenarioDocument } from '@/components/scenario-editor/model';
import { rebaseDocument } from '@/lib/domain/rebase';
import { restoredMessage } from '@/lib/domain/version-message';
import { callApi, type ApiFailure } from '@/components/api-client';
import type { ComparableVersion, ScenarioComment } from '@/lib/contracts/scenarios';
import type { ParseOutcome } from '@/lib/engine/schema';
import { CommentsPanel } from './comments-panel';
import { EvidencePanel } from './evidence-panel';
import { CommentThreadContext } from './item-comments';
import { useDraft, type EvidenceDraft } from './use-draft';
import { Problems } from '@/components/ui/problems';
import type { StaleBase } from './save-bar';
import { VersionHeader } from './version-header';

// What only editing shows (the save bar with its message form and imports) and the question about
// a stored draft are fetched when they are first shown, not with the version (docs/decisions/0099-page-weight-under-200-kb.md).
const SaveBar = dynamic(() => import('./save-bar').then((m) => m.SaveBar));
const DraftDialog = dynamic(() => import('./draft-dialog').then((m) => m.DraftDialog));

export interface VersionWorkspaceProps {
  dealId: string;
  version: {
    id: string;
    number: number;
    message: string;
    author: string;
    createdAt: string;
    documentHash: string;
    document: unknown;
    /** `document` (as the editor reads it, toScenarioDocument) parsed on the server. */
    outcome: ParseOutcome;
    calculatorInputs: CalculatorInputs;
    scenario: { id: string; name: string; side: string };
    evidence: EvidenceDraft[];
    comments: ScenarioComment[];
  };
  latest: { id: string; number: number } | null;
  comparable: ComparableVersion[];
  canEdit: boolean;
  canFork: boolean;
}

/** `restoring`: the edits start from this (earlier) version and are saved onto the latest as a restore of it. */
type Mode = { kind: 'view' } | { kind: 'edit'; baseVersionId: string; baseNumber: number; baseDocument: Record<string, unknown>; restoring: number | null };

/**
 * One saved version: read it, or (on the owner's side) edit it into the next version. Edits are
 * kept in this browser as they are made; a save from an out-of-date base gets a conflict naming
 * the newer version, and the member can rebase the edits onto it.
 */
export function VersionWorkspace({ dealId, version, latest, comparable, canEdit, canFork }: VersionWorkspaceProps) {
  const router = useRouter();
  const saved = useMemo(() => toScenarioDocument(version.document), [version.document]);
  const parsed = useMemo(() => ({ document: saved, outcome: version.outcome }), [saved, version.outcome]);
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [document, setDocument] = useState<ScenarioDocument>(saved);
  const [calculatorInputs, setCalculatorInputs] = useState<CalculatorInputs>(version.calculatorInputs);
  const [evidence, setEvidence] = useState<EvidenceDraft[]>(version.evidence);
  const [message, setMessage] = useState('');
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [stale, setStale] = useState<StaleBase | null>(null);
  const [rebased, setRebased] = useState<{ number: number; conflicts: string[] } | null>(null);
  const [comments, setComments] = useState<ScenarioComment[]>(version.comments);
  const [saving, startSaving] = useTransition();
  const [drafts] = useState(() => new CellDrafts());
  // Edit or restore asked for while a draft is stored: the member resumes or discards it first.
  const [asking, setAsking] = useState<'edit' | 'restore' | null>(null);
  const { stored, keep, discard, keepFailed } = useDraft(dealId, version.scenario.id);
  const isLatest = latest?.id === version.id;
  const editing = mode.kind === 'edit';

  // Every edit is kept in this browser: a reload, a crash or a conflict does not lose it.
  useEffect(() => {
    if (mode.kind !== 'edit') return;
    if (document === saved && !message && evidence === version.evidence) return;
    keep({ baseVersionId: mode.baseVersionId, baseNumber: mode.baseNumber, document, calculatorInputs, evidence, message, restoring: mode.restoring });
  }, [mode, document, calculatorInputs, evidence, message, keep, saved, version.evidence]);

  const startEditing = () => {
    setMode({ kind: 'edit', baseVersionId: version.id, baseNumber: version.number, baseDocument: saved as unknown as Record<string, unknown>, restoring: null });
  };

  // This earlier version, as edits onto the latest one: saved, it becomes the next version.
  const startRestoring = async () => {
    if (!latest) return;
    const base = await callApi<Record<string, unknown>>(`/api/v1/deals/${dealId}/versions/${latest.id}`);
    if (!base.ok) return setFailure(base);
    setDocument(saved);
    setCalculatorInputs(version.calculatorInputs);
    setEvidence(version.evidence);
    setMessage('');
    setMode({ kind: 'edit', baseVersionId: latest.id, baseNumber: latest.number, baseDocument: toScenarioDocument(base.data) as unknown as Record<string, unknown>, restoring: version.number });
  };

  /** Edit and restore never overwrite a stored draft: with one, the member is asked first. */
  const begin = (what: 'edit' | 'restore') => {
    if (stored) return setAsking(what);
    if (what === 'edit') startEditing();
    else void startRestoring();
  };

  const resumeDraft = async () => {
    if (!stored) return;
    let baseDocument: Record<string, unknown> = saved as unknown as Record<string, unknown>;
    if (stored.baseVersionId !== version.id) {
      const base = await callApi<Record<string, unknown>>(`/api/v1/deals/${dealId}/versions/${stored.baseVersionId}`);
      if (!base.ok) return setFailure(base);
      baseDocument = toScenarioDocument(base.data) as unknown as Record<string, unknown>;
    }
    setDocument(stored.document);
    setCalculatorInputs(stored.calculatorInputs ?? {});
    setEvidence(stored.evidence ?? []);
    setMessage(stored.message ?? '');
    setMode({ kind: 'edit', baseVersionId: stored.baseVersionId, baseNumber: stored.baseNumber, baseDocument, restoring: stored.restoring ?? null });
  };

  const stopEditing = () => {
    discard();
    drafts.clearAll();
    setMode({ kind: 'view' });
    setDocument(saved);
    setCalculatorInputs(version.calculatorInputs);
    setEvidence(version.evidence);
    setMessage('');
    setFailure(null);
    setStale(null);
    setRebased(null);
  };

  const save = () =>
    startSaving(async () => {
      if (mode.kind !== 'edit') return;
      setFailure(null);
      const outcome = await callApi<{ versionId: string; number: number }>(`/api/v1/deals/${dealId}/scenarios/${version.scenario.id}/versions`, {
        json: { document, message: mode.restoring === null ? message : restoredMessage(mode.restoring, message), baseVersionId: mode.baseVersionId, evidence, calculatorInputs },
      });
      if (outcome.ok) {
        discard();
        router.push(`/deals/${dealId}/versions/${outcome.data.versionId}?saved=1`);
        return;
      }
      const details = outcome.details as { latest?: StaleBase } | undefined;
      if (outcome.status === 409 && details?.latest) setStale(details.latest);
      else setFailure(outcome);
    });

  const rebase = () =>
    startSaving(async () => {
      if (mode.kind !== 'edit' || !stale) return;
      const theirs = await callApi<Record<string, unknown>>(`/api/v1/deals/${dealId}/versions/${stale.id}`);
      if (!theirs.ok) return setFailure(theirs);
      const theirDocument = toScenarioDocument(theirs.data) as unknown as Record<string, unknown>;
      const outcome = rebaseDocument(mode.baseDocument, document as unknown as Record<string, unknown>, theirDocument);
      setDocument(outcome.document as unknown as ScenarioDocument);
      setMode({ kind: 'edit', baseVersionId: stale.id, baseNumber: stale.number, baseDocument: theirDocument, restoring: mode.restoring });
      setRebased({ number: stale.number, conflicts: outcome.conflicts });
      setStale(null);
    });

  const draftElsewhere = stored && !editing && (stored.baseVersionId !== version.id || isLatest);

  return (
    <div className="space-y-6">
      <VersionHeader
        dealId={dealId}
        version={version}
        latest={latest}
        comparable={comparable}
        canEdit={canEdit}
        canFork={canFork}
        editing={editing}
        draftElsewhere={draftElsewhere ? stored : null}
        onEdit={() => begin('edit')}
        onRestore={() => begin('restore')}
        onResumeDraft={() => void resumeDraft()}
        onDiscardDraft={discard}
      />
      {asking && stored && (
        <DraftDialog
          draft={stored}
          instead={asking === 'edit' ? { kind: 'edit', number: version.number } : { kind: 'restore', number: version.number }}
          onResume={() => {
            setAsking(null);
            void resumeDraft();
          }}
          onDiscard={() => {
            const what = asking;
            setAsking(null);
            discard();
            if (what === 'edit') startEditing();
            else void startRestoring();
          }}
          onCancel={() => setAsking(null)}
        />
      )}

      {editing && (
        <SaveBar
          dealId={dealId}
          document={document}
          drafts={drafts}
          restoring={mode.kind === 'edit' ? mode.restoring : null}
          baseNumber={mode.kind === 'edit' ? mode.baseNumber : version.number}
          message={message}
          onMessage={setMessage}
          saving={saving}
          keepFailed={keepFailed}
          stale={stale}
          rebased={rebased}
          failure={failure}
          onSave={save}
          onRebase={rebase}
          onDiscard={stopEditing}
          onImported={(next) => {
            drafts.clearAll();
            setDocument(toScenarioDocument(next));
          }}
          onFailure={setFailure}
        />
      )}
      {!editing && failure && <Problems failure={failure} testId="failure" />}

      {/* The thread's comments about a line are shown next to it while the saved version is read (item-comments.tsx). */}
      <CommentThreadContext.Provider value={editing ? [] : comments}>
        <div className="relative ml-[calc(50%-50vw+0.75rem)] w-[calc(100vw-1.5rem)] max-w-none px-2">
          <ScenarioEditor
            document={document}
            onChange={setDocument}
            readOnly={!editing}
            drafts={drafts}
            calculatorInputs={calculatorInputs}
            onCalculatorInputsChange={setCalculatorInputs}
            parsed={parsed}
          />
        </div>
      </CommentThreadContext.Provider>

      <div className="grid gap-6 lg:grid-cols-2">
        <EvidencePanel dealId={dealId} document={document} evidence={evidence} editing={editing} onChange={setEvidence} />
        <CommentsPanel dealId={dealId} versionId={version.id} document={saved} comments={comments} onPosted={(comment) => setComments((thread) => [...thread, comment])} />
      </div>
    </div>
  );
}
