import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { HiddenInput } from '@/components/ui/input';
import { NumberInput } from '@/components/ui/number-input';
import { SensitivityView } from '@/components/negotiation/sensitivity-view';
import { amountUnitWord } from '@/lib/domain/format';
import { isLocale } from '@/lib/domain/locale';
import { versionLabel } from '@/lib/domain/version-label';
import { orNotFound, pageContext } from '@/lib/server/http/page-context';
import { DEFAULT_SENSITIVITY_PERCENT, getVersionSensitivity, ZOfferAmount, ZPercent } from '@/lib/server/negotiation/get-version-sensitivity';

type Query = { percent?: string | string[]; offer?: string | string[]; rows?: string | string[]; cols?: string | string[] };
const first = (value: string | string[] | undefined) => [value ?? []].flat()[0];

/**
 * How one version's bounds and payments move with each parameter; ?percent= sets the ± move,
 * ?offer= an offered yearly payment in the reader's unit, ?rows=&cols= the two-way table's parameters.
 */
export default async function SensitivityPage({ params, searchParams }: { params: Promise<{ dealId: string; versionId: string }>; searchParams: Promise<Query> }) {
  const [{ dealId, versionId }, query] = await Promise.all([params, searchParams]);
  const { actor, origin } = await pageContext();
  const asked = first(query.percent);
  const parsed = asked === undefined ? null : ZPercent.safeParse(asked);
  const percent = parsed?.success ? parsed.data : DEFAULT_SENSITIVITY_PERCENT;
  const askedOffer = first(query.offer)?.trim() || undefined;
  const offerParsed = askedOffer === undefined ? null : ZOfferAmount.safeParse(askedOffer);
  const offer = offerParsed?.success ? offerParsed.data : undefined;
  // The offer is typed in the reader's unit (decision 0050); the use case converts it to the version's.
  const data = await orNotFound(getVersionSensitivity({ actor, origin, dealId, versionId, percent, offer, offerScale: actor.amountUnit, rows: first(query.rows), cols: first(query.cols) }));
  const [t, locale] = await Promise.all([getTranslations('negotiation'), getLocale()]);
  const lang = isLocale(locale) ? locale : 'zh';
  const { version } = data;
  return (
    <div className="space-y-6">
      <nav className="flex flex-wrap gap-3 text-sm text-water-700" aria-label={t('breadcrumb')}>
        <Link href={`/deals/${dealId}`} className="hover:underline">
          {lang === 'en' ? data.deal.name : data.deal.nameZh}
        </Link>
        <span className="text-slate-400">/</span>
        <Link href={`/deals/${dealId}/versions/${version.id}`} className="hover:underline" data-testid="back-to-version">
          {versionLabel(version.scenario, version.number, lang)}
        </Link>
        <span className="text-slate-400">·</span>
        <Link href={`/deals/${dealId}/negotiation?versions=${version.id}`} className="hover:underline">
          {t('link')}
        </Link>
      </nav>
      <div>
        <h1 className="text-2xl font-semibold text-water-900">{t('sensitivity.title')}</h1>
        <p className="mt-1 text-slate-700">
          {versionLabel(version.scenario, version.number, lang)}{' '}
          <Badge tone="side" className="ml-1 text-xs">
            {t(`sides.${version.side}`)}
          </Badge>
        </p>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('sensitivity.intro')}</p>
      </div>
      <form method="get" action={`/deals/${dealId}/versions/${version.id}/sensitivity`} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <Field id="percent-input" label={t('sensitivity.percentLabel')}>
          <span className="flex items-center gap-1">
            ±
            <NumberInput name="percent" defaultValue={String(percent)} size="beside" className="w-24" testId="percent-input" />%
          </span>
        </Field>
        <Field id="offer-input" label={t('sensitivity.offerLabel', { scale: amountUnitWord(actor.amountUnit, lang) })} hint={t('sensitivity.offerHint')}>
          <NumberInput name="offer" defaultValue={offerParsed?.success ? offerParsed.data : ''} size="beside" className="w-40" testId="offer-input" />
        </Field>
        {data.sensitivity.twoWay && (
          <>
            <HiddenInput name="rows" value={data.sensitivity.twoWay.rows.id} />
            <HiddenInput name="cols" value={data.sensitivity.twoWay.cols.id} />
          </>
        )}
        <Button type="submit" testId="percent-apply">
          {t('sensitivity.apply')}
        </Button>
        {parsed && !parsed.success && (
          <p role="alert" className="text-red-700" data-testid="percent-invalid">
            {t('sensitivity.percentInvalid', { percent: DEFAULT_SENSITIVITY_PERCENT })}
          </p>
        )}
        {offerParsed && !offerParsed.success && (
          <p role="alert" className="text-red-700" data-testid="offer-invalid">
            {t('sensitivity.offerInvalid')}
          </p>
        )}
      </form>
      <SensitivityView data={data.sensitivity} lang={lang} />
    </div>
  );
}
