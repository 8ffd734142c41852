import 'server-only';
import type { OfferTermsView } from '@/lib/contracts/offers';
import { D } from '@/lib/engine/decimal';
import type { StoredOfferCheck } from '@/lib/engine/offer-schedule';
import { parseMonitoring, parseTerms, settle } from '@/lib/terms';
import { monitoringRules } from '@/lib/terms/monitoring-rules';

/**
 * The terms of an offer as its receiver reads them: formulas, constants, indicators and the
 * back-test the sender ran, settled again here on the monitoring data sent with the offer, with
 * `scheduled` the offer's own amount of each year in the terms' unit. Null without terms.
 */
export function offerTermsView(terms: unknown, monitoring: unknown, check: StoredOfferCheck): OfferTermsView | null {
  if (!terms) return null;
  const parsed = parseTerms(terms);
  if (!parsed.ok) return null;
  const { name, currency, unit, from, to, constants, indicators, formulas } = parsed.terms;
  const data = monitoring ? parseMonitoring(monitoring, parsed.terms) : null;
  // Offers sent before the check knew its unit carry no `scheduled` for the back-test.
  const scheduled = check.unit ? Object.fromEntries(check.years.map((y) => [String(y.year), D(y.offered).times(check.unit!).div(unit).toFixed()])) : undefined;
  return {
    name,
    currency,
    unit,
    from,
    to,
    constants,
    indicators,
    formulas: formulas.map((f) => ({ name: f.name, expr: f.expr })),
    belowLimit: Object.fromEntries(Object.entries(monitoringRules(parsed.terms)).map(([name, rule]) => [name, rule.belowLimit])),
    backTest: data && data.ok ? { monitoring: data.monitoring, settlement: settle(parsed.terms, data.monitoring, scheduled ? { scheduled } : {}) } : null,
  };
}
