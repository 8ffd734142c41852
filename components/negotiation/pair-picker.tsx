'use client';

import { useTranslations } from 'next-intl';
import { versionLabel } from '@/lib/domain/version-label';
import { useRef } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { formatDateTime } from '@/lib/domain/format';
import type { AppLocale } from '@/lib/domain/locale';
import type { ZoneChoice } from '@/lib/contracts/negotiation';

/**
 * The two versions of the zone between the sides, as a plain GET form (?lower=…&upper=…), so a
 * view can be sent to the other side: an upstream version for the lower bound, a downstream one
 * for the upper bound. With scripts a choice shows at once; without, the button does.
 */
export function PairPicker({ dealId, choices, lower, upper, lang }: { dealId: string; choices: ZoneChoice[]; lower: string | null; upper: string | null; lang: AppLocale }) {
  const t = useTranslations('negotiation');
  const form = useRef<HTMLFormElement>(null);
  const options = (side: string) => choices.filter((c) => c.side === side).map((c) => ({ value: c.id, label: `${versionLabel(c.scenario, c.number, lang)} · ${formatDateTime(c.createdAt, lang)}` }));
  const picker = (name: 'lower' | 'upper', side: 'UPSTREAM' | 'DOWNSTREAM', value: string | null) => {
    const list = options(side);
    return (
      <Field label={t(`pair.pick.${name}`)} hint={t(`pair.pick.${name}Hint`)}>
        {list.length ? (
          <Select name={name} defaultValue={value ?? undefined} options={list} onChange={() => form.current?.requestSubmit()} className="w-full min-w-0" testId={`pair-${name}`} />
        ) : (
          <Select disabled options={[{ value: '', label: t(`pair.pick.none.${name}`) }]} className="w-full min-w-0" testId={`pair-${name}`} />
        )}
      </Field>
    );
  };
  return (
    <form
      ref={form}
      method="get"
      action={`/deals/${dealId}/negotiation`}
      className="grid items-start gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm md:grid-cols-[1fr_1fr_auto]"
      data-testid="pair-picker"
    >
      {picker('lower', 'UPSTREAM', lower)}
      {picker('upper', 'DOWNSTREAM', upper)}
      <Button type="submit" className="md:mt-6" testId="pair-show">
        {t('picker.show')}
      </Button>
    </form>
  );
}
