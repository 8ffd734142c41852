'use client';

import type { ColumnDef } from '@tanstack/react-table';
import { useTranslations } from 'next-intl';
import { useMemo, type ReactNode } from 'react';
import { D } from '@/lib/engine/decimal';
import { formatDateTime } from '@/lib/domain/format';
import type { AppLocale } from '@/lib/domain/locale';
import { versionLabel } from '@/lib/domain/version-label';
import type { OfferDistance, ZoneOffer } from '@/lib/contracts/negotiation';
import { GAP_COLOUR, OFFER_COLOURS, money, price, signedMoney, type DisplayScale } from './format';
import { GroupedTable, type GroupedRow } from './grouped-table';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';

type Leaf = OfferDistance & { key: string; label: string; unit: number; total: boolean };
type Row = GroupedRow<ZoneOffer, Leaf>;

/**
 * Each offer against the bounds of the version it was made on: what was offered per period (or
 * year), its price per m³, and how far it lies above the lower bound and below the upper bound.
 * A negative distance means below the lower bound (upstream under-compensated) or above the upper
 * bound (downstream overcharged).
 */
export function OffersTable({ offers, by, scale, lang }: { offers: ZoneOffer[]; by: 'period' | 'year'; scale: DisplayScale; lang: AppLocale }) {
  const t = useTranslations('negotiation');
  const data = useMemo<Row[]>(
    () =>
      offers.map((offer) => {
        const rows: Leaf[] =
          by === 'period'
            ? offer.periods.map((p) => ({ ...p, key: `${p.from}-${p.to}`, label: p.years === p.to - p.from + 1 ? p.label : `${p.label} (${p.years})`, unit: offer.unit, total: false }))
            : offer.years.map((y) => ({ ...y, key: String(y.year), label: String(y.year), unit: offer.unit, total: false }));
        rows.push({ ...offer.totals, key: 'total', label: t('offers.total'), unit: offer.unit, total: true });
        return { kind: 'group', id: `o${offer.id}`, group: offer, subRows: rows.map((leaf) => ({ kind: 'leaf', id: `o${offer.id}-${leaf.key}`, leaf })) };
      }),
    [offers, by, t],
  );
  const columns = useMemo<ColumnDef<Row>[]>(() => {
    const leafCell =
      (render: (l: Leaf) => ReactNode) =>
      ({ row }: { row: { original: Row } }) =>
        row.original.kind === 'leaf' ? render(row.original.leaf) : null;
    const distance = (value: string | null, l: Leaf, warning: string) => {
      if (value === null) return '—';
      const d = new D(value);
      const text = signedMoney(d, l.unit, scale, lang);
      return d.isNegative() ? (
        <span className="font-medium" style={{ color: GAP_COLOUR }} title={warning}>
          {text}
        </span>
      ) : (
        text
      );
    };
    return [
      { id: 'label', header: () => (by === 'period' ? t('table.period') : t('table.year')), cell: leafCell((l) => (l.total ? <span className="font-semibold">{l.label}</span> : l.label)) },
      { id: 'offered', header: () => t('offers.offered'), cell: leafCell((l) => <span className="font-medium">{money(l.offered, l.unit, scale, lang)}</span>) },
      { id: 'pricePerM3', header: () => t('offers.pricePerM3'), cell: leafCell((l) => price(l.pricePerM3, lang)) },
      { id: 'lower', header: () => t('table.lower'), cell: leafCell((l) => money(l.lowerBound, l.unit, scale, lang)) },
      { id: 'aboveLower', header: () => t('offers.aboveLower'), cell: leafCell((l) => distance(l.aboveLower, l, t('offers.belowLowerHint'))) },
      { id: 'upper', header: () => t('table.upper'), cell: leafCell((l) => money(l.upperBound, l.unit, scale, lang)) },
      { id: 'belowUpper', header: () => t('offers.belowUpper'), cell: leafCell((l) => distance(l.belowUpper, l, t('offers.aboveUpperHint'))) },
    ];
  }, [by, scale, lang, t]);

  if (offers.length === 0) {
    return <EmptyState size="panel" title={t('offers.none')} hint={t('offers.noneNext')} testId="offers-empty" />;
  }
  return (
    <GroupedTable
      data={data}
      columns={columns}
      testId="offers-table"
      expandLabel={t('table.fold')}
      leafClass={(l) => (l.total ? 'bg-slate-50' : '')}
      caption={t('offers.caption')}
      renderGroup={(offer) => (
        <div className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 text-sm">
          <span className="inline-block h-2.5 w-2.5 shrink-0 rotate-45" style={{ background: OFFER_COLOURS[offer.fromSide] }} aria-hidden />
          <span className="font-semibold">{t('offers.heading', { number: offer.number, from: t(`sides.${offer.fromSide}`), to: t(`sides.${offer.toSide}`) })}</span>
          <Badge tone="quiet">{t(`offers.status.${offer.status}`)}</Badge>
          <span className="text-xs text-slate-600">
            {t('offers.onVersion', {
              version: offer.versionOf ? versionLabel(offer.versionOf.scenario, offer.versionOf.number, lang) : '—',
              by: offer.createdBy,
              at: formatDateTime(new Date(offer.createdAt), lang),
            })}
          </span>
        </div>
      )}
    />
  );
}
