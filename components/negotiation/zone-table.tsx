'use client';

import type { ColumnDef } from '@tanstack/react-table';
import { useTranslations } from 'next-intl';
import { useMemo, type ReactNode } from 'react';
import type { Dec } from '@/lib/engine/decimal';
import { zoneRows, type ZoneRow } from '@/lib/engine/negotiation';
import type { AppLocale } from '@/lib/domain/locale';
import { GAP_COLOUR, VERSION_COLOURS, money, price, signedMoney, type DisplayScale } from './format';
import { GroupedTable, type GroupedRow } from './grouped-table';
import type { ZoneVersionDto } from './zone-math';

type Group = { version: ZoneVersionDto; index: number };
type Leaf = ZoneRow & { versionIndex: number; unit: number };
type Row = GroupedRow<Group, Leaf>;

/** The numbers of the chart: per version and period (or year) the bounds, the zone, the Nash suggestion and the prices per m³. */
export function ZoneTable({
  versions,
  weight,
  by,
  scale,
  lang,
  versionLabel,
}: {
  versions: ZoneVersionDto[];
  weight: Dec;
  by: 'period' | 'year';
  scale: DisplayScale;
  lang: AppLocale;
  versionLabel: (v: ZoneVersionDto) => string;
}) {
  const t = useTranslations('negotiation');
  const data = useMemo<Row[]>(
    () =>
      versions.map((version, index) => ({
        kind: 'group',
        id: `v${version.id}`,
        group: { version, index },
        subRows: zoneRows(version, weight, by).map((r) => ({ kind: 'leaf', id: `v${version.id}-${r.key}`, leaf: { ...r, versionIndex: index, unit: version.unit } })),
      })),
    [versions, weight, by],
  );
  const columns = useMemo<ColumnDef<Row>[]>(() => {
    const leafCell =
      (render: (l: Leaf) => ReactNode) =>
      ({ row }: { row: { original: Row } }) =>
        row.original.kind === 'leaf' ? render(row.original.leaf) : null;
    const amount = (pick: (l: Leaf) => Dec | null) => leafCell((l) => money(pick(l), l.unit, scale, lang));
    return [
      { id: 'label', header: () => (by === 'period' ? t('table.period') : t('table.year')), cell: leafCell((l) => l.label) },
      { id: 'lower', header: () => t('table.lower'), cell: amount((l) => l.lower) },
      { id: 'upper', header: () => t('table.upper'), cell: amount((l) => l.upper) },
      {
        id: 'width',
        header: () => t('table.width'),
        cell: leafCell((l) => {
          if (l.upper === null) return '—';
          const width = l.upper.minus(l.lower);
          return width.isNegative() ? (
            <span className="font-medium" style={{ color: GAP_COLOUR }}>
              {t('table.gap', { amount: money(width.abs(), l.unit, scale, lang) })}
            </span>
          ) : (
            signedMoney(width, l.unit, scale, lang)
          );
        }),
      },
      {
        id: 'suggested',
        header: () => t('table.suggested'),
        cell: leafCell((l) => (
          <span className="font-medium text-water-900" data-testid={`suggested-${l.versionIndex}-${l.key}`}>
            {money(l.suggested, l.unit, scale, lang)}
          </span>
        )),
      },
      { id: 'lowerPerM3', header: () => t('table.lowerPerM3'), cell: leafCell((l) => price(l.lowerPerM3, lang)) },
      { id: 'upperPerM3', header: () => t('table.upperPerM3'), cell: leafCell((l) => price(l.upperPerM3, lang)) },
      { id: 'suggestedPerM3', header: () => t('table.suggestedPerM3'), cell: leafCell((l) => price(l.suggestedPerM3, lang)) },
    ];
  }, [by, scale, lang, t]);

  return (
    <GroupedTable
      data={data}
      columns={columns}
      testId="zone-table"
      expandLabel={t('table.fold')}
      leafClass={(l) => (l.upper !== null && l.upper.lt(l.lower) ? 'bg-red-50' : '')}
      caption={by === 'period' ? t('table.captionPeriods') : t('table.captionYears')}
      renderGroup={({ version, index }) => (
        <div className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5" data-testid="zone-table-version">
          <span className="inline-block h-2.5 w-2.5 shrink-0 rounded-full" style={{ background: VERSION_COLOURS[index % VERSION_COLOURS.length] }} aria-hidden />
          <span className="font-semibold text-water-900">{versionLabel(version)}</span>
          <span className="text-xs text-slate-600">{t('table.versionUnits', { unit: version.unit, currency: version.currency, priceBase: version.priceBase })}</span>
          {version.years.every((y) => y.upperBound === null) && <span className="text-xs text-amber-800">{t('noUpperBound')}</span>}
        </div>
      )}
    />
  );
}
