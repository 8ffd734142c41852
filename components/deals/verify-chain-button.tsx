'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { callApi } from '@/components/api-client';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import type { AuditVerification } from '@/lib/contracts/audit';
import { formatDateTime } from '@/lib/domain/format';
import { isLocale } from '@/lib/domain/locale';

type Check = { kind: 'idle' } | { kind: 'checking' } | { kind: 'done'; result: AuditVerification } | { kind: 'failed' };

/** Checks the deal's audit chain on the server, as `npm run audit:verify` would, and says what it found. */
export function VerifyChainButton({ dealId }: { dealId: string }) {
  const t = useTranslations('auditVerify');
  const locale = useLocale();
  const lang = isLocale(locale) ? locale : 'zh';
  const [check, setCheck] = useState<Check>({ kind: 'idle' });
  const run = async () => {
    setCheck({ kind: 'checking' });
    const outcome = await callApi<AuditVerification>(`/api/v1/deals/${dealId}/audit/verify`);
    setCheck(outcome.ok ? { kind: 'done', result: outcome.data } : { kind: 'failed' });
  };
  const reason = (broken: NonNullable<AuditVerification['brokenAt']>) => {
    const at = typeof broken.params.at === 'string' ? formatDateTime(broken.params.at, lang, { seconds: true }) : '';
    return t(`reason.${broken.code}`, { ...broken.params, at });
  };
  return (
    <div className="flex flex-wrap items-start gap-3" data-testid="audit-verify">
      <Button intent="secondary" size="sm" onClick={run} disabled={check.kind === 'checking'}>
        {check.kind === 'checking' ? t('checking') : t('button')}
      </Button>
      {check.kind === 'done' && (
        <Notice tone={check.result.ok ? 'success' : 'error'} className="min-w-0 flex-1" testId="audit-verify-result">
          {check.result.ok
            ? t('holds', { events: check.result.events, anchors: check.result.anchors, at: formatDateTime(check.result.checkedAt, lang, { seconds: true }) })
            : t('broken', { seq: check.result.brokenAt!.seq, reason: reason(check.result.brokenAt!), events: check.result.events })}
          {check.result.head && (
            <span className="mt-1 block font-mono text-xs break-all">
              {t('head', { seq: check.result.head.seq })} {check.result.head.hash}
            </span>
          )}
        </Notice>
      )}
      {check.kind === 'failed' && <Notice tone="error">{t('failed')}</Notice>}
    </div>
  );
}
