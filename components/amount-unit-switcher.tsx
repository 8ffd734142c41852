'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { amountUnitWord, readerUnits } from '@/lib/domain/format';
import { isLocale } from '@/lib/domain/locale';
import { Select } from '@/components/ui/select';
import { useReaderUnit } from './reader-unit';

/**
 * Next to the language switcher: the unit every amount is shown in, for this reader.
 * `chooseAmountUnit`: the server action that saves it (app/actions/amount-unit.ts), passed in by the layout so that components stay below app/; it checks the unit.
 */
export function AmountUnitSwitcher({ chooseAmountUnit }: { chooseAmountUnit: (unit: string) => Promise<{ ok: boolean }> }) {
  const t = useTranslations('nav');
  const locale = useLocale();
  const lang = isLocale(locale) ? locale : 'zh';
  const current = useReaderUnit();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="inline-flex items-center gap-1 text-sm text-slate-600">
      {t('amountUnit')}
      <Select
        size="sm"
        testId="amount-unit"
        value={current}
        disabled={pending}
        onChange={(event) => {
          const unit = event.target.value;
          startTransition(async () => {
            await chooseAmountUnit(unit);
            router.refresh();
          });
        }}
      >
        {readerUnits.map((unit) => (
          <option key={unit} value={unit}>
            {amountUnitWord(unit, lang)}
          </option>
        ))}
      </Select>
    </label>
  );
}
