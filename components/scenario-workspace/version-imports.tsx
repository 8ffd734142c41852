'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ScenarioDocument } from '@/components/scenario-editor/model';
import { callApi, type ApiFailure } from '@/components/api-client';
import { FileButton } from '@/components/ui/input';
import { documentOf, useProblemText } from '@/components/ui/use-problem-text';
import { scenarioFields } from '@/lib/domain/problem-place';
import { parseScenarioText } from '@/lib/engine/schema';
import { formatNames } from '@/lib/domain/format-names';

// The two ways a draft takes a file while it is edited: a cost table merged by the server, a whole scenario checked here.

/** A cost table (xlsx or CSV) merged into the draft by the server; a refused table changes nothing. */
export function ImportTable({
  dealId,
  document,
  onImported,
  onFailure,
}: {
  dealId: string;
  document: ScenarioDocument;
  onImported: (document: unknown) => void;
  onFailure: (failure: ApiFailure | null) => void;
}) {
  const t = useTranslations('version');
  const [busy, setBusy] = useState(false);
  return (
    <FileButton
      label={busy ? t('importing') : t('importTable', formatNames)}
      accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      testId="import-table"
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
  );
}

/** A whole pes-scenario/1 file replaces the draft; it is checked here first and again on save. */
export function ImportScenarioJson({ onImported, onFailure }: { onImported: (document: unknown) => void; onFailure: (failure: ApiFailure | null) => void }) {
  const t = useTranslations('version');
  const say = useProblemText();
  return (
    <FileButton
      label={t('importJson', formatNames)}
      accept=".json,application/json"
      testId="import-json"
      onChange={async (event) => {
        const file = event.target.files?.[0];
        event.target.value = '';
        if (!file) return;
        const text = await file.text();
        const parsed = parseScenarioText(text);
        if (!parsed.ok) {
          onFailure({ ok: false, status: 400, code: 'invalid', message: t('importJsonRefused', formatNames), problems: say.list(parsed.problems, documentOf(text), scenarioFields) });
          return;
        }
        onFailure(null);
        onImported(JSON.parse(text));
      }}
    />
  );
}
