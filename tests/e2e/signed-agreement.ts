// The demo Shiyan deal with a fresh agreement on the two-way terms: offered by Shiyan, accepted by
// Beijing and signed by both, for e2e files that administer or probe a signed agreement.
import { demoPassword } from '../../lib/seed/demo-accounts';
import { templateTerms } from '../../lib/terms';
import type { HttpSession } from './http-session';
import { readDemoDeal } from './demo-deal';

export async function must<T>(answer: Promise<{ status: number; body: T }>, status: number, what: string): Promise<T> {
  const { status: got, body } = await answer;
  if (got !== status) throw new Error(`${what}: ${got} ${JSON.stringify(body).slice(0, 400)}`);
  return body;
}

/**
 * The two-way quality-index terms from 2021 to 2030. `rules`: what the terms' monitoring section
 * says of an indicator besides the fund's lab (a tolerance, say).
 */
export function twoWayTerms(rules: Record<string, Record<string, unknown>> = {}): Record<string, unknown> {
  const template = templateTerms('two-way-quality-index', 'zh');
  // The parties agreed on the section's station, commissioned by the fund, as the lab whose results
  // settle a year; a party's own lab result is compared with it within the tolerance.
  const monitoring = Object.fromEntries(Object.keys(template.indicators).map((name) => [name, { labs: 'fund', ...rules[name] }]));
  return { ...template, from: 2021, to: 2030, monitoring };
}

/** Shiyan offers `terms` (the two-way terms unless given) on its latest version with `schedule`, Beijing accepts, both sign. */
export async function signedShiyanAgreement(
  upstream: HttpSession,
  downstream: HttpSession,
  terms: Record<string, unknown> = twoWayTerms(),
  schedule: { from: number; to: number; amount: string }[] = [{ from: 2021, to: 2030, amount: '200000' }],
): Promise<{ dealId: string; agreementId: string }> {
  const { dealId, versionId } = await readDemoDeal(async ({ dealId, latestVersion }) => ({ dealId, versionId: await latestVersion('UPSTREAM') }));
  const validUntil = new Date(Date.now() + 14 * 86_400_000).toISOString();
  const offer = await must(upstream.json<{ id: string }>(`/api/v1/deals/${dealId}/offers`, 'POST', { versionId, schedule, terms, validUntil }), 201, 'offer');
  const { agreementId } = await must(downstream.json<{ agreementId: string }>(`/api/v1/deals/${dealId}/offers/${offer.id}`, 'POST', { move: 'accept' }), 200, 'accept');
  for (const party of [upstream, downstream]) await must(party.json(`/api/v1/deals/${dealId}/agreements/${agreementId}/signatures`, 'POST', { password: demoPassword }), 201, 'sign');
  return { dealId, agreementId };
}
