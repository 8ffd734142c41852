'use client';

import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useState, useTransition } from 'react';
import { ScenarioEditor } from '@/components/scenario-editor/scenario-editor';
import { toScenarioDocument, type CalculatorInputs, type ScenarioDocument } from '@/components/scenario-editor/model';
import { formatDateTime } from '@/lib/domain/format';
import { parseScenarioText } from '@/lib/engine/schema';
import { rebaseDocument } from '@/lib/domain/rebase';
import { callApi, type ApiFailure } from '@/components/api-client';
import { CommentsPanel, type CommentDto } from './comments-panel';
import { EvidencePanel } from './evidence-panel';
import { useDraft, type EvidenceDraft } from './use-draft';
import { documentOf, useProblemText } from '@/components/ui/use-problem-text';
import { scenarioFields } from '@/lib/domain/problem-place';
import { FieldProblem } from '@/components/ui/field-problem';
import { VersionMessageText, versionMessageText } from './version-message-text';

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
    calculatorInputs: CalculatorInputs;
    scenario: { id: string; name: string; side: string };
    evidence: EvidenceDraft[];
    comments: CommentDto[];
  };
  latest: { id: string; number: number } | null;
  comparable: { id: string; label: string }[];
  canEdit: boolean;
  canFork: boolean;
}

interface StaleBase {
  id: string;
  number: number;
  authorName: string;
  createdAt: string;
  message: string;
}

type Mode = { kind: 'view' } | { kind: 'edit'; baseVersionId: string; baseNumber: number; baseDocument: Record<string, unknown> };

/**
 * One saved version: read it, or (on the owner's side) edit it into the next version. Edits are
 * kept in this browser as they are made; a save from an out-of-date base gets a conflict naming
 * the newer version, and the member can rebase the edits onto it.
 */
export function VersionWorkspace({ dealId, version, latest, comparable, canEdit, canFork }: VersionWorkspaceProps) {
  const t = useTranslations('version');
  const tSide = useTranslations('side');
  const lang = useLocale() === 'en' ? 'en' : 'zh';
  const router = useRouter();
  const saved = useMemo(() => toScenarioDocument(version.document), [version.document]);
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [document, setDocument] = useState<ScenarioDocument>(saved);
  const [calculatorInputs, setCalculatorInputs] = useState<CalculatorInputs>(version.calculatorInputs);
  const [evidence, setEvidence] = useState<EvidenceDraft[]>(version.evidence);
  const [message, setMessage] = useState('');
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [stale, setStale] = useState<StaleBase | null>(null);
  const [rebased, setRebased] = useState<{ number: number; conflicts: string[] } | null>(null);
  const [saving, startSaving] = useTransition();
  const [forkName, setForkName] = useState<string | null>(null);
  const { stored, keep, discard, keepFailed } = useDraft(dealId, version.scenario.id);
  const isLatest = latest?.id === version.id;
  const editing = mode.kind === 'edit';

  // Every edit is kept in this browser: a reload, a crash or a conflict does not lose it.
  useEffect(() => {
    if (mode.kind !== 'edit') return;
    if (document === saved && !message && evidence === version.evidence) return;
    keep({ baseVersionId: mode.baseVersionId, baseNumber: mode.baseNumber, document, calculatorInputs, evidence, message });
  }, [mode, document, calculatorInputs, evidence, message, keep, saved, version.evidence]);

  const startEditing = () => {
    setMode({ kind: 'edit', baseVersionId: version.id, baseNumber: version.number, baseDocument: saved as unknown as Record<string, unknown> });
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
    setMode({ kind: 'edit', baseVersionId: stored.baseVersionId, baseNumber: stored.baseNumber, baseDocument });
  };

  const stopEditing = () => {
    discard();
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
        json: { document, message, baseVersionId: mode.baseVersionId, evidence, calculatorInputs },
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
      setMode({ kind: 'edit', baseVersionId: stale.id, baseNumber: stale.number, baseDocument: theirDocument });
      setRebased({ number: stale.number, conflicts: outcome.conflicts });
      setStale(null);
    });

  const fork = () =>
    startSaving(async () => {
      if (!forkName?.trim()) return;
      const outcome = await callApi<{ versionId: string }>(`/api/v1/deals/${dealId}/versions/${version.id}/fork`, { json: { name: forkName.trim() } });
      if (outcome.ok) router.push(`/deals/${dealId}/versions/${outcome.data.versionId}`);
      else setFailure(outcome);
    });

  const draftElsewhere = stored && !editing && (stored.baseVersionId !== version.id || isLatest);

  return (
    <div className="space-y-6">
      <header className="space-y-3">
        <div className="flex flex-wrap items-baseline gap-3">
          <span className="rounded-full bg-water-50 px-2 py-0.5 text-sm text-water-700">{tSide(version.scenario.side)}</span>
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
              <button type="button" onClick={startEditing} className="rounded-md bg-water-700 px-3 py-1.5 font-medium text-white hover:bg-water-800" data-testid="edit-version">
                {t('edit')}
              </button>
            )}
            {canEdit && !isLatest && <span className="text-slate-600">{t('editLatestOnly')}</span>}
            {canFork && forkName === null && (
              <button type="button" onClick={() => setForkName(t('forkDefaultName', { name: version.scenario.name }))} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50" data-testid="fork-version">
                {t('fork')}
              </button>
            )}
            {forkName !== null && (
              <form
                className="flex flex-wrap items-center gap-2"
                onSubmit={(event) => {
                  event.preventDefault();
                  fork();
                }}
              >
                <label className="text-slate-700" htmlFor="fork-name">
                  {t('forkName')}
                </label>
                <input id="fork-name" value={forkName} onChange={(e) => setForkName(e.target.value)} className="w-72 rounded-md border border-slate-300 px-2 py-1" />
                <button type="submit" disabled={saving || !forkName.trim()} className="rounded-md bg-water-700 px-3 py-1.5 text-white disabled:opacity-50">
                  {t('forkConfirm')}
                </button>
                <button type="button" onClick={() => setForkName(null)} className="px-2 py-1.5 text-slate-600 hover:underline">
                  {t('cancel')}
                </button>
              </form>
            )}
            <CompareForm dealId={dealId} versionId={version.id} comparable={comparable} />
            <span className="ml-auto space-x-3">
              <a className="text-water-700 hover:underline" href={`/api/v1/deals/${dealId}/versions/${version.id}`} download={`v${version.number}.json`}>
                {t('exportJson')}
              </a>
              <a className="text-water-700 hover:underline" href={`/api/v1/deals/${dealId}/versions/${version.id}?format=result`} download={`v${version.number}-result.json`}>
                {t('exportResult')}
              </a>
              <a className="text-water-700 hover:underline" href={`/api/v1/deals/${dealId}/versions/${version.id}?format=xlsx`}>
                xlsx
              </a>
              <a className="text-water-700 hover:underline" href={`/api/v1/deals/${dealId}/versions/${version.id}?format=csv`}>
                CSV
              </a>
            </span>
          </div>
        )}
        {draftElsewhere && canEdit && (
          <div role="status" className="flex flex-wrap items-center gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="draft-banner">
            <span>{t('draftFound', { number: stored.baseNumber, time: formatDateTime(new Date(stored.keptAt), lang) })}</span>
            <button type="button" onClick={resumeDraft} className="rounded-md bg-amber-700 px-3 py-1 text-white hover:bg-amber-800" data-testid="resume-draft">
              {t('resumeDraft')}
            </button>
            <button type="button" onClick={discard} className="text-amber-900 underline">
              {t('discardDraft')}
            </button>
          </div>
        )}
      </header>

      {editing && (
        <div className="sticky top-0 z-40 space-y-2 rounded-lg border border-water-200 bg-white/95 p-3 shadow-sm backdrop-blur" data-testid="save-bar">
          <form
            className="flex flex-wrap items-center gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              save();
            }}
          >
            <label htmlFor="version-message" className="text-sm font-medium text-slate-700">
              {t('message')}
            </label>
            <input
              id="version-message"
              value={message}
              onChange={(e) => setMessage(e.target.value)}
              maxLength={500}
              placeholder={t('messagePlaceholder')}
              className="min-w-64 flex-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            />
            <button type="submit" disabled={saving || !message.trim()} className="rounded-md bg-water-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-water-800 disabled:opacity-50" data-testid="save-version">
              {saving ? t('saving') : t('save', { number: (mode.kind === 'edit' ? mode.baseNumber : version.number) + 1 })}
            </button>
            <ImportTable dealId={dealId} document={document} onImported={(next) => setDocument(toScenarioDocument(next))} onFailure={setFailure} />
            <ImportScenarioJson onImported={(next) => setDocument(toScenarioDocument(next))} onFailure={setFailure} />
            <button type="button" onClick={stopEditing} className="px-2 py-1.5 text-sm text-slate-600 hover:underline">
              {t('discardEdits')}
            </button>
          </form>
          <p className="text-xs text-slate-500">
            {keepFailed ? t('draftNotKept') : t('draftKept', { number: mode.kind === 'edit' ? mode.baseNumber : version.number })}
            {!message.trim() && ` ${t('messageNeeded')}`}
          </p>
          {stale && (
            <div role="alert" className="space-y-2 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="conflict">
              <p>{t('conflict', { author: stale.authorName, number: stale.number, message: versionMessageText(stale.message, (values) => t('forkedFromMessage', values)), time: formatDateTime(stale.createdAt, lang) })}</p>
              <div className="flex flex-wrap gap-3">
                <button type="button" onClick={rebase} disabled={saving} className="rounded-md bg-red-700 px-3 py-1 text-white hover:bg-red-800" data-testid="rebase">
                  {t('rebase', { number: stale.number })}
                </button>
                <a href={`/deals/${dealId}/versions/${stale.id}`} target="_blank" rel="noreferrer" className="underline">
                  {t('openNewer', { number: stale.number })}
                </a>
              </div>
            </div>
          )}
          {rebased && (
            <div role="status" className="rounded-md border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-900" data-testid="rebased">
              {rebased.conflicts.length === 0 ? t('rebasedClean', { number: rebased.number }) : t('rebasedConflicts', { number: rebased.number, places: rebased.conflicts.join('; ') })}
            </div>
          )}
          {failure && <FailureBox failure={failure} />}
        </div>
      )}
      {!editing && failure && <FailureBox failure={failure} />}

      <div className="relative ml-[calc(50%-50vw+0.75rem)] w-[calc(100vw-1.5rem)] max-w-none px-2">
        <ScenarioEditor document={document} onChange={setDocument} readOnly={!editing} calculatorInputs={calculatorInputs} onCalculatorInputsChange={setCalculatorInputs} />
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <EvidencePanel dealId={dealId} document={document} evidence={evidence} editing={editing} onChange={setEvidence} />
        <CommentsPanel dealId={dealId} versionId={version.id} document={saved} initial={version.comments} />
      </div>
    </div>
  );
}

function FailureBox({ failure }: { failure: ApiFailure }) {
  const t = useTranslations('version');
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="failure">
      <p className="font-medium">{failure.status === 0 ? t('network') : t('refused')}</p>
      {failure.problems.length > 0 ? (
        <ul className="mt-1 list-disc pl-5">
          {failure.problems.slice(0, 50).map((p, i) => (
            <li key={i}>
              <FieldProblem field={p.label ?? p.field} message={p.message} />
            </li>
          ))}
          {failure.problems.length > 50 && <li>{t('moreProblems', { count: failure.problems.length - 50 })}</li>}
        </ul>
      ) : (
        failure.status !== 0 && <p className="mt-1">{failure.message}</p>
      )}
    </div>
  );
}

function CompareForm({ dealId, versionId, comparable }: { dealId: string; versionId: string; comparable: { id: string; label: string }[] }) {
  const t = useTranslations('version');
  const others = comparable.filter((v) => v.id !== versionId);
  if (others.length === 0) return null;
  return (
    <form action={`/deals/${dealId}/compare`} method="get" className="flex items-center gap-2">
      <input type="hidden" name="to" value={versionId} />
      <label htmlFor="compare-from" className="text-slate-700">
        {t('compareWith')}
      </label>
      <select id="compare-from" name="from" className="max-w-72 rounded-md border border-slate-300 bg-white px-2 py-1" defaultValue={others[0]?.id}>
        {others.map((v) => (
          <option key={v.id} value={v.id}>
            {v.label}
          </option>
        ))}
      </select>
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50" data-testid="compare">
        {t('compare')}
      </button>
    </form>
  );
}

function ImportTable({ dealId, document, onImported, onFailure }: { dealId: string; document: ScenarioDocument; onImported: (document: unknown) => void; onFailure: (failure: ApiFailure | null) => void }) {
  const t = useTranslations('version');
  const [busy, setBusy] = useState(false);
  return (
    <label className={`cursor-pointer rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50 ${busy ? 'opacity-50' : ''}`}>
      {busy ? t('importing') : t('importTable')}
      <input
        type="file"
        accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        className="sr-only"
        data-testid="import-table"
        disabled={busy}
        onChange={async (event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (!file) return;
          setBusy(true);
          const form = new FormData();
          form.set('file', file);
          form.set('base', JSON.stringify(document));
          const outcome = await callApi<{ document: unknown }>(`/api/v1/deals/${dealId}/cost-table`, { form });
          setBusy(false);
          if (outcome.ok) {
            onFailure(null);
            onImported(outcome.data.document);
          } else onFailure(outcome);
        }}
      />
    </label>
  );
}

/** A whole pes-scenario/1 file replaces the draft; it is checked here first and again on save. */
function ImportScenarioJson({ onImported, onFailure }: { onImported: (document: unknown) => void; onFailure: (failure: ApiFailure | null) => void }) {
  const t = useTranslations('version');
  const say = useProblemText();
  return (
    <label className="cursor-pointer rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50">
      {t('importJson')}
      <input
        type="file"
        accept=".json,application/json"
        className="sr-only"
        data-testid="import-json"
        onChange={async (event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (!file) return;
          const text = await file.text();
          const parsed = parseScenarioText(text);
          if (!parsed.ok) {
            onFailure({ ok: false, status: 400, code: 'invalid', message: t('importJsonRefused'), problems: say.list(parsed.problems, documentOf(text), scenarioFields) });
            return;
          }
          onFailure(null);
          onImported(JSON.parse(text));
        }}
      />
    </label>
  );
}
