'use client';

import { useTranslations } from 'next-intl';
import { Select } from '@/components/ui/select';
import { BENEFIT_KINDS, type BenefitKind } from '@/lib/engine/schema';

/**
 * What a benefit row measures (pes-model.md §4; the `kind` extension of pes-scenario/1,
 * docs/scenario-format-extensions.md). "Not specified" leaves `kind` out of the document, as in
 * every document written before the extension.
 */
export function BenefitKindSelect({ value, label, onChange, disabled }: { value: BenefitKind | undefined; label: string; onChange: (kind: BenefitKind | undefined) => void; disabled?: boolean }) {
  const t = useTranslations('editor');
  return (
    <Select
      size="sm"
      value={value ?? ''}
      disabled={disabled}
      aria-label={t('benefitKind.labelFor', { label })}
      testId="benefit-kind"
      onChange={(e) => onChange(e.target.value === '' ? undefined : (e.target.value as BenefitKind))}
      options={[{ value: '', label: t('benefitKind.unspecified') }, ...BENEFIT_KINDS.map((kind) => ({ value: kind, label: t(`benefitKind.${kind}`) }))]}
    />
  );
}

/** The heading of the benefit rows' kind column. */
export function BenefitKindHeader() {
  const t = useTranslations('editor');
  return <>{t('benefitKind.label')}</>;
}
