'use client';

import { useTranslations } from 'next-intl';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { useMemo, useState, type ReactNode } from 'react';
import type { Dec } from '@/lib/engine/decimal';
import { PARTIES, fairnessRows, type FairnessRow, type NegotiationVersion, type Party } from '@/lib/engine/negotiation';
import type { AppLocale } from '@/lib/domain/locale';
import type { NegotiationPartiesDto } from '@/lib/contracts/negotiation';
import { percent } from './format';
import { PartyFairness } from './party-shares';
import type { ZoneVersionDto } from './zone-math';
import { Notice } from '@/components/ui/notice';

const SHARES = ['cost', 'benefit', 'payment'] as const;
const BAR: Record<(typeof SHARES)[number], string> = { cost: 'bg-rose-400', benefit: 'bg-emerald-500', payment: 'bg-sky-500' };

const outsideShare = (share: Dec | null) => share !== null && (share.lt(0) || share.gt(1));

/** A share as a bar width. CSS needs a number; the figure next to it is printed from the decimal. */
function barWidth(share: Dec | null): string {
  if (share === null) return '0%';
  const clamped = share.lt(0) ? 0 : share.gt(1) ? 100 : share.times(100).toDecimalPlaces(1).toNumber();
  return `${clamped}%`;
}

/**
 * Who bears the costs, who receives the benefits and who pays, per period, for the upstream
 * region, the downstream user and the central government (national subsidies), at the chosen
 * bargaining weight. Definitions: docs/decisions/0014-fairness-shares.md.
 */
export function FairnessPanel({
  versions,
  weight,
  lang,
  versionLabel,
  parties,
}: {
  versions: ZoneVersionDto[];
  weight: Dec;
  lang: AppLocale;
  versionLabel: (v: ZoneVersionDto) => string;
  parties: NegotiationPartiesDto | null;
}) {
  const t = useTranslations('negotiation');
  // Start on a version that states benefits: without them the benefit shares are empty.
  const [chosen, setChosen] = useState(() => (versions.find((v) => v.years.some((y) => y.benefits !== null)) ?? versions[0])?.id ?? '');
  const version = versions.find((v) => v.id === chosen) ?? versions[0];
  const rows = useMemo(() => (version ? fairnessRows(version, weight, t('fairness.allYears')) : []), [version, weight, t]);
  if (!version) return null;
  return (
    <FairnessShares rows={rows} lang={lang} parties={parties} testId="fairness-panel">
      <Field label={t('fairness.version')}>
        <Select
          value={version.id}
          onChange={(e) => setChosen(e.target.value)}
          className="w-full min-w-0 truncate"
          testId="fairness-version"
          options={versions.map((v) => ({ value: v.id, label: versionLabel(v) }))}
        />
      </Field>
    </FairnessShares>
  );
}

/**
 * The fairness shares of the zone between the sides: upstream's figures from the lower bound's
 * version, downstream's from the upper bound's (lib/engine/version-pair.ts pairAsVersion), with
 * what a share outside 0 … 100 % means, since on a pair it happens as soon as w moves.
 */
export function PairFairnessPanel({ version, weight, lang, parties }: { version: NegotiationVersion; weight: Dec; lang: AppLocale; parties: NegotiationPartiesDto | null }) {
  const t = useTranslations('negotiation');
  const rows = useMemo(() => fairnessRows(version, weight, t('fairness.allYears')), [version, weight, t]);
  const outside = rows.some((row) => SHARES.some((s) => PARTIES.some((p) => outsideShare(row[s]?.[p] ?? null))));
  return (
    <FairnessShares rows={rows} lang={lang} parties={parties} testId="pair-fairness">
      <p className="text-xs text-slate-600">{t('pair.fairnessBasis')}</p>
      <Notice tone={outside ? 'warning' : 'neutral'} size="sm" role="status" className="text-xs" testId="pair-fairness-outside">
        {t('fairness.outsideRange')}
      </Notice>
    </FairnessShares>
  );
}

/** The three parties' shares per period, under a heading and what the caller puts above them. */
function FairnessShares({ rows, lang, parties, testId, children }: { rows: FairnessRow[]; lang: AppLocale; parties: NegotiationPartiesDto | null; testId: string; children: ReactNode }) {
  const t = useTranslations('negotiation');
  const titleId = `${testId}-title`;
  return (
    <section aria-labelledby={titleId} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid={testId}>
      <h2 id={titleId} className="font-semibold text-water-900">
        {t('fairness.title')}
      </h2>
      {children}
      <p className="text-xs text-slate-600">{t('fairness.intro')}</p>
      <div className="flex flex-wrap gap-3 text-xs text-slate-600" aria-hidden>
        {SHARES.map((s) => (
          <span key={s} className="flex items-center gap-1">
            <span className={`inline-block h-2 w-4 rounded-sm ${BAR[s]}`} />
            {t(`fairness.share.${s}`)}
          </span>
        ))}
      </div>
      {PARTIES.map((party) => (
        <PartyShares key={party} party={party} rows={rows} lang={lang} />
      ))}
      {parties && rows.length > 0 && <PartyFairness parties={parties} row={rows[rows.length - 1]!} lang={lang} />}
      <details className="text-xs text-slate-600">
        <summary className="cursor-pointer text-water-700">{t('fairness.definitions')}</summary>
        <ul className="mt-2 list-disc space-y-1 pl-4">
          <li>{t('fairness.defCost')}</li>
          <li>{t('fairness.defBenefit')}</li>
          <li>{t('fairness.defPayment')}</li>
          <li>{t('fairness.defPaymentBasis')}</li>
        </ul>
      </details>
    </section>
  );
}

function PartyShares({ party, rows, lang }: { party: Party; rows: FairnessRow[]; lang: AppLocale }) {
  const t = useTranslations('negotiation');
  return (
    <div data-testid={`fairness-${party}`}>
      <h3 className="text-sm font-semibold">{t(`fairness.party.${party}`)}</h3>
      <table className="mt-1 w-full table-fixed text-xs">
        <colgroup>
          <col />
          <col className="w-14" />
          <col className="w-14" />
          <col className="w-14" />
        </colgroup>
        <thead className="text-slate-500">
          <tr>
            <th scope="col" className="py-0.5 text-left font-normal">
              {t('table.period')}
            </th>
            {SHARES.map((s) => (
              <th key={s} scope="col" className="py-0.5 pl-1 text-right font-normal">
                {t(`fairness.shareShort.${s}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const share = (s: (typeof SHARES)[number]) => row[s]?.[party] ?? null;
            const last = i === rows.length - 1;
            return (
              <tr key={row.label} className={`border-t border-slate-100 align-top ${last ? 'font-semibold' : ''}`}>
                <th scope="row" className="py-1 pr-1 text-left font-normal">
                  <span className={last ? 'font-semibold' : ''}>{row.label}</span>
                  {row.benefit !== null && row.benefitYears < row.years && (
                    <span className="block text-[10px] text-amber-700">{t('fairness.partialBenefits', { stated: row.benefitYears, years: row.years })}</span>
                  )}
                  <span className="mt-0.5 block space-y-0.5" aria-hidden>
                    {SHARES.map((s) => (
                      <span key={s} className="block h-1 w-full rounded-sm bg-slate-100">
                        <span className={`block h-1 rounded-sm ${BAR[s]}`} style={{ width: barWidth(share(s)) }} />
                      </span>
                    ))}
                  </span>
                </th>
                {SHARES.map((s) => (
                  <td key={s} className="num py-1 pl-1 text-right whitespace-nowrap" data-testid={`fairness-${party}-${s}-${i}`}>
                    {party === 'upstream' && s === 'payment' ? <span title={t('fairness.recipient')}>{t('fairness.receives')}</span> : percent(share(s), lang)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
