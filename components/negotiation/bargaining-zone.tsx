'use client';

import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import type { AppLocale } from '@/lib/domain/locale';
import type { NegotiationPartiesDto, ZoneOffer } from '@/lib/contracts/negotiation';
import { Checkbox } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';
import { ToggleGroup } from '@/components/ui/toggle-group';
import { useReaderUnit } from '@/components/reader-unit';
import { amountUnitWord } from '@/lib/domain/format';
import { FairnessPanel } from './fairness-panel';
import { OFFER_COLOURS, VERSION_COLOURS, versionLabel } from './format';
import { OffersTable } from './offers-table';
import { useWeight } from './weight';
import { ZoneChartCard } from './zone-chart-card';
import { zoneChartOption } from './zone-chart';
import type { ZoneVersionDto } from './zone-math';
import { ZoneTable } from './zone-table';
import { EmptyState } from '@/components/ui/empty-state';

/** Offers still on the table (or agreed); answered ones can be shown too. */
const CURRENT = new Set(['SENT', 'ACCEPTED']);

/**
 * The bargaining zone of the chosen versions: chart, the same numbers in a table, the offers with
 * their distance from both bounds, and the fairness panel; the bargaining weight recomputes the
 * Nash suggestion in the browser (the engine's nashSplit, in decimals).
 */
export function BargainingZone({ versions, offers, parties, lang }: { versions: ZoneVersionDto[]; offers: ZoneOffer[]; parties: NegotiationPartiesDto | null; lang: AppLocale }) {
  const t = useTranslations('negotiation');
  const slider = useWeight(versions[0]?.bargainingWeight ?? '0.5');
  const { weight } = slider;
  const [by, setBy] = useState<'period' | 'year'>('period');
  const [allOffers, setAllOffers] = useState(false);

  const shownOffers = useMemo(() => offers.filter((o) => allOffers || CURRENT.has(o.status)), [offers, allOffers]);
  const scale = useReaderUnit();
  const scaleWord = amountUnitWord(scale, lang);
  const priceBases = [...new Set(versions.map((v) => v.priceBase))];
  const currencies = [...new Set(versions.map((v) => v.currency))];

  const option = useMemo(
    () =>
      zoneChartOption(versions, shownOffers, weight, scale, lang, {
        versionLabel,
        offerLabel: (o) => t('offers.short', { number: o.number, from: t(`sides.${o.fromSide}`) }),
        lower: t('chart.lower'),
        upper: t('chart.upper'),
        suggested: t('chart.suggested'),
        zone: t('chart.zone'),
        gap: t('chart.gap'),
        axis: scaleWord,
      }),
    [versions, shownOffers, weight, scale, lang, t, scaleWord],
  );
  const anyUpper = versions.some((v) => v.years.some((y) => y.upperBound !== null));
  const anyGap = versions.some((v) => v.years.some((y) => y.feasible === false));

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="min-w-0 space-y-4">
        <p className="text-sm text-slate-600" data-testid="zone-units">
          {t('units', { scale: scaleWord, priceBase: priceBases.join(' / ') })}
        </p>
        {(priceBases.length > 1 || currencies.length > 1) && <Notice tone="warning">{t('differentBases')}</Notice>}

        <ZoneChartCard
          ids={{ slider: 'nash-weight', sliderTestId: 'weight-slider', valueTestId: 'weight-value', chartTestId: 'zone-chart' }}
          weight={slider}
          resetLabel={t('weight.reset', { weight: slider.start })}
          notes={!anyUpper && <p className="mt-2 text-xs text-amber-800">{t('weight.noUpper')}</p>}
          option={option}
          height={400}
          chartLabel={t('chart.label')}
          lower={{ text: t('chart.lower') }}
          upper={{ text: t('chart.upper') }}
          gapNote={!anyGap && anyUpper && <span className="text-slate-400">({t('chart.noGap')})</span>}
          beforeKey={
            <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" data-testid="zone-key">
              {versions.map((v, i) => (
                <li key={v.id} className="flex items-center gap-1.5">
                  <span className="inline-block h-2.5 w-2.5 rounded-full" style={{ background: VERSION_COLOURS[i % VERSION_COLOURS.length] }} aria-hidden />
                  {versionLabel(v)} <span className="text-slate-500">({t(`sides.${v.side}`)})</span>
                </li>
              ))}
            </ul>
          }
          extraKey={
            <span className="flex items-center gap-1">
              <span style={{ color: OFFER_COLOURS.UPSTREAM }}>◆</span>
              <span style={{ color: OFFER_COLOURS.DOWNSTREAM }}>◆</span> {t('chart.offers')}
            </span>
          }
        />

        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-lg font-semibold text-water-900">{t('table.title')}</h2>
          <ToggleGroup
            label={t('table.by')}
            value={by}
            onChange={setBy}
            options={[
              { value: 'period', label: t('table.byPeriod'), testId: 'by-period' },
              { value: 'year', label: t('table.byYear'), testId: 'by-year' },
            ]}
          />
        </div>
        <ZoneTable versions={versions} weight={weight} by={by} scale={scale} lang={lang} versionLabel={versionLabel} />

        <div className="flex flex-wrap items-center justify-between gap-2 pt-2">
          <h2 className="text-lg font-semibold text-water-900">{t('offers.title')}</h2>
          {offers.length > 0 && (
            <Checkbox
              className="gap-2 text-sm"
              checked={allOffers}
              onChange={(e) => setAllOffers(e.target.checked)}
              testId="all-offers"
              label={t('offers.showAll', { count: offers.length - offers.filter((o) => CURRENT.has(o.status)).length })}
            />
          )}
        </div>
        <p className="text-sm text-slate-600">{t('offers.hint')}</p>
        {offers.length > 0 && shownOffers.length === 0 ? (
          <EmptyState size="panel" hint={t('offers.noneOpen')} testId="offers-none-open" />
        ) : (
          <OffersTable offers={shownOffers} by={by} scale={scale} lang={lang} />
        )}
      </div>

      <aside className="min-w-0">
        <FairnessPanel versions={versions} weight={weight} lang={lang} versionLabel={versionLabel} parties={parties} />
      </aside>
    </div>
  );
}
