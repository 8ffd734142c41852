// The demo Shiyan deal with a fresh agreement on the two-way terms: offered by Shiyan, accepted by
// Beijing and signed by every signatory (Shiyan, Beijing and Tianjin, the deal's second downstream
// party), for e2e files that administer or probe a signed agreement.
import { demoPassword } from '../../lib/seed/demo-accounts';
import { templateTerms } from '../../lib/terms';
import { signInOverHttp, type HttpSession } from './http-session';
import { readDemoDeal } from './demo-deal';

export async function must<T>(answer: Promise<{ status: number; body: T }>, status: number, what: string): Promise<T> {
  const { status: got, body } = await answer;
  if (got !== status) throw new Error(`${what}: ${got} ${JSON.stringify(body).slice(0, 400)}`);
  return body;
}

/** The Shiyan deal's signatory of its second downstream party, Tianjin Water Authority (lib/seed): every party signs. */
export const tianjinEmail = 'tianjin@pes.demo';

/**
 * Signs `path` (an agreement's or an amendment's signatures) as each of `parties`, then as the
 * Shiyan deal's other signatory (Tianjin), signed in over HTTP: what was agreed is in force once all have.
 */
export async function signAsEveryParty(parties: HttpSession[], path: string): Promise<void> {
  for (const party of [...parties, await signInOverHttp(tianjinEmail, demoPassword)]) await must(party.json(path, 'POST', { password: demoPassword }), 201, 'sign');
}

/**
 * The two-way quality-index terms from 2021 to 2030, settled on the fund's lab. `rules`: what the
 * terms' monitoring section says of an indicator besides (a tolerance, say).
 */
export function twoWayTerms(rules: Record<string, Record<string, unknown>> = {}): Record<string, unknown> {
  const template = templateTerms('two-way-quality-index', 'zh');
  // The parties agreed on the section's station, commissioned by the fund, as the lab whose results
  // settle a year; a party's own lab result is compared with it within the tolerance.
  const monitoring = Object.fromEntries(Object.keys(template.indicators).map((name) => [name, { labs: 'fund', ...rules[name] }]));
  return { ...template, from: 2021, to: 2030, monitoring };
}

const tenYears = [{ from: 2021, to: 2030, amount: '200000' }];

/** Shiyan's offer of `terms` (the two-way terms unless given) with `schedule` on its latest version. */
export async function shiyanTermsOffer(
  upstream: HttpSession,
  rules: Record<string, Record<string, unknown>> = {},
  message?: string,
  terms: Record<string, unknown> = twoWayTerms(rules),
  schedule: { from: number; to: number; amount: string }[] = tenYears,
): Promise<{ dealId: string; offerId: string }> {
  const { dealId, versionId } = await readDemoDeal(async ({ dealId, latestVersion }) => ({ dealId, versionId: await latestVersion('UPSTREAM') }));
  const validUntil = new Date(Date.now() + 14 * 86_400_000).toISOString();
  const offer = await must(upstream.json<{ id: string }>(`/api/v1/deals/${dealId}/offers`, 'POST', { versionId, schedule, terms, validUntil, ...(message ? { message } : {}) }), 201, 'offer');
  return { dealId, offerId: offer.id };
}

/** The agreement of Shiyan's offer of `terms` (the two-way terms unless given) with `schedule`, accepted by Beijing and signed by every party. */
export async function signedShiyanAgreement(
  upstream: HttpSession,
  downstream: HttpSession,
  terms: Record<string, unknown> = twoWayTerms(),
  schedule: { from: number; to: number; amount: string }[] = tenYears,
): Promise<{ dealId: string; agreementId: string }> {
  const { dealId, offerId } = await shiyanTermsOffer(upstream, {}, undefined, terms, schedule);
  const { agreementId } = await must(downstream.json<{ agreementId: string }>(`/api/v1/deals/${dealId}/offers/${offerId}`, 'POST', { move: 'accept' }), 200, 'accept');
  await signAsEveryParty([upstream, downstream], `/api/v1/deals/${dealId}/agreements/${agreementId}/signatures`);
  return { dealId, agreementId };
}
