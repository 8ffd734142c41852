import { getTranslations } from 'next-intl/server';

/** A plain GET form: the comparison is a URL that can be sent to the other side. */
export async function ComparePicker({ dealId, options, from, to }: { dealId: string; options: { id: string; label: string }[]; from: string; to: string }) {
  const t = await getTranslations('compare');
  const select = (name: 'from' | 'to', value: string) => (
    <label className="grid gap-1">
      <span className="text-slate-700">{t(name)}</span>
      <select name={name} defaultValue={value} className="min-w-72 rounded-md border border-slate-300 bg-white px-2 py-1.5" data-testid={`compare-${name}`}>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form method="get" action={`/deals/${dealId}/compare`} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      {select('from', from)}
      <span className="pb-2 text-slate-400">→</span>
      {select('to', to)}
      <button type="submit" className="rounded-md bg-water-700 px-4 py-1.5 font-medium text-white hover:bg-water-800">
        {t('show')}
      </button>
    </form>
  );
}
