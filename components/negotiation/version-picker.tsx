import { getTranslations } from 'next-intl/server';
import { versionMessageText, versionWords } from '@/components/scenario-workspace/version-message-text';
import { Button } from '@/components/ui/button';
import { Checkbox, HiddenInput } from '@/components/ui/input';
import { formatDateTime } from '@/lib/domain/format';
import type { AppLocale } from '@/lib/domain/locale';
import { versionMark } from '@/lib/domain/version-label';
import type { ZoneChoice } from '@/lib/contracts/negotiation';

/**
 * A plain GET form: the chosen versions are the page's URL (?versions=…), so a view can be sent to
 * the other side. Versions are grouped by scenario, newest first.
 */
export async function VersionPicker({ dealId, choices, selected, max, lang }: { dealId: string; choices: ZoneChoice[]; selected: string[]; max: number; lang: AppLocale }) {
  const [t, tVersion] = await Promise.all([getTranslations('negotiation'), getTranslations('version')]);
  // A restored version reads "恢复 v3：…" here as in the workspace, from the same catalogue words.
  const words = versionWords((key, values) => tVersion(key, values));
  const message = (stored: string) => versionMessageText(stored, words);
  const scenarios = [...new Map(choices.map((c) => [c.scenarioId, { id: c.scenarioId, name: c.scenario, side: c.side }])).values()];
  return (
    <details className="rounded-lg border border-slate-200 bg-white text-sm" open={selected.length === 0} data-testid="version-picker">
      <summary className="cursor-pointer px-4 py-3 font-medium text-water-700">{t('picker.summary', { count: selected.length })}</summary>
      <form method="get" action={`/deals/${dealId}/negotiation`} className="space-y-3 border-t border-slate-100 px-4 py-3">
        <HiddenInput name="view" value="versions" />
        <p className="text-slate-600">{t('picker.hint', { max })}</p>
        <div className="grid gap-3 md:grid-cols-2">
          {scenarios.map((s) => (
            <fieldset key={s.id} className="rounded-md border border-slate-200 p-2">
              <legend className="px-1 font-medium">
                {s.name} <span className="text-xs font-normal text-slate-500">({t(`sides.${s.side}`)})</span>
              </legend>
              <ul className="space-y-1">
                {choices
                  .filter((c) => c.scenarioId === s.id)
                  .map((c) => (
                    <li key={c.id}>
                      <Checkbox
                        className="flex items-baseline gap-2"
                        name="versions"
                        value={c.id}
                        defaultChecked={selected.includes(c.id)}
                        testId={`pick-${c.id}`}
                        label={
                          <>
                            <span className="font-medium">{versionMark(c.number, lang)}</span>
                            <span className="min-w-0 flex-1 truncate text-slate-600" title={message(c.message)}>
                              {message(c.message)}
                            </span>
                            <span className="num shrink-0 text-xs text-slate-500">{formatDateTime(c.createdAt, lang)}</span>
                          </>
                        }
                      />
                    </li>
                  ))}
              </ul>
            </fieldset>
          ))}
        </div>
        <Button type="submit" testId="picker-show">
          {t('picker.show')}
        </Button>
      </form>
    </details>
  );
}
