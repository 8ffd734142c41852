'use client';

import { useTranslations } from 'next-intl';
import { Select } from '@/components/ui/select';
import { BENEFIT_KINDS, type BenefitKind } from '@/lib/engine/benefit-kinds';

/**
 * What a benefit row measures (pes-model.md §4; the `kind` extension of pes-scenario/1,
 * docs/scenario-format-extensions.md). "Not specified" leaves `kind` out of the document, as in
 * every document written before the extension.
 */
export function BenefitKindSelect({
  value,
  label,
  onChange,
  disabled,
  inGrid = false,
  className,
}: {
  value: string | undefined;
  label: string;
  onChange: (kind: BenefitKind | undefined) => void;
  disabled?: boolean;
  inGrid?: boolean;
  className?: string;
}) {
  const t = useTranslations('editor');
  const known = value === undefined || (BENEFIT_KINDS as readonly string[]).includes(value);
  return (
    <Select
      size={inGrid ? 'xs' : 'sm'}
      bare={inGrid}
      className={className}
      title={value && known ? t(`benefitKind.${value as BenefitKind}`) : undefined}
      value={value ?? ''}
      disabled={disabled}
      aria-label={t('benefitKind.labelFor', { label })}
      testId="benefit-kind"
      onChange={(e) => onChange(e.target.value === '' ? undefined : (e.target.value as BenefitKind))}
      // A kind the engine does not know stays shown as it is, so the engine's problem names what is there.
      options={[
        { value: '', label: t('benefitKind.unspecified') },
        ...BENEFIT_KINDS.map((kind) => ({ value: kind, label: t(`benefitKind.${kind}`) })),
        ...(known ? [] : [{ value: value!, label: value! }]),
      ]}
    />
  );
}

/** The heading of the benefit rows' kind column. */
export function BenefitKindHeader() {
  const t = useTranslations('editor');
  return <>{t('benefitKind.label')}</>;
}
