'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { useState } from 'react';
import type { TermsDefaults } from '@/lib/terms';
import { TermsEditor, blankTerms, termsDocument, type TermsDraft } from './terms-editor';

/** The editor on its own, for drafting and back-testing, over the deal's years and unit; the result leaves as a JSON file. */
export function TermsWorkbench({ defaults }: { defaults?: TermsDefaults }) {
  const t = useTranslations('terms');
  const [terms, setTerms] = useState<TermsDraft>(() => blankTerms(defaults));
  const download = () => {
    const blob = new Blob([JSON.stringify(termsDocument(terms), null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = Object.assign(document.createElement('a'), { href: url, download: `${terms.name.trim() || 'payment-terms'}.json` });
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <TermsEditor value={terms} onChange={setTerms} defaults={defaults} />
      <Button onClick={download}>{t('download')}</Button>
    </div>
  );
}
