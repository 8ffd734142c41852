'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { HiddenInput } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import type { ComparableVersion } from '@/lib/contracts/scenarios';
import { versionLabel } from '@/lib/domain/version-label';

/** A plain GET form to the comparison of this version with another (a URL the other side can open). */
export function CompareForm({ dealId, versionId, comparable }: { dealId: string; versionId: string; comparable: ComparableVersion[] }) {
  const t = useTranslations('version');
  const lang = useLocale() === 'en' ? 'en' : 'zh';
  const others = comparable.filter((v) => v.id !== versionId);
  if (others.length === 0) return null;
  return (
    <form action={`/deals/${dealId}/compare`} method="get" className="flex items-center gap-2">
      <HiddenInput name="to" value={versionId} />
      <label htmlFor="compare-from" className="text-slate-700">
        {t('compareWith')}
      </label>
      <Select id="compare-from" name="from" className="max-w-72" defaultValue={others[0]?.id} options={others.map((v) => ({ value: v.id, label: versionLabel(v.scenario, v.number, lang) }))} />
      <Button type="submit" intent="secondary" testId="compare">
        {t('compare')}
      </Button>
    </form>
  );
}
