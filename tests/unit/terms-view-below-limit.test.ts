import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { NextIntlClientProvider } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { TermsView } from '@/components/terms/terms-view';
import type { StoredOfferCheck } from '@/lib/engine/offer-schedule';
import { offerTermsView } from '@/lib/server/offers/offer-terms';
import type { Sample } from '@/lib/terms/measurement';
import { measurementFigure } from '@/lib/terms/samples';
import { findTemplate } from '@/lib/terms/templates';
import en from '@/messages/en.json';

// An offer's terms as its receiver reads them (item 5 of the terms-templates brief): a list of
// samples is shown with its annual mean, and a censored sample ("<0.01") counts as the terms'
// detection-limit rule says, here half the limit for total phosphorus (the Xin'an template), as the
// settlement counts it, not as the default rule (the limit itself).

const xinan = findTemplate('xinan-p-index')!;
const noCheck = { years: [] } as unknown as StoredOfferCheck;
const tp2018 = xinan.sample.monitoring['2018']!.tp as readonly Sample[];

describe('the terms view of an offer with sample lists', () => {
  it('carries each indicator’s detection-limit rule as the terms state it', () => {
    const view = offerTermsView(xinan.terms, xinan.sample.monitoring, noCheck)!;
    expect(view.belowLimit).toEqual({ codmn: 'limit', nh3n: 'limit', tp: 'half', tn: 'limit' });
  });

  it('shows a sample list’s mean counted by the signed rule', () => {
    const view = offerTermsView(xinan.terms, xinan.sample.monitoring, noCheck)!;
    const html = renderToStaticMarkup(
      // The provider's children are a required prop in its typings.
      // eslint-disable-next-line react/no-children-prop
      createElement(NextIntlClientProvider, { locale: 'en', messages: en, timeZone: 'Asia/Shanghai', children: createElement(TermsView, { terms: view }) }),
    );
    const half = measurementFigure(tp2018, { belowLimit: 'half' })!;
    const atLimit = measurementFigure(tp2018, { belowLimit: 'limit' })!;
    expect(half).not.toBe(atLimit);
    expect(html).toContain(`12 samples, annual mean ${half}`);
    expect(html).not.toContain(`annual mean ${atLimit}`);
  });
});
