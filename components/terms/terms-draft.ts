import type { PaymentTerms } from '@/lib/terms/schema';
import { draftParties } from '@/lib/terms/draft-parties';
import type { TermsDefaults } from '@/lib/terms/templates';

// The terms a form edits, apart from the editor (terms-editor.tsx): a page that starts a draft
// (the offer room) does not load the editor and the terms engine until it shows them.

/** The document being edited: loose, because a half-typed document is still shown and checked. */
export type TermsDraft = Omit<PaymentTerms, 'unit' | 'from' | 'to'> & { unit: number | string; from: number | string; to: number | string };

/** Empty terms that pay the schedule; over the years, unit and currency of where they are used when given, and the deal's parties when it names them. */
export function blankTerms(defaults?: Partial<TermsDefaults>): TermsDraft {
  const parties = draftParties(undefined, defaults);
  return {
    format: 'payment-terms/1',
    name: '',
    currency: defaults?.currency ?? 'CNY',
    unit: defaults?.unit ?? 1,
    from: defaults?.from ?? 2021,
    to: defaults?.to ?? 2025,
    constants: {},
    indicators: {},
    formulas: [{ name: 'payment', expr: 'scheduled' }],
    ...(parties ? { parties } : {}),
  };
}

/** Numbers typed into fields stay text until the parser reads them; the JSON carries numbers. */
export function termsDocument(draft: TermsDraft): unknown {
  const num = (v: number | string) => (typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v);
  return { ...draft, unit: num(draft.unit), from: num(draft.from), to: num(draft.to) };
}
