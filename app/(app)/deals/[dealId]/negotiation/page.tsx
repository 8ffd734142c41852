import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { BargainingZone } from '@/components/negotiation/bargaining-zone';
import { PairPicker } from '@/components/negotiation/pair-picker';
import { PairZone } from '@/components/negotiation/pair-zone';
import { VersionPicker } from '@/components/negotiation/version-picker';
import { ZoneViews } from '@/components/negotiation/zone-views';
import { Notice } from '@/components/ui/notice';
import { isId } from '@/lib/domain/ids';
import { isLocale } from '@/lib/domain/locale';
import { orNotFound, pageContext } from '@/lib/server/http/page-context';
import { getBargainingZone, MAX_ZONE_VERSIONS, type PairQuery } from '@/lib/server/negotiation/get-bargaining-zone';
import { ValidationError } from '@/lib/domain/errors';
import { EmptyState } from '@/components/ui/empty-state';

/** ?versions=a,b or ?versions=a&versions=b (the picker's form); anything that is not an id is ignored. */
function chosenIds(raw: string | string[] | undefined): string[] {
  return [
    ...new Set(
      [raw ?? []]
        .flat()
        .flatMap((s) => s.split(','))
        .map((s) => s.trim())
        .filter(isId),
    ),
  ];
}

/** One id of ?lower= or ?upper=, or none (anything that is not an id is ignored, as the picker never sends one). */
const oneId = (raw: string | string[] | undefined) => chosenIds(raw)[0];

/**
 * The zone between the sides (an upstream version's lower bound against a downstream version's
 * upper bound, ?lower=&upper=) and the bargaining zone of chosen versions side by side
 * (?versions=, ?view=versions), their offers and the fairness shares.
 */
export default async function NegotiationPage({
  params,
  searchParams,
}: {
  params: Promise<{ dealId: string }>;
  searchParams: Promise<{ versions?: string | string[]; lower?: string | string[]; upper?: string | string[]; view?: string | string[] }>;
}) {
  const [{ dealId }, query] = await Promise.all([params, searchParams]);
  const { actor, origin } = await pageContext();
  const asked = chosenIds(query.versions);
  const [t, locale] = await Promise.all([getTranslations('negotiation'), getLocale()]);
  const lang = isLocale(locale) ? locale : 'zh';
  const load = (pair: PairQuery) => getBargainingZone({ actor, origin, dealId, versionIds: asked.slice(0, MAX_ZONE_VERSIONS), pair, locale: lang });
  // A version of the wrong side in a hand-made address falls back to the latest of each side, as the picker then shows.
  const zone = await orNotFound(
    load({ lower: oneId(query.lower), upper: oneId(query.upper) }).catch((error: unknown) =>
      error instanceof ValidationError && (error.field === 'lower' || error.field === 'upper') ? load({}) : Promise.reject(error),
    ),
  );
  const view = query.view === 'versions' || (query.versions !== undefined && query.view === undefined) ? 'versions' : 'pair';
  return (
    <div className="space-y-6">
      <nav className="flex flex-wrap gap-3 text-sm text-water-700" aria-label={t('breadcrumb')}>
        <Link href={`/deals/${dealId}`} className="hover:underline">
          {lang === 'en' ? zone.deal.name : zone.deal.nameZh}
        </Link>
        <span className="text-slate-400">/</span>
        <Link href={`/deals/${dealId}/scenarios`} className="hover:underline">
          {t('allScenarios')}
        </Link>
      </nav>
      <div>
        <h1 className="text-2xl font-semibold text-water-900">{t('title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('intro')}</p>
      </div>
      {zone.choices.length === 0 ? (
        <EmptyState title={t('empty.noVersions')} hint={t('empty.noVersionsNext')} testId="zone-empty">
          <Link href={`/deals/${dealId}/scenarios`} className="mt-3 inline-block text-sm text-water-700 hover:underline">
            {t('allScenarios')}
          </Link>
        </EmptyState>
      ) : (
        <ZoneViews
          initial={view}
          pair={
            <>
              <PairPicker
                dealId={dealId}
                choices={zone.choices}
                lower={zone.pair.lower?.id ?? zone.pair.missing.find((m) => m.versionId)?.versionId ?? null}
                upper={zone.pair.upper?.id ?? null}
                lang={lang}
              />
              <PairZone key={`${zone.pair.lower?.id}-${zone.pair.upper?.id}`} pair={zone.pair} parties={zone.parties} lang={lang} />
            </>
          }
          versions={
            <>
              {asked.length > MAX_ZONE_VERSIONS && (
                <Notice tone="warning" role="status" testId="too-many">
                  {t('picker.tooMany', { max: MAX_ZONE_VERSIONS })}
                </Notice>
              )}
              {zone.withoutLowerBound.length > 0 && (
                <Notice tone="info" testId="zone-without-lower">
                  {t('withoutLowerBound', { count: zone.withoutLowerBound.length, versions: zone.withoutLowerBound.map((v) => v.label).join(lang === 'zh' ? '、' : ', ') })}
                </Notice>
              )}
              <VersionPicker dealId={dealId} choices={zone.choices} selected={zone.versions.map((v) => v.id)} max={MAX_ZONE_VERSIONS} lang={lang} />
              {zone.versions.length === 0 ? (
                <EmptyState hint={t('empty.pick')} testId="zone-none-picked" />
              ) : (
                <BargainingZone key={zone.versions.map((v) => v.id).join(',')} versions={zone.versions} offers={zone.offers} parties={zone.parties} lang={lang} />
              )}
            </>
          }
        />
      )}
    </div>
  );
}
