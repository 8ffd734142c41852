'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { useState } from 'react';
import type { TermsDefaults } from '@/lib/terms';
import { blankTerms, termsDocument, type TermsDraft } from './terms-draft';
import { TermsEditor } from './terms-editor';
import type { CheckedTerms } from './use-terms-check';
import { formatNames } from '@/lib/domain/format-names';

/**
 * The editor on its own, for drafting and back-testing, over the deal's years and unit; the result
 * leaves as a JSON file. `checked`: the first draft (blank terms over the deal's years) as the
 * server checked it, so that the page loads the terms engine only when the reader edits.
 */
export function TermsWorkbench({ defaults, checked }: { defaults?: TermsDefaults; checked?: CheckedTerms }) {
  const t = useTranslations('terms');
  const [terms, setTerms] = useState<TermsDraft>(() => checked?.value ?? blankTerms(defaults));
  const download = () => {
    const blob = new Blob([JSON.stringify(termsDocument(terms), null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = Object.assign(document.createElement('a'), { href: url, download: `${terms.name.trim() || 'payment-terms'}.json` });
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <TermsEditor value={terms} onChange={setTerms} defaults={defaults} checked={checked} />
      <Button onClick={download}>{t('download', formatNames)}</Button>
    </div>
  );
}
