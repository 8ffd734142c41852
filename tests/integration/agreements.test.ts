import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { shiyanDocument } from '../../lib/engine';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../lib/domain/errors';
import { anchorLogPath, readAnchors } from '../../lib/infra/audit-anchors';
import { verifyAuditChains } from '../../lib/infra/audit-chain';
import { agreementHash, loadAgreementRows } from '../../lib/server/agreements/agreement-content';
import { exportCanonicalAgreement } from '../../lib/server/agreements/export-canonical-agreement';
import { getAgreement } from '../../lib/server/agreements/get-agreement';
import { listAgreements } from '../../lib/server/agreements/list-agreements';
import { listFundAgreements } from '../../lib/server/agreements/list-fund-agreements';
import { renderAgreementPdf } from '../../lib/server/agreements/render-agreement-pdf';
import { signAgreement, TooManyAttemptsError } from '../../lib/server/agreements/sign-agreement';
import { loadActor } from '../../lib/server/auth/current-actor';
import { addDealMember } from '../../lib/server/deals/add-deal-member';
import { changeDealMember } from '../../lib/server/deals/change-deal-member';
import { changeDealStatus } from '../../lib/server/deals/change-deal-status';
import { listPendingTasks } from '../../lib/server/deals/list-pending-tasks';
import { answerOffer } from '../../lib/server/offers/answer-offer';
import { searchFundArchive } from '../../lib/server/fund/search-fund-archive';
import { sendOffer } from '../../lib/server/offers/send-offer';
import { saveScenarioVersion } from '../../lib/server/scenarios/save-scenario-version';
import { makeDeal, makeUser, testDb, testPassword } from '../factories';

let ipCounter = 0;
/** Each test signs from an address of its own, so the per-address limiter of one test never blocks another. */
const originFor = () => ({ ip: `198.51.100.${++ipCounter}`, userAgent: 'vitest agreements' });
const origin = originFor();
const inAMonth = () => new Date(Date.now() + 30 * 86_400_000);
// Shiyan version: unit 1000 CNY; 6 000 000 thousand a year over 2021–2030 is 60 000 000 000 CNY.
const schedule = [{ from: 2021, to: 2030, amount: '6000000' }];
const terms = {
  format: 'payment-terms/1',
  name: '水质考核 water-quality rule',
  currency: 'CNY',
  unit: 1000,
  from: 2021,
  to: 2030,
  constants: { k: '0.9', amount: '6000000' },
  indicators: { codmn: 'mg/L' },
  formulas: [{ name: 'payment', expr: 'codmn <= 2.6 ? amount : 0' }],
};

type Actor = NonNullable<Awaited<ReturnType<typeof loadActor>>>;

/** A negotiating deal with two upstream signatories, one downstream signatory, and members without the sign right. */
async function table(options: { downstreamSigner?: boolean } = {}) {
  const [up1, up2, down, downEditor, fund, viewer, disabledSigner] = await Promise.all([
    makeUser(),
    makeUser(),
    makeUser(),
    makeUser(),
    makeUser({ role: 'FUND_ADMIN', kind: 'WATER_FUND' }),
    makeUser(),
    makeUser(),
  ]);
  const deal = await makeDeal([
    { userId: up1.id, side: 'UPSTREAM', canEdit: true, canSign: true },
    { userId: up2.id, side: 'UPSTREAM', canSign: true },
    { userId: down.id, side: 'DOWNSTREAM', canEdit: true, canSign: options.downstreamSigner ?? true },
    { userId: downEditor.id, side: 'DOWNSTREAM', canEdit: true },
    { userId: fund.id, side: 'FUND', canEdit: true },
    { userId: viewer.id, side: 'OBSERVER' },
    { userId: disabledSigner.id, side: 'DOWNSTREAM', canSign: true },
  ]);
  await testDb().user.update({ where: { id: disabledSigner.id }, data: { disabled: true } });
  await testDb().deal.update({ where: { id: deal.id }, data: { status: 'NEGOTIATING' } });
  const actors = await Promise.all([up1, up2, down, downEditor, fund, viewer].map((u) => loadActor(u.id)));
  const [upstream, upstream2, downstream, editor, fundAdmin, reader] = actors as Actor[];
  const { versionId } = await saveScenarioVersion({ actor: upstream!, origin, dealId: deal.id, input: { document: shiyanDocument(), message: 'v1' } });
  return { deal, versionId, upstream: upstream!, upstream2: upstream2!, downstream: downstream!, editor: editor!, fundAdmin: fundAdmin!, reader: reader!, disabledSigner };
}

async function drafted(options?: Parameters<typeof table>[0]) {
  const t = await table(options);
  const offer = await sendOffer({ actor: t.upstream, origin, dealId: t.deal.id, input: { versionId: t.versionId, schedule, terms, validUntil: inAMonth() } });
  const accepted = await answerOffer({ actor: t.downstream, origin, dealId: t.deal.id, offerId: offer.id, input: { move: 'accept' } });
  return { ...t, offer, agreementId: (accepted as { agreementId: string }).agreementId };
}

const sign = (actor: Actor, dealId: string, agreementId: string, password = testPassword, from = origin) => signAgreement({ actor, origin: from, dealId, agreementId, input: { password } });

describe('agreements: drafting', () => {
  it('drafts the agreement in the acceptance, with every active signer of both sides as signatory', async () => {
    const t = await drafted();
    expect(t.agreementId).toEqual(expect.any(String));
    const agreement = await getAgreement({ actor: t.fundAdmin, origin, dealId: t.deal.id, agreementId: t.agreementId });
    expect(agreement).toMatchObject({
      number: 1,
      status: 'DRAFT',
      offerId: t.offer.id,
      versionId: t.versionId,
      startYear: 2021,
      endYear: 2030,
      currency: 'CNY',
      unit: 1000,
      totalAmount: '60000000000',
      hash: null,
      hashVerified: null,
      archivedAt: null,
      signatures: { given: 0, required: 3 },
      awaitingMySignature: false,
      terms: { name: '水质考核 water-quality rule' },
      schedule: [{ from: 2021, to: 2030, amount: '6000000', perYear: '6000000000' }],
      version: { id: t.versionId, number: 1 },
    });
    expect(agreement.signatories.map((s) => [s.userId, s.side]).sort()).toEqual(
      [
        [t.upstream.id, 'UPSTREAM'],
        [t.upstream2.id, 'UPSTREAM'],
        [t.downstream.id, 'DOWNSTREAM'],
      ].sort(),
    );
    expect(agreement.signatories.some((s) => s.userId === t.disabledSigner.id || s.userId === t.editor.id || s.userId === t.fundAdmin.id)).toBe(false);
    expect(agreement.parties.map((p) => p.side)).toEqual(['UPSTREAM', 'DOWNSTREAM']);
    expect(agreement.audit.map((e) => e.action)).toEqual(['offer.sent', 'agreement.drafted', 'offer.accepted']);
    expect((await getAgreement({ actor: t.upstream, origin, dealId: t.deal.id, agreementId: t.agreementId })).awaitingMySignature).toBe(true);
    expect((await listAgreements({ actor: t.downstream, origin, dealId: t.deal.id }))[0]).toMatchObject({ id: t.agreementId, awaitingMySignature: true, hashVerified: null });
  });

  it('drafts nothing on reject or withdraw, and refuses an acceptance no one could sign', async () => {
    const t = await table();
    const send = () => sendOffer({ actor: t.upstream, origin, dealId: t.deal.id, input: { versionId: t.versionId, schedule, validUntil: inAMonth() } });
    const rejected = await answerOffer({ actor: t.downstream, origin, dealId: t.deal.id, offerId: (await send()).id, input: { move: 'reject', reason: 'too high' } });
    expect(rejected).not.toHaveProperty('agreementId');
    await answerOffer({ actor: t.upstream, origin, dealId: t.deal.id, offerId: (await send()).id, input: { move: 'withdraw' } });
    expect(await testDb().agreement.count({ where: { dealId: t.deal.id } })).toBe(0);

    const unsignable = await table({ downstreamSigner: false });
    const offer = await sendOffer({ actor: unsignable.upstream, origin, dealId: unsignable.deal.id, input: { versionId: unsignable.versionId, schedule, validUntil: inAMonth() } });
    await expect(answerOffer({ actor: unsignable.downstream, origin, dealId: unsignable.deal.id, offerId: offer.id, input: { move: 'accept' } })).rejects.toThrow(
      /no member of the downstream side may sign/,
    );
    expect((await testDb().offer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe('SENT');
    expect(await testDb().agreement.count({ where: { dealId: unsignable.deal.id } })).toBe(0);
  });

  it('shows a deal’s agreements to its members only', async () => {
    const t = await drafted();
    const stranger = (await loadActor((await makeUser()).id))!;
    await expect(listAgreements({ actor: stranger, origin, dealId: t.deal.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAgreement({ actor: stranger, origin, dealId: t.deal.id, agreementId: t.agreementId })).rejects.toBeInstanceOf(NotFoundError);
    const other = await drafted();
    // An agreement id of another deal is not found, not forbidden.
    await expect(getAgreement({ actor: t.upstream, origin, dealId: t.deal.id, agreementId: other.agreementId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAgreement({ actor: t.upstream, origin, dealId: t.deal.id, agreementId: 'not-an-id' })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('agreements: signing', () => {
  it('needs the sign right, a designated signatory and the right password; a refusal writes nothing', async () => {
    const t = await drafted();
    const from = originFor();
    await expect(sign(t.reader, t.deal.id, t.agreementId, testPassword, from)).rejects.toMatchObject({ status: 403, right: 'sign' });
    await expect(sign(t.editor, t.deal.id, t.agreementId, testPassword, from)).rejects.toBeInstanceOf(ForbiddenError);
    // Given the sign right after drafting: a member, but not one of this agreement's signatories.
    const late = await makeUser();
    // Only a platform administrator (a member of the deal) gives a party's side and a sign right.
    const platformAdmin = await makeUser({ role: 'ADMIN' });
    await testDb().dealMember.create({ data: { dealId: t.deal.id, userId: platformAdmin.id, side: 'OBSERVER' } });
    await addDealMember({ actor: (await loadActor(platformAdmin.id))!, origin, dealId: t.deal.id, input: { userId: late.id, side: 'UPSTREAM', canEdit: false, canSign: true } });
    await expect(sign((await loadActor(late.id))!, t.deal.id, t.agreementId, testPassword, from)).rejects.toMatchObject({ status: 403, right: expect.stringMatching(/designated signatories/) });

    const eventsBefore = await testDb().auditEvent.count({ where: { dealId: t.deal.id } });
    await expect(sign(t.upstream, t.deal.id, t.agreementId, 'not-my-password', from)).rejects.toMatchObject({ status: 400, field: 'password' });
    await expect(sign(t.upstream, t.deal.id, t.agreementId, 'not-my-password', from)).rejects.toBeInstanceOf(ValidationError);
    expect(await testDb().agreementSignature.count({ where: { agreementId: t.agreementId } })).toBe(0);
    expect(await testDb().auditEvent.count({ where: { dealId: t.deal.id } })).toBe(eventsBefore);
    expect(await testDb().auditEvent.count({ where: { action: 'agreement.sign_failed', objectId: t.agreementId, dealId: null } })).toBe(2);

    const signed = await sign(t.upstream, t.deal.id, t.agreementId, testPassword, from);
    expect(signed).toMatchObject({ status: 'DRAFT', hash: null });
    await expect(sign(t.upstream, t.deal.id, t.agreementId, testPassword, from)).rejects.toBeInstanceOf(ConflictError);
  });

  it('blocks password guessing with the sign-in limiter, even with the right password', async () => {
    const t = await drafted();
    const from = originFor();
    for (let i = 0; i < 5; i++) await expect(sign(t.upstream2, t.deal.id, t.agreementId, `guess-${i}`, from)).rejects.toBeInstanceOf(ValidationError);
    const blocked = await sign(t.upstream2, t.deal.id, t.agreementId, testPassword, from).catch((error: unknown) => error);
    expect(blocked).toBeInstanceOf(TooManyAttemptsError);
    expect(blocked).toMatchObject({ status: 429, code: 'rate_limited', details: { retryAfterSeconds: expect.any(Number) } });
    expect(await testDb().agreementSignature.count({ where: { agreementId: t.agreementId } })).toBe(0);
  });

  it('archives on the last signature only: hash, frozen rows, deal agreed, audit events', async () => {
    const t = await drafted();
    await sign(t.upstream, t.deal.id, t.agreementId);
    await sign(t.downstream, t.deal.id, t.agreementId);
    // Two of three: nothing is frozen or hashed yet, and the deal still negotiates.
    const partial = await testDb().agreement.findUniqueOrThrow({ where: { id: t.agreementId } });
    expect(partial).toMatchObject({ status: 'DRAFT', hash: null, archivedAt: null });
    expect((await testDb().deal.findUniqueOrThrow({ where: { id: t.deal.id } })).status).toBe('NEGOTIATING');

    const last = await sign(t.upstream2, t.deal.id, t.agreementId);
    expect(last).toMatchObject({ status: 'ARCHIVED', hash: expect.stringMatching(/^[0-9a-f]{64}$/), dealStatus: 'AGREED' });
    const archived = await getAgreement({ actor: t.fundAdmin, origin, dealId: t.deal.id, agreementId: t.agreementId });
    expect(archived).toMatchObject({ status: 'ARCHIVED', hash: last.hash, recomputedHash: last.hash, hashVerified: true, signatures: { given: 3, required: 3 } });
    expect(archived.signatories.every((s) => s.signedAt)).toBe(true);
    expect(archived.audit.map((e) => e.action)).toEqual(['offer.sent', 'agreement.drafted', 'offer.accepted', 'agreement.signed', 'agreement.signed', 'agreement.signed', 'agreement.archived']);
    expect((await testDb().deal.findUniqueOrThrow({ where: { id: t.deal.id } })).status).toBe('AGREED');
    expect(await testDb().auditEvent.count({ where: { dealId: t.deal.id, action: 'deal.status_changed' } })).toBe(1);
    expect((await verifyAuditChains(testDb())).broken.filter((link) => link.chain === t.deal.id)).toEqual([]);
    await expect(sign(t.upstream, t.deal.id, t.agreementId)).rejects.toThrow(/signed and archived already/);
  });

  it('takes the last two signatures racing each other both, and archives exactly once', async () => {
    const t = await drafted();
    await sign(t.upstream, t.deal.id, t.agreementId);
    const race = await Promise.allSettled([sign(t.upstream2, t.deal.id, t.agreementId), sign(t.downstream, t.deal.id, t.agreementId)]);
    expect(race.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    const outcomes = race.map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof signAgreement>>>).value.status).sort();
    expect(outcomes).toEqual(['ARCHIVED', 'DRAFT']);
    expect(await testDb().agreementSignature.count({ where: { agreementId: t.agreementId } })).toBe(3);
    expect(await testDb().auditEvent.count({ where: { dealId: t.deal.id, action: 'agreement.archived' } })).toBe(1);
    expect((await getAgreement({ actor: t.upstream, origin, dealId: t.deal.id, agreementId: t.agreementId })).hashVerified).toBe(true);
  });

  it('gives the same signatory signing twice at once exactly one signature', async () => {
    const t = await drafted();
    const race = await Promise.allSettled([sign(t.downstream, t.deal.id, t.agreementId), sign(t.downstream, t.deal.id, t.agreementId), sign(t.downstream, t.deal.id, t.agreementId)]);
    expect(race.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of race.filter((r) => r.status === 'rejected')) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect(await testDb().agreementSignature.count({ where: { agreementId: t.agreementId } })).toBe(1);
    expect(await testDb().auditEvent.count({ where: { dealId: t.deal.id, action: 'agreement.signed' } })).toBe(1);
  });

  it('never records a signature after the signatory’s sign right was withdrawn, however the two race', async () => {
    for (let round = 0; round < 4; round++) {
      const t = await drafted();
      const member = await testDb().dealMember.findFirstOrThrow({ where: { dealId: t.deal.id, userId: t.upstream2.id } });
      const [signed, withdrawn] = await Promise.allSettled([
        sign(t.upstream2, t.deal.id, t.agreementId),
        changeDealMember({ actor: t.fundAdmin, origin, dealId: t.deal.id, memberId: member.id, input: { canSign: false } }),
      ]);
      expect(withdrawn.status).toBe('fulfilled');
      const events = await testDb().auditEvent.findMany({ where: { dealId: t.deal.id, action: { in: ['agreement.signed', 'member.changed'] } }, orderBy: { seq: 'asc' } });
      if (signed.status === 'fulfilled') {
        // The signature came first, and the withdrawal waited for it.
        expect(events.map((e) => e.action)).toEqual(['agreement.signed', 'member.changed']);
      } else {
        expect(signed.reason).toMatchObject({ status: 403, right: 'sign' });
        expect(events.map((e) => e.action)).toEqual(['member.changed']);
        expect(await testDb().agreementSignature.count({ where: { agreementId: t.agreementId } })).toBe(0);
      }
    }
  });

  it('lets the last signature, another acceptance and a deal status change race without a deadlock', async () => {
    for (let round = 0; round < 4; round++) {
      const t = await drafted();
      await sign(t.upstream, t.deal.id, t.agreementId);
      await sign(t.upstream2, t.deal.id, t.agreementId);
      const other = await sendOffer({ actor: t.upstream, origin, dealId: t.deal.id, input: { versionId: t.versionId, schedule, validUntil: inAMonth() } });
      const [signed, accepted, moved] = await Promise.allSettled([
        sign(t.downstream, t.deal.id, t.agreementId),
        answerOffer({ actor: t.downstream, origin, dealId: t.deal.id, offerId: other.id, input: { move: 'accept' } }),
        changeDealStatus({ actor: t.fundAdmin, origin, dealId: t.deal.id, status: 'AGREED' }),
      ]);
      expect(signed.status, String((signed as PromiseRejectedResult).reason)).toBe('fulfilled');
      expect(accepted.status, String((accepted as PromiseRejectedResult).reason)).toBe('fulfilled');
      // Whichever moved the deal first, the other finds it agreed: a conflict, never a database error.
      if (moved.status === 'rejected') expect(moved.reason).toBeInstanceOf(ConflictError);
      expect((await testDb().deal.findUniqueOrThrow({ where: { id: t.deal.id } })).status).toBe('AGREED');
      expect(await testDb().auditEvent.count({ where: { dealId: t.deal.id, action: 'deal.status_changed' } })).toBe(1);
      expect((await testDb().agreement.findMany({ where: { dealId: t.deal.id }, orderBy: { number: 'asc' } })).map((a) => a.status)).toEqual(['ARCHIVED', 'DRAFT']);
    }
  });
});

async function archivedAgreement() {
  const t = await drafted();
  for (const actor of [t.upstream, t.upstream2, t.downstream]) await sign(actor, t.deal.id, t.agreementId);
  return t;
}

/** Changes rows behind the triggers, as someone with the database's superuser rights could. */
async function tamper(sql: string) {
  await testDb().$transaction(async (tx) => {
    await tx.$executeRawUnsafe('SET LOCAL session_replication_role = replica');
    await tx.$executeRawUnsafe(sql);
  });
}

describe('agreements: frozen and verified', () => {
  it('has the database refuse changes to an archived agreement, its signatories and signatures', async () => {
    const t = await archivedAgreement();
    const id = t.agreementId;
    const refused = /frozen|immutable|not a draft/;
    await expect(testDb().$executeRawUnsafe(`UPDATE "Agreement" SET "totalAmount" = 1 WHERE id = '${id}'`)).rejects.toThrow(refused);
    await expect(testDb().$executeRawUnsafe(`UPDATE "Agreement" SET status = 'VOID' WHERE id = '${id}'`)).rejects.toThrow(refused);
    await expect(testDb().$executeRawUnsafe(`DELETE FROM "Agreement" WHERE id = '${id}'`)).rejects.toThrow(refused);
    await expect(testDb().$executeRawUnsafe(`UPDATE "AgreementSignature" SET "signedAt" = now() WHERE "agreementId" = '${id}'`)).rejects.toThrow(refused);
    await expect(testDb().$executeRawUnsafe(`DELETE FROM "AgreementSignature" WHERE "agreementId" = '${id}'`)).rejects.toThrow(refused);
    await expect(testDb().$executeRawUnsafe(`UPDATE "AgreementSignatory" SET name = 'someone else' WHERE "agreementId" = '${id}'`)).rejects.toThrow(refused);
    await expect(testDb().$executeRawUnsafe(`DELETE FROM "AgreementSignatory" WHERE "agreementId" = '${id}'`)).rejects.toThrow(refused);
    const signatory = await testDb().agreementSignatory.findFirstOrThrow({ where: { agreementId: id } });
    await expect(
      testDb().$executeRawUnsafe(
        `INSERT INTO "AgreementSignatory" (id, "agreementId", "userId", side, name, email, "organisationId", "organisationName", "organisationNameZh") VALUES (gen_random_uuid(), '${id}', gen_random_uuid(), 'UPSTREAM', 'x', 'x@example.test', '${signatory.organisationId}', 'x', 'x')`,
      ),
    ).rejects.toThrow(refused);
    expect((await getAgreement({ actor: t.upstream, origin, dealId: t.deal.id, agreementId: id })).hashVerified).toBe(true);
  });

  it('keeps a draft’s content fixed and archives only with every signature and a hash', async () => {
    const t = await drafted();
    const id = t.agreementId;
    await expect(testDb().$executeRawUnsafe(`UPDATE "Agreement" SET schedule = '[{"from":2021,"to":2030,"amount":"1"}]' WHERE id = '${id}'`)).rejects.toThrow(/content is fixed/);
    await expect(testDb().$executeRawUnsafe(`UPDATE "Agreement" SET status = 'ARCHIVED', hash = 'x', "archivedAt" = now() WHERE id = '${id}'`)).rejects.toThrow(/not every signatory has signed/);
    await expect(testDb().$executeRawUnsafe(`UPDATE "Agreement" SET status = 'ARCHIVED' WHERE id = '${id}'`)).rejects.toThrow(/needs the hash/);
    await expect(testDb().$executeRawUnsafe(`DELETE FROM "Agreement" WHERE id = '${id}'`)).rejects.toThrow(/immutable/);
  });

  it('reports an agreement changed behind the triggers as not verified, wherever it is read', async () => {
    const t = await archivedAgreement();
    const id = t.agreementId;
    const stored = (await testDb().agreement.findUniqueOrThrow({ where: { id } })).hash;
    await tamper(`UPDATE "Agreement" SET schedule = '[{"from":2021,"to":2030,"amount":"600000"}]' WHERE id = '${id}'`);
    const opened = await getAgreement({ actor: t.fundAdmin, origin, dealId: t.deal.id, agreementId: id });
    expect(opened).toMatchObject({ hash: stored, hashVerified: false });
    expect(opened.recomputedHash).not.toBe(stored);
    expect((await listAgreements({ actor: t.upstream, origin, dealId: t.deal.id }))[0]).toMatchObject({ id, hashVerified: false });
    expect((await listFundAgreements({ actor: t.fundAdmin, origin })).find((a) => a.id === id)).toMatchObject({ hashVerified: false });
    const pdf = await renderAgreementPdf({ actor: t.fundAdmin, origin, dealId: t.deal.id, agreementId: id });
    expect(pdfText(pdf.bytes)).toContain('VERIFICATION FAILED');

    // A signature's time moved after the fact is caught the same way.
    const second = await archivedAgreement();
    await tamper(`UPDATE "AgreementSignature" SET "signedAt" = "signedAt" - interval '1 day' WHERE "agreementId" = '${second.agreementId}'`);
    expect((await getAgreement({ actor: second.upstream, origin, dealId: second.deal.id, agreementId: second.agreementId })).hashVerified).toBe(false);
  });

  it('shows an amount changed with its hash recomputed as a mismatch against the audit trail, in the API, lists, archive and PDF', async () => {
    const t = await archivedAgreement();
    const id = t.agreementId;
    const archivedWith = (await testDb().agreement.findUniqueOrThrow({ where: { id } })).hash!;
    // Someone with write access to the database changes the amount and recomputes the agreement's hash.
    await tamper(`UPDATE "Agreement" SET schedule = '[{"from":2021,"to":2030,"amount":"9000000"}]', "totalAmount" = 90000000000 WHERE id = '${id}'`);
    const rows = await loadAgreementRows(testDb(), t.deal.id, id);
    const recomputed = agreementHash(rows);
    await tamper(`UPDATE "Agreement" SET hash = '${recomputed}' WHERE id = '${id}'`);

    const opened = await getAgreement({ actor: t.fundAdmin, origin, dealId: t.deal.id, agreementId: id });
    expect(opened).toMatchObject({ hash: recomputed, recomputedHash: recomputed, auditedHash: archivedWith, hashVerified: false, totalAmount: '90000000000' });
    expect((await listAgreements({ actor: t.upstream, origin, dealId: t.deal.id }))[0]).toMatchObject({ id, hashVerified: false });
    expect((await listFundAgreements({ actor: t.fundAdmin, origin })).find((a) => a.id === id)).toMatchObject({ hashVerified: false });
    // PDF lines wrap where the page ends.
    const text = pdfText((await renderAgreementPdf({ actor: t.fundAdmin, origin, dealId: t.deal.id, agreementId: id })).bytes).replace(/\s+/g, ' ');
    expect(text).toContain('VERIFICATION FAILED: the stored hash differs from the one the audit trail recorded at archiving');
    expect(text).toContain(archivedWith);
  });

  it('prints the deal chain head, anchored outside the database, in the PDF', async () => {
    const t = await archivedAgreement();
    const head = await testDb().auditEvent.findFirstOrThrow({ where: { chain: t.deal.id }, orderBy: { seq: 'desc' } });
    const text = pdfText((await renderAgreementPdf({ actor: t.upstream, origin, dealId: t.deal.id, agreementId: t.agreementId })).bytes);
    expect(text).toContain('Audit chain anchor');
    expect(text).toContain(head.hash);
    // Code in a Chinese sentence of the catalogue (<code>…</code>) prints in backticks, not as the message's key.
    expect(text.replace(/\s+/g, '')).toContain('审计核验命令（`npmrunaudit:verify`）');
    const { anchors } = readAnchors([anchorLogPath()]);
    expect(anchors.get(t.deal.id)?.get(head.seq)?.hash).toBe(head.hash);
  });
});

/**
 * The text a PDF shows: content streams inflated, glyph codes mapped back to characters through
 * the embedded font's ToUnicode map. Enough for pdfkit's output; not a general PDF reader.
 */
function pdfText(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes);
  const latin = buffer.toString('latin1');
  const streams: string[] = [];
  for (const match of latin.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const raw = buffer.subarray(start, latin.indexOf('endstream', start));
    try {
      streams.push(inflateSync(raw).toString('latin1'));
    } catch {
      // an embedded font or image, not text
    }
  }
  const toUnicode = new Map<number, string>();
  const hexText = (hex: string) => String.fromCodePoint(...(hex.match(/[0-9a-f]{4}/gi) ?? []).map((h) => parseInt(h, 16)));
  for (const cmap of streams.filter((s) => s.includes('begincmap'))) {
    for (const [, from, , list] of cmap.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[([^\]]*)\]/gi)) {
      [...list!.matchAll(/<([0-9a-f ]+)>/gi)].forEach((target, i) => toUnicode.set(parseInt(from!, 16) + i, hexText(target[1]!.replace(/ /g, ''))));
    }
    for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const [, code, target] of block[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>/gi)) toUnicode.set(parseInt(code!, 16), hexText(target!));
    }
  }
  return streams
    .filter((s) => s.includes(' TJ'))
    .flatMap((s) =>
      [...s.matchAll(/\[(.*?)\] TJ/g)].map((line) =>
        [...line[1]!.matchAll(/<([0-9a-f]+)>/gi)].map((h) => (h[1]!.match(/.{4}/g) ?? []).map((code) => toUnicode.get(parseInt(code, 16)) ?? '?').join('')).join(''),
      ),
    )
    .join('\n');
}

describe('agreements: PDF and the fund archive', () => {
  it('renders the archived agreement as a PDF with the Chinese font embedded, the schedule, the signatures and the hash', async () => {
    const t = await archivedAgreement();
    const { bytes, fileName, hash } = await renderAgreementPdf({ actor: t.fundAdmin, origin, dealId: t.deal.id, agreementId: t.agreementId });
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(fileName).toBe(`agreement-${t.deal.slug}-1.pdf`);
    expect(raw).toContain('/FontFile2');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/);
    expect(raw).toContain(`sha256:${hash}`);
    const text = pdfText(bytes);
    const flat = text.replace(/\s+/g, '');
    expect(text).toContain('流域生态补偿协议');
    expect(text).toContain('Watershed eco-compensation agreement No. 1');
    expect(flat).toContain(hash!);
    expect(text).toContain('已核验');
    expect(text).toContain('2021–2030');
    expect(text).toContain('6,000,000,000');
    expect(text).toContain('60,000,000,000 CNY');
    expect(text).toContain('水质考核 water-quality rule');
    expect(text).toContain('codmn <= 2.6 ? amount : 0');
    // The audit summary reads as sentences in both languages, not as event codes.
    expect(text).toContain('协议全部签署完毕并归档');
    expect(text.replace(/\s+/g, ' ')).toContain('Agreement fully signed and archived');
    expect(text).not.toContain('agreement.archived');
    const signedAt = (await getAgreement({ actor: t.upstream, origin, dealId: t.deal.id, agreementId: t.agreementId })).signatories.map((s) => s.signedAt!);
    expect(signedAt).toHaveLength(3);
    expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC\+8/);
  });

  it('renders a draft too, marked as awaiting signatures', async () => {
    const t = await drafted();
    const { bytes } = await renderAgreementPdf({ actor: t.upstream, origin, dealId: t.deal.id, agreementId: t.agreementId });
    const text = pdfText(bytes);
    expect(text).toContain('草案，待签署');
    expect(text).toContain('未签署 not signed');
  });

  it('lists for a fund member the agreements of the deals they keep, with filters', async () => {
    const a = await archivedAgreement();
    const other = await drafted();
    const mine = (filter: Parameters<typeof listFundAgreements>[0]['filter'] = {}) => listFundAgreements({ actor: a.fundAdmin, origin, filter }).then((list) => list.map((x) => x.id));
    expect(await mine()).toEqual([a.agreementId]);
    expect(await mine({ status: 'ARCHIVED' })).toEqual([a.agreementId]);
    expect(await mine({ status: 'DRAFT' })).toEqual([]);
    expect(await mine({ year: 2025 })).toEqual([a.agreementId]);
    expect(await mine({ year: 2031 })).toEqual([]);
    expect(await mine({ minAmount: '60000000000', maxAmount: '60000000000' })).toEqual([a.agreementId]);
    expect(await mine({ minAmount: '60000000000.01' })).toEqual([]);
    expect(await mine({ watershed: 'test RIVER' })).toEqual([a.agreementId]);
    expect(await mine({ watershed: '测试' })).toEqual([a.agreementId]);
    expect(await mine({ watershed: 'Yangtze' })).toEqual([]);
    const listed = (await listFundAgreements({ actor: a.fundAdmin, origin }))[0]!;
    expect(listed).toMatchObject({ deal: { id: a.deal.id, watershed: 'Test river' }, hashVerified: true, awaitingMySignature: false });
    // A member on another side sees no fund archive, not even of their own deal.
    expect(await listFundAgreements({ actor: other.upstream, origin })).toEqual([]);
  });
});

describe('what awaits a member (listPendingTasks)', () => {
  const pending = async (actor: Actor, dealId: string) => (await listPendingTasks({ actor })).get(dealId);

  it('counts open offers to the side of a member who may answer them, and unsigned drafts of a signatory', async () => {
    const t = await table();
    const offer = await sendOffer({ actor: t.upstream, origin, dealId: t.deal.id, input: { versionId: t.versionId, schedule, terms, validUntil: inAMonth() } });
    // Downstream members with the edit right may answer it; the upstream sender, the observer and the fund may not.
    expect(await pending(t.downstream, t.deal.id)).toEqual({ offersToAnswer: 1, agreementsToSign: 0 });
    expect(await pending(t.editor, t.deal.id)).toEqual({ offersToAnswer: 1, agreementsToSign: 0 });
    expect(await pending(t.upstream, t.deal.id)).toEqual({ offersToAnswer: 0, agreementsToSign: 0 });
    expect(await pending(t.reader, t.deal.id)).toEqual({ offersToAnswer: 0, agreementsToSign: 0 });
    expect(await pending(t.fundAdmin, t.deal.id)).toEqual({ offersToAnswer: 0, agreementsToSign: 0 });
    // An offer past its validity awaits no one.
    expect((await listPendingTasks({ actor: t.downstream, now: new Date(Date.now() + 60 * 86_400_000) })).get(t.deal.id)).toEqual({ offersToAnswer: 0, agreementsToSign: 0 });

    const accepted = await answerOffer({ actor: t.downstream, origin, dealId: t.deal.id, offerId: offer.id, input: { move: 'accept' } });
    const agreementId = (accepted as { agreementId: string }).agreementId;
    // Accepted: nothing to answer; the three signatories each have a draft to sign, the editor without the sign right has none.
    expect(await pending(t.downstream, t.deal.id)).toEqual({ offersToAnswer: 0, agreementsToSign: 1 });
    expect(await pending(t.upstream2, t.deal.id)).toEqual({ offersToAnswer: 0, agreementsToSign: 1 });
    expect(await pending(t.editor, t.deal.id)).toEqual({ offersToAnswer: 0, agreementsToSign: 0 });
    await sign(t.upstream2, t.deal.id, agreementId);
    expect(await pending(t.upstream2, t.deal.id)).toEqual({ offersToAnswer: 0, agreementsToSign: 0 });
    expect(await pending(t.upstream, t.deal.id)).toEqual({ offersToAnswer: 0, agreementsToSign: 1 });
    // A signatory whose sign right is withdrawn is no longer asked.
    await testDb().dealMember.updateMany({ where: { dealId: t.deal.id, userId: t.upstream.id }, data: { canSign: false } });
    expect(await pending(t.upstream, t.deal.id)).toEqual({ offersToAnswer: 0, agreementsToSign: 0 });
    // Deals the actor is not a member of are not in the map.
    expect((await listPendingTasks({ actor: t.upstream })).has((await makeDeal()).id)).toBe(false);
  });
});

describe('agreements: checked outside the platform', () => {
  it('downloads the canonical JSON whose SHA-256 is the hash, and finds the agreement in the fund archive by that hash', async () => {
    const t = await archivedAgreement();
    const file = await exportCanonicalAgreement({ actor: t.fundAdmin, origin, dealId: t.deal.id, agreementId: t.agreementId });
    const stored = await testDb().agreement.findUniqueOrThrow({ where: { id: t.agreementId } });
    expect(stored.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(createHash('sha256').update(Buffer.from(file.text, 'utf8')).digest('hex')).toBe(stored.hash);
    expect(JSON.parse(file.text)).toMatchObject({ format: 'pes-agreement/1', id: t.agreementId, signatories: expect.any(Array) });

    const found = await searchFundArchive({ actor: t.fundAdmin, origin, filter: { q: `SHA-256 ${stored.hash!.slice(0, 12).toUpperCase()}` } });
    expect(found.agreements.map((a) => a.id)).toEqual([t.agreementId]);
    const stranger = (await loadActor((await makeUser()).id))!;
    await expect(exportCanonicalAgreement({ actor: stranger, origin, dealId: t.deal.id, agreementId: t.agreementId })).rejects.toBeInstanceOf(NotFoundError);
  });
});
