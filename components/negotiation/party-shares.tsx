'use client';

import type { ColumnDef } from '@tanstack/react-table';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import type { NegotiationPartiesDto } from '@/lib/contracts/negotiation';
import { D, type Dec } from '@/lib/engine/decimal';
import type { FairnessRow } from '@/lib/engine/negotiation';
import { fairnessByParty, offerByParty, sideFractions, zoneByParty } from '@/lib/engine/party-shares';
import type { AppLocale } from '@/lib/domain/locale';
import type { AmountScale } from '@/lib/domain/format';
import { DataTable } from '@/components/ui/data-table';
import { Field } from '@/components/ui/field';
import { Money } from '@/components/ui/money';
import { Select } from '@/components/ui/select';
import { percent } from './format';

/**
 * The negotiation by party (issue 17, item 6; docs/decisions/0098 and 0108): when the deal names
 * several parties on a side, each party's part of its side's lower bound (costs), upper bound
 * (benefits) and payment, split by lib/engine/party-shares.ts at the parties' agreed shares. A deal
 * of one party per side gets no such table (the DTO's parties are null).
 */

type PartySide = 'upstream' | 'downstream' | 'central';

/** One party's line: its fraction of its side, and its parts of the figures the table shows. */
interface PartyLine {
  id: string;
  name: string;
  side: PartySide;
  fraction: Dec | null;
  cells: Record<string, Dec | null>;
}

const nameOf = (p: { name: string; nameZh: string }, lang: AppLocale) => (lang === 'en' ? p.name : p.nameZh);

function namesOf(parties: NegotiationPartiesDto, lang: AppLocale): Map<string, string> {
  return new Map([...parties.upstream, ...parties.downstream].map((p) => [p.id, nameOf(p, lang)]));
}

/** The table of party lines: name, side, share of its side, then one amount column per figure. */
function PartyTable({
  lines,
  figures,
  unit,
  scale,
  lang,
  caption,
  testId,
}: {
  lines: PartyLine[];
  figures: { key: string; header: string }[];
  unit: number | string;
  scale: AmountScale;
  lang: AppLocale;
  caption: string;
  testId: string;
}) {
  const t = useTranslations('partyShares');
  const columns = useMemo<ColumnDef<PartyLine, unknown>[]>(
    () => [
      { id: 'party', header: () => t('party'), cell: ({ row }) => <span data-testid={`party-name-${row.original.id}`}>{row.original.name}</span> },
      { id: 'side', header: () => t('side'), cell: ({ row }) => t(`sides.${row.original.side}`), meta: { nowrap: true } },
      {
        id: 'fraction',
        header: () => t('fraction'),
        meta: { numeric: true },
        cell: ({ row }) => (
          <span className="whitespace-nowrap" data-testid={`party-fraction-${row.original.id}`}>
            {row.original.fraction === null ? '—' : percent(row.original.fraction, lang, 2)}
          </span>
        ),
      },
      ...figures.map((figure): ColumnDef<PartyLine, unknown> => ({
        id: figure.key,
        header: () => figure.header,
        meta: { numeric: true },
        cell: ({ row }) => {
          const value = row.original.cells[figure.key];
          return value === undefined ? '—' : <Money value={value} unit={unit} scale={scale} className="whitespace-nowrap" testId={`party-${figure.key}-${row.original.id}`} />;
        },
      })),
    ],
    [t, figures, unit, scale, lang],
  );
  return <DataTable columns={columns} data={lines} rowKey={(l) => l.id} caption={caption} testId={testId} rowTestId="party-row" rowLook={(l) => ({ data: { party: l.id, side: l.side } })} />;
}

/** A figure of the zone: a period, a year or the years with both bounds, in the pair's unit. */
export interface ZoneFigure {
  key: string;
  label: string;
  lowerBound: Dec | null;
  upperBound: Dec | null;
  suggestedPayment: Dec | null;
}

/** The zone between the sides by party, for a period chosen above the table (the first choice to start). */
export function PartyZone({
  parties,
  totals,
  periods,
  unit,
  scale,
  lang,
}: {
  parties: NegotiationPartiesDto;
  /** Sums over the years with both bounds, and how many they are. */
  totals: { years: number; lower: Dec | null; upper: Dec | null; suggested: Dec | null } | null;
  periods: ZoneFigure[];
  unit: number;
  scale: AmountScale;
  lang: AppLocale;
}) {
  const t = useTranslations('partyShares');
  const choices = useMemo<ZoneFigure[]>(
    () => [...(totals ? [{ key: 'all', label: t('zone.allYears', { count: totals.years }), lowerBound: totals.lower, upperBound: totals.upper, suggestedPayment: totals.suggested }] : []), ...periods],
    [totals, periods, t],
  );
  const [key, setKey] = useState(choices[0]?.key ?? '');
  const chosen = choices.find((c) => c.key === key) ?? choices[0];
  const lines = useMemo<PartyLine[]>(() => {
    if (!chosen || chosen.lowerBound === null) return [];
    const split = zoneByParty({ lower: chosen.lowerBound, upper: chosen.upperBound, suggested: chosen.suggestedPayment }, parties);
    const names = namesOf(parties, lang);
    return [
      ...split.upstream.map((p) => ({ id: p.id, name: names.get(p.id) ?? p.id, side: 'upstream' as const, fraction: p.fraction, cells: { lower: p.lower, suggested: p.suggested } })),
      ...split.downstream.map((p) => ({ id: p.id, name: names.get(p.id) ?? p.id, side: 'downstream' as const, fraction: p.fraction, cells: { upper: p.upper, suggested: p.suggested } })),
      ...(split.central !== null && !split.central.isZero() ? [{ id: 'central', name: t('sides.central'), side: 'central' as const, fraction: null, cells: { suggested: split.central } }] : []),
    ];
  }, [chosen, parties, lang, t]);
  if (!chosen) return null;
  return (
    <section className="space-y-2 rounded-lg border border-slate-200 bg-white px-3 py-3" data-testid="party-zone" aria-labelledby="party-zone-title">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h2 id="party-zone-title" className="text-lg font-semibold text-water-900">
          {t('zone.title')}
        </h2>
        <Field label={t('zone.period')}>
          <Select value={chosen.key} onChange={(e) => setKey(e.target.value)} testId="party-zone-period" options={choices.map((c) => ({ value: c.key, label: c.label }))} />
        </Field>
      </div>
      <p className="text-xs text-slate-600">{t('zone.intro')}</p>
      {lines.length === 0 ? (
        <p className="text-sm text-slate-600" data-testid="party-zone-none">
          {t('zone.noLower')}
        </p>
      ) : (
        <PartyTable
          lines={lines}
          figures={[
            { key: 'lower', header: t('zone.lower') },
            { key: 'upper', header: t('zone.upper') },
            { key: 'suggested', header: t('zone.suggested') },
          ]}
          unit={unit}
          scale={scale}
          lang={lang}
          caption={t('zone.title')}
          testId="party-zone-table"
        />
      )}
    </section>
  );
}

/** The fairness shares of the whole term by party: each party's share of all parties' costs, benefits and payments. */
export function PartyFairness({ parties, row, lang }: { parties: NegotiationPartiesDto; row: FairnessRow; lang: AppLocale }) {
  const t = useTranslations('partyShares');
  const split = useMemo(() => fairnessByParty(row, parties), [row, parties]);
  const names = namesOf(parties, lang);
  const shareOf = (list: { id: string; share: Dec | null }[] | null, id: string) => list?.find((p) => p.id === id)?.share ?? null;
  return (
    <div className="space-y-1" data-testid="party-fairness">
      <h3 className="text-sm font-semibold">{t('fairness.title', { label: row.label })}</h3>
      <table className="w-full text-xs">
        <caption className="sr-only">{t('fairness.title', { label: row.label })}</caption>
        <thead className="text-slate-500">
          <tr>
            <th scope="col" className="py-0.5 text-left font-normal">
              {t('party')}
            </th>
            {(['cost', 'benefit', 'payment'] as const).map((s) => (
              <th key={s} scope="col" className="py-0.5 pl-1 text-right font-normal">
                {t(`fairness.${s}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {split.cost.map((p) => (
            <tr key={p.id} className="border-t border-slate-100" data-testid="party-fairness-row" data-party={p.id}>
              <th scope="row" className="py-1 pr-1 text-left font-normal">
                {p.side === 'central' ? t('sides.central') : (names.get(p.id) ?? p.id)}
              </th>
              <td className="num py-1 pl-1 text-right whitespace-nowrap">{percent(p.share, lang)}</td>
              <td className="num py-1 pl-1 text-right whitespace-nowrap">{percent(shareOf(split.benefit, p.id), lang)}</td>
              <td className="num py-1 pl-1 text-right whitespace-nowrap">{p.side === 'upstream' ? t('fairness.receives') : percent(shareOf(split.payment, p.id), lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** An offer's whole term by party: what each upstream party receives against its part of the lower bound, what each downstream party pays against its part of the upper bound. */
export function OfferByParty({
  parties,
  totals,
  unit,
  scale,
  lang,
}: {
  parties: NegotiationPartiesDto;
  totals: { offered: string; lowerBound: string; upperBound: string | null };
  unit: string;
  scale: AmountScale;
  lang: AppLocale;
}) {
  const t = useTranslations('partyShares');
  const lines = useMemo<PartyLine[]>(() => {
    const split = offerByParty(new D(totals.offered), { lower: new D(totals.lowerBound), upper: totals.upperBound === null ? null : new D(totals.upperBound) }, parties);
    const names = namesOf(parties, lang);
    const [up, down] = [sideFractions(parties.upstream), sideFractions(parties.downstream)];
    return [
      ...split.upstream.map((p, i) => ({ id: p.id, name: names.get(p.id) ?? p.id, side: 'upstream' as const, fraction: up[i]!, cells: { amount: p.offered, bound: p.lower, distance: p.aboveLower } })),
      ...split.downstream.map((p, i) => ({
        id: p.id,
        name: names.get(p.id) ?? p.id,
        side: 'downstream' as const,
        fraction: down[i]!,
        cells: { amount: p.pays, bound: p.upper, distance: p.belowUpper },
      })),
      ...(split.central.isZero() ? [] : [{ id: 'central', name: t('sides.central'), side: 'central' as const, fraction: null, cells: { amount: split.central } }]),
    ];
  }, [totals, parties, lang, t]);
  return (
    <div className="space-y-1" data-testid="offer-by-party">
      <p className="text-sm font-medium">{t('offer.title')}</p>
      <PartyTable
        lines={lines}
        figures={[
          { key: 'amount', header: t('offer.amount') },
          { key: 'bound', header: t('offer.bound') },
          { key: 'distance', header: t('offer.distance') },
        ]}
        unit={unit}
        scale={scale}
        lang={lang}
        caption={t('offer.title')}
        testId="offer-party-table"
      />
      <p className="text-xs text-slate-600">{t('offer.hint')}</p>
    </div>
  );
}
