import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { TableSection } from '@/components/ui/table-section';
import type { AgreementDetail, AmendmentDto } from '@/lib/contracts/agreements';
import { formatDateTime } from '@/lib/domain/format';
import type { AppLocale } from '@/lib/domain/locale';
import { AmendmentProposal } from './amendment-proposal';
import { AmendmentSignButton } from './amendment-sign-button';

type Translate = Awaited<ReturnType<typeof getTranslations>>;

/** What an amendment changes, in the reader's words: each tolerance, then the funding shares. */
function changeLines(amendment: AmendmentDto, units: Record<string, string>, t: Translate): string[] {
  const lines: string[] = [];
  for (const [indicator, rule] of Object.entries(amendment.changes.monitoring ?? {})) {
    const tolerance = (rule.tolerance ?? {}) as { absolute?: string; relative?: string };
    const parts = [
      ...(tolerance.absolute ? [t('agreements.amendments.toleranceAbsolute', { value: tolerance.absolute, unit: units[indicator] ?? '' })] : []),
      ...(tolerance.relative ? [t('agreements.amendments.toleranceRelative', { value: tolerance.relative })] : []),
    ];
    const name = t.has(`indicator.${indicator}`) ? t(`indicator.${indicator}`) : indicator;
    lines.push(t('agreements.amendments.tolerance', { indicator: name, value: parts.length ? parts.join(' · ') : t('agreements.amendments.exact') }));
  }
  const shares = amendment.changes.fundingShares;
  if (shares) lines.push(t('agreements.amendments.shares', { central: shares.central ?? '0', downstream: shares.downstream ?? '0', upstream: shares.upstream ?? '0' }));
  return lines;
}

/**
 * The agreement's amendments with their status and signatures, a sign button for a signatory who
 * has not signed a pending one, and the proposal form for those who may propose (docs/decisions/0089).
 */
export async function AmendmentsSection({ agreement, dealId, lang }: { agreement: AgreementDetail; dealId: string; lang: AppLocale }) {
  const t = await getTranslations();
  if (agreement.status !== 'ARCHIVED') return null;
  const units = Object.fromEntries(Object.entries((agreement.terms?.indicators ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
  const when = (iso: string) => formatDateTime(new Date(iso), lang);
  return (
    <div id="amendments">
      <TableSection
        title={t('agreements.amendments.title')}
        testId="amendments"
        columns={[
          { label: t('agreements.amendments.col.number') },
          { label: t('agreements.amendments.col.changes') },
          { label: t('agreements.amendments.col.from') },
          { label: t('agreements.amendments.col.proposedBy') },
          { label: t('agreements.amendments.col.status') },
          { label: t('agreements.amendments.col.signatures') },
        ]}
        empty={agreement.amendments.length ? undefined : <p className="mt-2 text-sm text-slate-600">{t('agreements.amendments.none')}</p>}
        note={
          <>
            <p className="mt-3 text-sm text-slate-600">{t('agreements.amendments.explain')}</p>
            {agreement.me.mayProposeAmendment && agreement.terms && (
              <AmendmentProposal
                dealId={dealId}
                agreementId={agreement.id}
                indicators={Object.entries(units).map(([name, unit]) => ({ name, unit }))}
                firstYear={agreement.startYear}
                lastYear={agreement.endYear}
              />
            )}
          </>
        }
      >
        {agreement.amendments.map((a) => (
          <tr key={a.id} className="border-t border-slate-100 align-top" data-testid="amendment" data-status={a.signedAt ? 'SIGNED' : 'PENDING'}>
            <td className="num py-1 pr-3">{a.number}</td>
            <td className="py-1 pr-3">
              {changeLines(a, units, t).map((line) => (
                <div key={line}>{line}</div>
              ))}
              <div className="text-xs text-slate-500">{a.reason}</div>
            </td>
            <td className="num py-1 pr-3">{a.effectiveFrom}</td>
            <td className="py-1 pr-3">
              {a.proposedBy.name} <span className="text-xs text-slate-500">({t(`side.${a.proposedBy.side}`)})</span>
              <div className="num text-xs text-slate-500">{when(a.createdAt)}</div>
            </td>
            <td className="py-1 pr-3">
              <Badge tone={a.signedAt ? 'success' : 'warning'}>{t(`agreements.amendments.status.${a.signedAt ? 'SIGNED' : 'PENDING'}`)}</Badge>
              {a.signedAt && <div className="num text-xs text-slate-500">{when(a.signedAt)}</div>}
            </td>
            <td className="py-1 text-xs">
              {a.signatures.map((s) => (
                <div key={s.signatoryId}>
                  {s.signedAt ? `✓ ${t('agreements.amendments.signedBy', { name: s.name, time: when(s.signedAt) })}` : t('agreements.amendments.notSignedBy', { name: s.name })}
                </div>
              ))}
              {!a.signedAt && a.me.isSignatory && !a.me.hasSigned && <AmendmentSignButton dealId={dealId} agreementId={agreement.id} amendmentId={a.id} number={a.number} />}
              {a.me.hasSigned && !a.signedAt && <div className="text-emerald-800">{t('agreements.amendments.youSigned')}</div>}
            </td>
          </tr>
        ))}
      </TableSection>
    </div>
  );
}
