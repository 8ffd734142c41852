// The demo's signed agreement, made the way the parties and the fund make one: through the use
// cases, so its offer, signatures, results, dispute, settlements and payments carry the same
// checks, hashes and audit events as any other (lib/seed writes only what has no use case).
//
//   tsx --conditions=react-server scripts/seed-demo-agreement.ts   (DATABASE_URL set)
//
// Run by `npm start` and the e2e set-up after lib/seed; a Miyun deal that has an agreement is
// left alone. The agreement: Chengde's score-based terms with a 60 % advance, 2021–2030, offered
// on the seeded Miyun version, accepted and signed by Beijing and Chengde. Both labs report
// 2021–2025; in 2022 their phosphorus results differ by more than the agreed tolerance and the
// fund averages them. 2021–2024 are settled and paid; 2025 has its advance and both labs'
// results, for the fund to settle.
import Decimal from 'decimal.js';
import type { Actor } from '../lib/domain/actor';
import { beijingDay } from '../lib/domain/format';
import { demoPassword } from '../lib/seed/demo-accounts';
import { miyunAgreementTexts as texts } from '../lib/seed/demo-texts';
import { compileTerms, evaluateExpression, parseTerms, templateTerms } from '../lib/terms';

const origin = { ip: '127.0.0.1', userAgent: 'demo seed' };
const from = 2021;
const to = 2030;
const settledYears = [2021, 2022, 2023, 2024];

// What each lab measured (mg/L; volume in 10⁸ m³). In 2022 TP differs by 0.01 > 0.005: a dispute.
const results: Record<number, Record<string, [upstream: string, downstream: string]>> = {
  2021: { codmn: ['3.2', '3.3'], nh3n: ['0.35', '0.33'], tp: ['0.060', '0.062'], volume: ['92', '91.5'] },
  2022: { codmn: ['3.6', '3.7'], nh3n: ['0.42', '0.40'], tp: ['0.085', '0.095'], volume: ['84', '84.3'] },
  2023: { codmn: ['2.9', '3.0'], nh3n: ['0.28', '0.27'], tp: ['0.040', '0.042'], volume: ['96.5', '96'] },
  2024: { codmn: ['3.1', '3.0'], nh3n: ['0.30', '0.28'], tp: ['0.050', '0.052'], volume: ['90', '90.8'] },
  2025: { codmn: ['2.8', '2.9'], nh3n: ['0.26', '0.25'], tp: ['0.045', '0.047'], volume: ['94', '93.5'] },
};

const monitoring = {
  codmn: { unit: 'mg/L', direction: 'lower', tolerance: { absolute: '0.3' }, labs: 'both' },
  nh3n: { unit: 'mg/L', direction: 'lower', tolerance: { absolute: '0.05' }, labs: 'both' },
  tp: { unit: 'mg/L', direction: 'lower', tolerance: { absolute: '0.005' }, labs: 'both' },
  volume: { unit: '10⁸ m³', direction: 'higher', tolerance: { relative: '0.02' }, labs: 'both' },
};

/** The year's advance as the terms' own `advance` formula gives it (it reads constants only), in the terms' unit. */
function termsAdvance(document: unknown): Decimal {
  const parsed = parseTerms(document);
  if (!parsed.ok) throw new Error(`seed-demo-agreement: the demo terms do not parse: ${JSON.stringify(parsed.problems)}`);
  const compiled = compileTerms(parsed.terms);
  const formula = compiled.formulas.find((f) => f.name === 'advance');
  if (!formula) throw new Error('seed-demo-agreement: the demo terms have no advance formula');
  const value = evaluateExpression(formula.expression.root, (name) => compiled.constants.get(name));
  if (typeof value === 'boolean') throw new Error('seed-demo-agreement: the advance formula gave a condition');
  return new Decimal(value.toString());
}

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) throw new Error('seed-demo-agreement: DATABASE_URL is not set');
  // Imported here: the data-access layer reads DATABASE_URL on first use.
  const { db } = await import('../lib/server/db');
  const { loadActor } = await import('../lib/server/auth/current-actor');
  const { sendOffer } = await import('../lib/server/offers/send-offer');
  const { answerOffer } = await import('../lib/server/offers/answer-offer');
  const { signAgreement } = await import('../lib/server/agreements/sign-agreement');
  const { enterMonitoringValue } = await import('../lib/server/fund/enter-monitoring-value');
  const { resolveDispute } = await import('../lib/server/fund/resolve-dispute');
  const { runSettlementYear } = await import('../lib/server/fund/run-settlement');
  const { confirmSettlement } = await import('../lib/server/fund/confirm-settlement');
  const { recordPayment } = await import('../lib/server/fund/record-payment');

  const prisma = db();
  const deal = await prisma.deal.findUnique({ where: { slug: 'miyun-illustrative' } });
  if (!deal) throw new Error('seed-demo-agreement: the Miyun demo deal is missing; run the demo seed first');
  if ((await prisma.agreement.count({ where: { dealId: deal.id } })) > 0) return;

  const actor = async (email: string): Promise<Actor> => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    const loaded = await loadActor(user.id);
    if (!loaded) throw new Error(`seed-demo-agreement: ${email} cannot act`);
    return loaded;
  };
  const [chengde, beijing, fund] = [await actor('chengde@pes.demo'), await actor('beijing@pes.demo'), await actor('fund@pes.demo')];
  const at = { dealId: deal.id };

  const version = await prisma.scenarioVersion.findFirstOrThrow({ where: { scenario: { dealId: deal.id, side: 'UPSTREAM' } }, orderBy: { createdAt: 'desc' } });
  const terms = { ...templateTerms('score-based', 'zh', { from, to, unit: deal.unit, currency: deal.currency }), name: texts.termsName, monitoring };
  const offer = await sendOffer({
    actor: chengde,
    origin,
    ...at,
    input: { versionId: version.id, schedule: [{ from, to, amount: '15000' }], terms, validUntil: new Date(Date.now() + 30 * 86_400_000), message: texts.offerMessage },
  });
  const { agreementId } = (await answerOffer({ actor: beijing, origin, ...at, offerId: offer.id, input: { move: 'accept' } })) as { agreementId: string };
  for (const party of [chengde, beijing]) await signAgreement({ actor: party, origin, ...at, agreementId, input: { password: demoPassword } });
  const inAgreement = { ...at, agreementId };

  for (const [year, indicators] of Object.entries(results)) {
    for (const [indicator, [upstream, downstream]] of Object.entries(indicators)) {
      const sampling = { year: Number(year), indicator, sampledFrom: `${year}-01-05`, sampledTo: `${year}-12-20` };
      await enterMonitoringValue({ actor: chengde, origin, ...inAgreement, input: { ...sampling, value: upstream, laboratory: texts.upstreamLab } });
      await enterMonitoringValue({ actor: beijing, origin, ...inAgreement, input: { ...sampling, value: downstream, laboratory: texts.downstreamLab } });
    }
  }
  await resolveDispute({ actor: fund, origin, ...inAgreement, input: { method: 'AVERAGE', year: 2022, indicator: 'tp', note: texts.disputeNote } });

  // The money moved on the day the agreement was signed: each year's advance, then the balance
  // of every settled year (a refund where the advance was more than the year earned).
  const advance = termsAdvance(terms).times(deal.unit).toFixed(2);
  const today = beijingDay(new Date());
  for (const year of Object.keys(results).map(Number)) {
    await recordPayment({
      actor: fund,
      origin,
      ...inAgreement,
      input: { year, funder: 'DOWNSTREAM', direction: 'TO_UPSTREAM', amount: advance, paidOn: today, reference: `${texts.advanceReference} ${year}` },
    });
  }
  for (const year of settledYears) {
    const draft = await runSettlementYear({ actor: fund, origin, ...inAgreement, year });
    const confirmed = await confirmSettlement({ actor: fund, origin, ...inAgreement, settlementId: draft.id, fingerprint: draft.fingerprint });
    const balance = new Decimal(confirmed.balance);
    if (balance.isZero()) continue;
    const refund = balance.isNegative();
    await recordPayment({
      actor: fund,
      origin,
      ...inAgreement,
      input: {
        year,
        funder: 'DOWNSTREAM',
        direction: refund ? 'FROM_UPSTREAM' : 'TO_UPSTREAM',
        amount: balance.abs().toFixed(2),
        paidOn: today,
        reference: `${refund ? texts.refundReference : texts.balanceReference} ${year}`,
      },
    });
  }
  console.log(`Demo agreement seeded: Miyun, ${from}–${to}, ${settledYears.length} years settled.`);
  await prisma.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
