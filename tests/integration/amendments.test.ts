import { describe, expect, it } from 'vitest';
import type { ProposeAmendmentInput } from '../../lib/domain/amendments';
import { ConflictError, ForbiddenError, ValidationError } from '../../lib/domain/errors';
import { templateTerms } from '../../lib/terms';
import { getAgreement } from '../../lib/server/agreements/get-agreement';
import { proposeAmendment } from '../../lib/server/agreements/propose-amendment';
import { signAmendment } from '../../lib/server/agreements/sign-amendment';
import { confirmSettlement } from '../../lib/server/fund/confirm-settlement';
import { enterMonitoringValue } from '../../lib/server/fund/enter-monitoring-value';
import { getLedger } from '../../lib/server/fund/get-ledger';
import { getMonitoring } from '../../lib/server/fund/get-monitoring';
import { importMonitoringTable } from '../../lib/server/fund/import-monitoring-table';
import { runSettlementYear } from '../../lib/server/fund/run-settlement';
import { setFundingShares } from '../../lib/server/fund/set-funding-shares';
import { setIndicatorTolerances } from '../../lib/server/fund/set-indicator-tolerances';
import { testDb, testPassword } from '../factories';
import { signedAgreement, type SignedAgreement } from '../factories/signed-agreement';

let ip = 0;
const origin = () => ({ ip: `198.51.100.${++ip % 250}`, userAgent: 'vitest amendments' });
const now = new Date('2027-06-01T00:00:00Z');

// The two-way rule over 2021–2030; any one lab suffices, so that the fund's station and one party's
// lab are compared within the tolerance. No tolerance and no funding shares are signed: the labs
// must agree exactly, and the downstream party funds everything (docs/terms.md).
const base = { ...templateTerms('two-way-quality-index', 'en'), name: 'Two-way rule 2021–2030', from: 2021, to: 2030 };
const terms = { ...base, constants: { ...base.constants, amount: '200000000.05' }, monitoring: Object.fromEntries(Object.keys(base.indicators).map((name) => [name, { labs: 'either' }])) };
const schedule = [{ from: 2021, to: 2030, amount: '200000' }];
const good = { codmn: '2.31', nh3n: '0.10', tn: '1.05', tp: '0.026' };

const agreement = () => signedAgreement({ terms, schedule });

async function withResults(t: SignedAgreement, years: number[]) {
  const rows = years.flatMap((year) => Object.entries(good).map(([i, v]) => `${year},${i},${v},Fund station,${year}-01-10,${year}-12-15`));
  const csv = ['year,indicator,value,laboratory,sampledFrom,sampledTo', ...rows].join('\n');
  await importMonitoringTable({ actor: t.fundAdmin, origin: origin(), ...t.at, fileName: 'fund.csv', bytes: new TextEncoder().encode(csv) });
  // The upstream lab reads 0.14 higher: disputed while the labs must agree exactly.
  for (const year of years) {
    await enterMonitoringValue({
      actor: t.upstream,
      origin: origin(),
      ...t.at,
      input: { year, indicator: 'codmn', value: '2.45', laboratory: 'Upstream lab', sampledFrom: `${year}-03-01`, sampledTo: `${year}-03-31` },
    });
  }
}

const looser = {
  effectiveFrom: 2024,
  reason: 'The labs use different methods; 10 % of the mean covers them.',
  changes: { monitoring: { codmn: { tolerance: { relative: '0.1' } } }, fundingShares: { central: '0.5', downstream: '0.5' } },
};

const propose = (t: SignedAgreement, input: ProposeAmendmentInput = looser, actor = t.fundAdmin) => proposeAmendment({ actor, origin: origin(), ...t.at, input });
const sign = (t: SignedAgreement, amendmentId: string, actor = t.upstream, password = testPassword) => signAmendment({ actor, origin: origin(), ...t.at, amendmentId, input: { password }, now });
const codmn = async (t: SignedAgreement, year: number) => (await getMonitoring({ actor: t.fundAdmin, origin: origin(), ...t.at })).cells.find((c) => c.year === year && c.indicator === 'codmn');

describe('amendments of a signed agreement', () => {
  it('are needed: after signing the fund can change neither a tolerance nor the funding shares directly', async () => {
    const t = await agreement();
    await withResults(t, [2024]);
    await expect(setIndicatorTolerances({ actor: t.fundAdmin, origin: origin(), ...t.at, input: { tolerances: { codmn: { absolute: null, relative: '0.1' } } } })).rejects.toMatchObject({
      status: 409,
      message: expect.stringMatching(/only by an amendment both parties sign/),
    });
    await expect(setFundingShares({ actor: t.fundAdmin, origin: origin(), ...t.at, input: { shares: { CENTRAL: '0.5', DOWNSTREAM: '0.5' } } })).rejects.toBeInstanceOf(ConflictError);
    // Someone who may not administer is still told so first.
    await expect(setFundingShares({ actor: t.upstream, origin: origin(), ...t.at, input: { shares: { CENTRAL: '1' } } })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await testDb().indicatorTolerance.count({ where: { agreementId: t.agreementId } })).toBe(0);
    expect(await testDb().fundingShare.count({ where: { agreementId: t.agreementId } })).toBe(0);
    expect(await codmn(t, 2024)).toMatchObject({ state: 'disputed', allowed: '0' });
  });

  it('take effect from their first year once both parties have signed with their passwords; earlier years keep their rules', async () => {
    const t = await agreement();
    await withResults(t, [2023, 2024]);
    const { id, number } = await propose(t);
    expect(number).toBe(1);

    // Proposed is not agreed: nothing changes yet.
    expect(await codmn(t, 2024)).toMatchObject({ state: 'disputed' });
    expect(await sign(t, id)).toMatchObject({ effective: false });
    expect(await codmn(t, 2024)).toMatchObject({ state: 'disputed' });

    // A wrong password writes nothing; one side cannot sign twice.
    await expect(sign(t, id, t.downstream, 'not the password')).rejects.toMatchObject({ status: 400, field: 'password' });
    expect(await testDb().agreementAmendmentSignature.count({ where: { amendmentId: id } })).toBe(1);
    await expect(sign(t, id, t.upstream)).rejects.toMatchObject({ status: 409, message: 'you have already signed amendment no. 1' });
    await expect(sign(t, id, t.fundAdmin)).rejects.toMatchObject({ status: 403 });
    expect(await testDb().agreementAmendmentSignature.count({ where: { amendmentId: id } })).toBe(1);

    expect(await sign(t, id, t.downstream)).toMatchObject({ effective: true });
    await expect(sign(t, id, t.downstream)).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/in force: it cannot be signed again/) });

    // 2024 on: 10 % of the mean (0.238) covers the difference of 0.14. 2023 keeps the signed rule.
    expect(await codmn(t, 2024)).toMatchObject({ state: 'agreed', value: '2.38', allowed: '0.238' });
    expect(await codmn(t, 2023)).toMatchObject({ state: 'disputed', allowed: '0' });
    const run = await runSettlementYear({ actor: t.fundAdmin, origin: origin(), ...t.at, year: 2024, now });
    expect(run.shares).toEqual({ CENTRAL: '0.5', DOWNSTREAM: '0.5', UPSTREAM: '0' });
    expect(run.funders.find((f) => f.funder === 'UPSTREAM')).toMatchObject({ due: '0.00' });
    const ledger = await getLedger({ actor: t.downstream, origin: origin(), ...t.at });
    const scheduled = (year: number, funder: string) => ledger.lines.find((l) => l.year === year && l.funder === funder)?.scheduled;
    // 2023: the default, the downstream party alone (a funder with nothing due has no line).
    expect([scheduled(2023, 'CENTRAL'), scheduled(2023, 'DOWNSTREAM')]).toEqual([undefined, '200000000.00']);
    expect([scheduled(2024, 'CENTRAL'), scheduled(2024, 'DOWNSTREAM')]).toEqual(['100000000.00', '100000000.00']);

    const page = await getAgreement({ actor: t.upstream, origin: origin(), ...t.at });
    expect(page.amendments).toMatchObject([
      { number: 1, effectiveFrom: 2024, signedAt: now.toISOString(), me: { isSignatory: true, hasSigned: true }, signatures: [{ signedAt: expect.any(String) }, { signedAt: expect.any(String) }] },
    ]);
    expect(page.audit.filter((e) => e.action.startsWith('agreement.amendment')).map((e) => [e.action, e.description.values.signatures ?? null, e.description.values.effective ?? null])).toEqual([
      ['agreement.amendment_proposed', null, null],
      ['agreement.amendment_signed', '1/2', 'no'],
      ['agreement.amendment_signed', '2/2', 'yes'],
    ]);
    expect(page.hashVerified).toBe(true);
  });

  it('refuse a proposal that would not read, changes nothing, or reaches back into a confirmed year', async () => {
    const t = await agreement();
    await withResults(t, [2022]);
    await expect(propose(t, looser, t.viewer)).rejects.toMatchObject({ status: 403 });
    const refused = await propose(t, {
      effectiveFrom: 2031,
      reason: 'x',
      changes: { monitoring: { xyz: { tolerance: { absolute: '-1' } } }, fundingShares: { central: '0.6', downstream: '0.5' } },
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).problems.map((p) => p.field).sort()).toEqual(['changes.fundingShares', 'changes.monitoring.xyz', 'changes.monitoring.xyz.tolerance.absolute', 'effectiveFrom']);
    await expect(propose(t, { effectiveFrom: 2025, reason: 'x', changes: {} })).rejects.toMatchObject({ problems: [{ field: 'changes' }] });

    // A party's signatory may propose too. Once 2022 is confirmed, an amendment starts in 2023 at the earliest.
    await propose(t, { ...looser, effectiveFrom: 2022 }, t.downstream);
    await enterMonitoringValue({
      actor: t.fundAdmin,
      origin: origin(),
      ...t.at,
      input: { year: 2022, indicator: 'codmn', value: '2.45', laboratory: 'Fund station', sampledFrom: '2022-05-01', sampledTo: '2022-05-02' },
    });
    const draft = await runSettlementYear({ actor: t.fundAdmin, origin: origin(), ...t.at, year: 2022, now });
    await confirmSettlement({ actor: t.fundAdmin, origin: origin(), ...t.at, settlementId: draft.id, fingerprint: draft.fingerprint, now });
    await expect(propose(t, { ...looser, effectiveFrom: 2022 })).rejects.toMatchObject({ problems: [{ field: 'effectiveFrom', message: expect.stringContaining('between 2023 and 2030') }] });
    // The pending amendment from 2022 can no longer be signed: it would change a confirmed year.
    const pending = await testDb().agreementAmendment.findFirstOrThrow({ where: { agreementId: t.agreementId } });
    await expect(sign(t, pending.id)).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/settlement of 2022 was confirmed/) });
  });

  it('are appended: the database refuses to change or delete a signed one, or to sign one on fewer signatures', async () => {
    const t = await agreement();
    const pending = await propose(t);
    await expect(testDb().$executeRawUnsafe(`UPDATE "AgreementAmendment" SET "signedAt" = now() WHERE id = '${pending.id}'`)).rejects.toThrow(/a signatory has not signed/);
    await expect(testDb().$executeRawUnsafe(`UPDATE "AgreementAmendment" SET reason = 'rewritten' WHERE id = '${pending.id}'`)).rejects.toThrow(/only its signing may change/);
    await expect(testDb().$executeRawUnsafe(`DELETE FROM "AgreementAmendment" WHERE id = '${pending.id}'`)).rejects.toThrow(/DELETE refused/);

    await sign(t, pending.id, t.upstream);
    await sign(t, pending.id, t.downstream);
    await expect(testDb().$executeRawUnsafe(`UPDATE "AgreementAmendment" SET changes = '{}'::jsonb WHERE id = '${pending.id}'`)).rejects.toThrow(/signed and immutable/);
    await expect(testDb().$executeRawUnsafe(`UPDATE "AgreementAmendment" SET "effectiveFrom" = 2021 WHERE id = '${pending.id}'`)).rejects.toThrow(/signed and immutable/);
    await expect(testDb().$executeRawUnsafe(`DELETE FROM "AgreementAmendment" WHERE id = '${pending.id}'`)).rejects.toThrow(/DELETE refused/);
    await expect(testDb().$executeRawUnsafe(`DELETE FROM "AgreementAmendmentSignature" WHERE "amendmentId" = '${pending.id}'`)).rejects.toThrow(/immutable|refused/);
    const signatory = await testDb().agreementSignatory.findFirstOrThrow({ where: { agreementId: t.agreementId } });
    await expect(testDb().agreementAmendmentSignature.create({ data: { amendmentId: pending.id, signatoryId: signatory.id, signedAt: now } })).rejects.toThrow();
    const stored = await testDb().agreementAmendment.findUniqueOrThrow({ where: { id: pending.id }, include: { signatures: true } });
    expect(stored).toMatchObject({ effectiveFrom: 2024, reason: looser.reason, changes: looser.changes, signatures: [{}, {}] });
  });
});
