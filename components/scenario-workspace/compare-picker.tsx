import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';

/** A plain GET form: the comparison is a URL that can be sent to the other side. */
export async function ComparePicker({ dealId, options, from, to }: { dealId: string; options: { id: string; label: string }[]; from: string; to: string }) {
  const t = await getTranslations('compare');
  const select = (name: 'from' | 'to', value: string) => (
    <Field label={t(name)}>
      <Select name={name} defaultValue={value} size="beside" className="min-w-72" testId={`compare-${name}`} options={options.map((o) => ({ value: o.id, label: o.label }))} />
    </Field>
  );
  return (
    <form method="get" action={`/deals/${dealId}/compare`} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      {select('from', from)}
      <span className="pb-2 text-slate-400">→</span>
      {select('to', to)}
      <Button type="submit">{t('show')}</Button>
    </form>
  );
}
