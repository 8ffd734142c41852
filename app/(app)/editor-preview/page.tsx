import { getTranslations } from 'next-intl/server';
import { EditorPreview } from '@/components/scenario-editor/editor-preview';
import { toScenarioDocument } from '@/components/scenario-editor/model';
import { shiyanDocument } from '@/lib/engine';
import { Notice } from '@/components/ui/notice';
import { parseScenario } from '@/lib/engine/schema';

/**
 * A preview of the scenario editor on the Shiyan reference case, before versions
 * can be saved: every change stays in this browser tab. The (app) layout has
 * already required a signed-in user.
 */
export default async function EditorPreviewPage() {
  const t = await getTranslations('editor');
  const document = toScenarioDocument(shiyanDocument());
  return (
    // Wider than the layout's column: the cost table and the results sit side by side.
    <div className="relative ml-[calc(50%-50vw+0.75rem)] w-[calc(100vw-1.5rem)] max-w-none px-2">
      <Notice tone="warning" size="lg" role={undefined} className="mb-4">
        <h1 className="text-2xl font-semibold text-water-900">{t('preview.title')}</h1>
        <p className="mt-1 text-sm text-amber-900">{t('preview.notice')}</p>
        <p className="mt-1 text-sm text-slate-700">
          {t('preview.scenario')} <span className="font-medium">{document.name}</span>
        </p>
      </Notice>
      {/* Parsed here, so that the browser needs the engine's parser only once the reader edits. */}
      <EditorPreview initial={document} outcome={parseScenario(document)} />
    </div>
  );
}
