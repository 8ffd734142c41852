import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { shiyanDocument } from '../../lib/engine';
import { NotFoundError, ValidationError } from '../../lib/domain/errors';
import { loadActor } from '../../lib/server/auth/current-actor';
import { getEvidenceFile } from '../../lib/server/scenarios/get-evidence-file';
import { saveScenarioVersion } from '../../lib/server/scenarios/save-scenario-version';
import { uploadEvidence } from '../../lib/server/scenarios/upload-evidence';
import { makeDeal, makeUser, testDb } from '../factories';

const origin = { ip: '198.51.100.61', userAgent: 'vitest deal evidence' };
const pdf = (tag: string) => new TextEncoder().encode(`%PDF-1.4\n% ${tag}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);

async function twoDeals() {
  const [a, b] = await Promise.all([makeUser(), makeUser()]);
  const [dealA, dealB] = await Promise.all([makeDeal([{ userId: a.id, side: 'UPSTREAM', canEdit: true }]), makeDeal([{ userId: b.id, side: 'UPSTREAM', canEdit: true }])]);
  return { dealA, dealB, memberA: (await loadActor(a.id))!, memberB: (await loadActor(b.id))! };
}

const citing = (sha256: string) => ({ document: shiyanDocument(), message: 'cites evidence', evidence: [{ target: 'scenario', fileName: 'audit.pdf', sha256 }] });

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  const { status, field, message } = error as ValidationError;
  return { status, field, message, kind: (error as Error).constructor.name };
}

describe('evidence belongs to a deal', () => {
  it("a version cannot cite another deal's file, and the refusal is the same as for a hash never uploaded", async () => {
    const t = await twoDeals();
    const file = await uploadEvidence({ actor: t.memberA, origin, dealId: t.dealA.id, fileName: 'audit.pdf', declaredType: 'application/pdf', bytes: pdf(randomUUID()) });
    const otherDeals = await refusal(saveScenarioVersion({ actor: t.memberB, origin, dealId: t.dealB.id, input: citing(file.sha256) }));
    const neverUploaded = await refusal(saveScenarioVersion({ actor: t.memberB, origin, dealId: t.dealB.id, input: citing('f'.repeat(64)) }));
    expect(otherDeals).toEqual({ status: 400, field: 'evidence[0].sha256', message: expect.stringMatching(/uploaded in this deal/), kind: ValidationError.name });
    expect(otherDeals).toEqual(neverUploaded);
    expect(await testDb().scenario.count({ where: { dealId: t.dealB.id } })).toBe(0);

    // Nor can its bytes be read through the other deal, again exactly as an unknown hash.
    const download = await refusal(getEvidenceFile({ actor: t.memberB, origin, dealId: t.dealB.id, sha256: file.sha256 }));
    expect(download).toEqual(await refusal(getEvidenceFile({ actor: t.memberB, origin, dealId: t.dealB.id, sha256: 'f'.repeat(64) })));
    expect(download.kind).toBe(NotFoundError.name);

    // The owning deal cites and serves it.
    await saveScenarioVersion({ actor: t.memberA, origin, dealId: t.dealA.id, input: citing(file.sha256) });
    expect((await getEvidenceFile({ actor: t.memberA, origin, dealId: t.dealA.id, sha256: file.sha256 })).size).toBe(file.size);
  });

  it('the same bytes uploaded in the second deal become its evidence too (stored once)', async () => {
    const t = await twoDeals();
    const bytes = pdf(randomUUID());
    const first = await uploadEvidence({ actor: t.memberA, origin, dealId: t.dealA.id, fileName: 'a.pdf', declaredType: 'application/pdf', bytes });
    const second = await uploadEvidence({ actor: t.memberB, origin, dealId: t.dealB.id, fileName: 'b.pdf', declaredType: 'application/pdf', bytes });
    expect(second).toEqual({ ...first, fileName: 'b.pdf' });
    await saveScenarioVersion({ actor: t.memberB, origin, dealId: t.dealB.id, input: citing(first.sha256) });
    expect(await testDb().evidenceFile.count({ where: { sha256: first.sha256 } })).toBe(1);
    expect(await testDb().dealEvidence.count({ where: { sha256: first.sha256 } })).toBe(2);
  });

  it("the database refuses a link to another deal's file however it is written, and the deal links are append-only", async () => {
    const t = await twoDeals();
    const file = await uploadEvidence({ actor: t.memberA, origin, dealId: t.dealA.id, fileName: 'audit.pdf', declaredType: 'application/pdf', bytes: pdf(randomUUID()) });
    const { versionId } = await saveScenarioVersion({ actor: t.memberB, origin, dealId: t.dealB.id, input: { document: shiyanDocument(), message: 'no evidence' } });
    await expect(
      testDb().$executeRawUnsafe(`INSERT INTO "VersionEvidence" ("id", "versionId", "target", "fileName", "sha256") VALUES ('${randomUUID()}', '${versionId}', 'scenario', 'x.pdf', '${file.sha256}')`),
    ).rejects.toThrow(/not uploaded in the deal/);
    expect(await testDb().versionEvidence.count({ where: { versionId } })).toBe(0);
    await expect(testDb().$executeRawUnsafe(`UPDATE "DealEvidence" SET "dealId" = '${t.dealB.id}' WHERE "sha256" = '${file.sha256}'`)).rejects.toThrow(/append-only/);
    await expect(testDb().$executeRawUnsafe(`DELETE FROM "DealEvidence" WHERE "sha256" = '${file.sha256}'`)).rejects.toThrow(/append-only/);
  });
});
