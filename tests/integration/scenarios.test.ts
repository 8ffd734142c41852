import { describe, expect, it } from 'vitest';
import { miyunDocument, shiyanDocument } from '../../lib/engine';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../lib/domain/errors';
import { loadActor } from '../../lib/server/auth/current-actor';
import { addComment } from '../../lib/server/scenarios/add-comment';
import { compareScenarioVersions } from '../../lib/server/scenarios/compare-scenario-versions';
import { forkScenarioVersion } from '../../lib/server/scenarios/fork-scenario-version';
import { getScenarioVersion } from '../../lib/server/scenarios/get-scenario-version';
import { listScenarios } from '../../lib/server/scenarios/list-scenarios';
import { listLatestVersions } from '../../lib/server/scenarios/list-latest-versions';
import { getVersionWorkspace } from '../../lib/server/scenarios/get-version-workspace';
import { getDealOverview } from '../../lib/server/deals/get-deal-overview';
import { saveScenarioVersion, StaleBaseError } from '../../lib/server/scenarios/save-scenario-version';
import { uploadEvidence } from '../../lib/server/scenarios/upload-evidence';
import { makeDeal, makeUser, testDb } from '../factories';
import { readVersionMessage } from '../../lib/domain/version-message';

const origin = { ip: '198.51.100.4', userAgent: 'vitest scenarios' };
const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function negotiation() {
  const [up, down, viewer, stranger] = await Promise.all([makeUser({ kind: 'UPSTREAM_GOVERNMENT' }), makeUser({ kind: 'DOWNSTREAM_AUTHORITY' }), makeUser(), makeUser()]);
  const deal = await makeDeal([
    { userId: up.id, side: 'UPSTREAM', canEdit: true },
    { userId: down.id, side: 'DOWNSTREAM', canEdit: true },
    { userId: viewer.id, side: 'OBSERVER' },
  ]);
  // Names of their own, so that a test of who is named can tell the two sides apart.
  await testDb().user.update({ where: { id: up.id }, data: { name: 'Upstream official' } });
  await testDb().user.update({ where: { id: down.id }, data: { name: 'Downstream official' } });
  const [upstream, downstream, observer, outsider] = await Promise.all([up, down, viewer, stranger].map((u) => loadActor(u.id)));
  return { deal, upstream: upstream!, downstream: downstream!, observer: observer!, outsider: outsider! };
}

function withCost(source: unknown, code: string, value: string) {
  const document = source as Record<string, unknown>;
  const costs = (document.costs as { code: string; values: Record<string, string> }[]).map((item) => (item.code === code ? { ...item, values: { ...item.values, '2003-2010': value } } : item));
  return { ...document, costs };
}

describe('scenario versions', () => {
  it('saves v1, v2 … with author, message, document and computed result', async () => {
    const { deal, upstream } = await negotiation();
    const v1 = await saveScenarioVersion({ actor: upstream, origin, dealId: deal.id, input: { document: shiyanDocument(), message: 'Paper assumptions' } });
    const v2 = await saveScenarioVersion({
      actor: upstream,
      origin,
      dealId: deal.id,
      input: { scenarioId: v1.scenarioId, baseVersionId: v1.versionId, document: withCost(shiyanDocument(), 'C_f', '170000'), message: 'Forest cost from 2004 audit' },
    });
    expect([v1.number, v2.number]).toEqual([1, 2]);
    const saved = await getScenarioVersion({ actor: upstream, origin, dealId: deal.id, versionId: v2.versionId });
    expect(saved).toMatchObject({ number: 2, message: 'Forest cost from 2004 audit', author: upstream.name, scenario: { side: 'UPSTREAM' } });
    expect((saved.result as { format: string }).format).toBe('pes-result/1');
    expect(v2.documentHash).not.toBe(v1.documentHash);
    expect(await testDb().auditEvent.count({ where: { dealId: deal.id, action: 'scenario.version_saved' } })).toBe(2);
  });

  it('is refused by the database when anything tries to change or delete a saved version', async () => {
    const { deal, upstream } = await negotiation();
    const { versionId } = await saveScenarioVersion({ actor: upstream, origin, dealId: deal.id, input: { document: shiyanDocument(), message: 'v1' } });
    await expect(testDb().scenarioVersion.update({ where: { id: versionId }, data: { message: 'rewritten' } })).rejects.toThrow(/immutable/);
    await expect(testDb().$executeRawUnsafe(`DELETE FROM "ScenarioVersion" WHERE id = '${versionId}'`)).rejects.toThrow(/immutable/);
    expect((await testDb().scenarioVersion.findUniqueOrThrow({ where: { id: versionId } })).message).toBe('v1');
  });

  it('refuses an invalid document whole, listing every problem, and saves nothing', async () => {
    const { deal, upstream } = await negotiation();
    const bad = { ...(shiyanDocument() as Record<string, unknown>), alpha: { ED: { '2003-2050': '1.4' } }, costs: [{ code: 'C_zz', label: 'x', values: { '2003': 'abc' } }] };
    const error = await saveScenarioVersion({ actor: upstream, origin, dealId: deal.id, input: { document: bad, message: 'bad' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const fields = (error as ValidationError).problems.map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['document.alpha.ED["2003-2050"]', 'document.costs[0].code', 'document.costs[0].values["2003"]']));
    // Readers get each field by its label and place, and the message from its code, in their language.
    expect((error as ValidationError).problemsIn('zh')).toEqual(
      expect.arrayContaining([
        { field: 'document.costs[0].values["2003"]', label: '成本项“x”，2003 年的金额', message: '不是数字' },
        { field: 'document.alpha.ED["2003-2050"]', label: '2003—2050 年的生态建设与保护（ED）的 α', message: '1.4 不在 0 与 1 之间' },
      ]),
    );
    expect((error as ValidationError).problemsIn('en')).toContainEqual({ field: 'document.costs[0].values["2003"]', label: 'Cost “x”: Amount for 2003', message: 'not a number' });
    expect((error as ValidationError).messageIn('zh')).not.toMatch(/document\.|costs\[/);
    expect(await testDb().scenario.count({ where: { dealId: deal.id } })).toBe(0);
    expect(await testDb().auditEvent.count({ where: { dealId: deal.id } })).toBe(0);
  });

  it('turns a save from a stale base into a conflict that names who saved what', async () => {
    const { deal, upstream } = await negotiation();
    const v1 = await saveScenarioVersion({ actor: upstream, origin, dealId: deal.id, input: { document: shiyanDocument(), message: 'v1' } });
    await saveScenarioVersion({ actor: upstream, origin, dealId: deal.id, input: { scenarioId: v1.scenarioId, baseVersionId: v1.versionId, document: shiyanDocument(), message: 'colleague edit' } });
    const stale = await saveScenarioVersion({
      actor: upstream,
      origin,
      dealId: deal.id,
      input: { scenarioId: v1.scenarioId, baseVersionId: v1.versionId, document: shiyanDocument(), message: 'mine' },
    }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(StaleBaseError);
    expect((stale as StaleBaseError).latest).toMatchObject({ number: 2, authorName: upstream.name, message: 'colleague edit' });
    expect((stale as Error).message).toMatch(/saved v2 \("colleague edit"\)/);
  });

  it('lets two racing saves from one base make one version and one conflict, never a lost update', async () => {
    const { deal, upstream } = await negotiation();
    const v1 = await saveScenarioVersion({ actor: upstream, origin, dealId: deal.id, input: { document: shiyanDocument(), message: 'v1' } });
    const race = await Promise.allSettled(
      ['A', 'B'].map((who) =>
        saveScenarioVersion({
          actor: upstream,
          origin,
          dealId: deal.id,
          input: { scenarioId: v1.scenarioId, baseVersionId: v1.versionId, document: withCost(shiyanDocument(), 'C_f', who === 'A' ? '1' : '2'), message: who },
        }),
      ),
    );
    expect(race.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = race.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConflictError);
    expect(await testDb().scenarioVersion.count({ where: { scenarioId: v1.scenarioId } })).toBe(2);
  });

  it('keeps each side to its own scenarios and lets the other side fork a counter-proposal', async () => {
    const { deal, upstream, downstream } = await negotiation();
    // The calculator inputs behind a calculated row are kept with the version, and travel with a fork.
    const calculatorInputs = { 'costs[0]|C_f|Forest construction': { kind: 'area', inputs: { area: '1200', unitCost: '131.9' } } };
    const v1 = await saveScenarioVersion({ actor: upstream, origin, dealId: deal.id, input: { document: shiyanDocument(), message: 'upstream v1', calculatorInputs } });
    expect((await getScenarioVersion({ actor: downstream, origin, dealId: deal.id, versionId: v1.versionId })).calculatorInputs).toEqual(calculatorInputs);
    await expect(
      saveScenarioVersion({ actor: downstream, origin, dealId: deal.id, input: { scenarioId: v1.scenarioId, baseVersionId: v1.versionId, document: shiyanDocument(), message: 'hijack' } }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const fork = await forkScenarioVersion({ actor: downstream, origin, dealId: deal.id, versionId: v1.versionId, name: 'Downstream counter-proposal' });
    const forked = await getScenarioVersion({ actor: downstream, origin, dealId: deal.id, versionId: fork.versionId });
    expect(forked).toMatchObject({ number: 1, scenario: { side: 'DOWNSTREAM', forkedFromVersionId: v1.versionId } });
    // The platform's own message is stored as a code with its values, put into words when shown.
    expect(readVersionMessage(forked.message)).toMatchObject({ kind: 'forkedFrom', number: 1 });
    expect(forked.documentHash).toBe((await testDb().scenarioVersion.findUniqueOrThrow({ where: { id: v1.versionId } })).documentHash);
    expect(forked.calculatorInputs).toEqual(calculatorInputs);
    const sides = (await listScenarios({ actor: upstream, origin, dealId: deal.id })).map((s) => s.side).sort();
    expect(sides).toEqual(['DOWNSTREAM', 'UPSTREAM']);
  });

  it('hides versions from strangers and from other deals, and refuses saving without the edit right', async () => {
    const { deal, upstream, observer, outsider } = await negotiation();
    const { versionId } = await saveScenarioVersion({ actor: upstream, origin, dealId: deal.id, input: { document: shiyanDocument(), message: 'v1' } });
    await expect(getScenarioVersion({ actor: outsider, origin, dealId: deal.id, versionId })).rejects.toBeInstanceOf(NotFoundError);
    const other = await makeDeal([{ userId: upstream.id, side: 'UPSTREAM', canEdit: true }]);
    await expect(getScenarioVersion({ actor: upstream, origin, dealId: other.id, versionId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveScenarioVersion({ actor: observer, origin, dealId: deal.id, input: { document: shiyanDocument(), message: 'x' } })).rejects.toMatchObject({ status: 403, right: 'edit' });
    expect(await getScenarioVersion({ actor: observer, origin, dealId: deal.id, versionId })).toMatchObject({ number: 1 });
  });

  it('records a refused save on the audit trail once the transaction has rolled back, and stores nothing', async () => {
    const { deal, observer, outsider } = await negotiation();
    const refusals = (actorId: string) => testDb().auditEvent.findMany({ where: { action: 'access.refused', actorId }, select: { summary: true } });
    await expect(saveScenarioVersion({ actor: observer, origin, dealId: deal.id, input: { document: shiyanDocument(), message: 'x' } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveScenarioVersion({ actor: outsider, origin, dealId: deal.id, input: { document: shiyanDocument(), message: 'x' } })).rejects.toBeInstanceOf(NotFoundError);
    expect(JSON.stringify(await refusals(observer.id))).toContain('403');
    expect(JSON.stringify(await refusals(outsider.id))).toContain('404');
    expect(await refusals(observer.id)).toHaveLength(1);
    expect(await testDb().scenario.count({ where: { dealId: deal.id } })).toBe(0);
  });

  it('compares two versions: changed values by year and how the outputs moved', async () => {
    const { deal, upstream } = await negotiation();
    const v1 = await saveScenarioVersion({ actor: upstream, origin, dealId: deal.id, input: { document: shiyanDocument(), message: 'v1' } });
    const v2 = await saveScenarioVersion({
      actor: upstream,
      origin,
      dealId: deal.id,
      input: { scenarioId: v1.scenarioId, baseVersionId: v1.versionId, document: withCost(shiyanDocument(), 'C_f', '258266'), message: 'v2' },
    });
    const { diff } = await compareScenarioVersions({ actor: upstream, origin, dealId: deal.id, fromVersionId: v1.versionId, toVersionId: v2.versionId });
    expect(JSON.stringify(diff.items)).toContain('C_f');
    expect(JSON.stringify(diff.outputs)).toContain('lowerBound');
  });
});

describe('evidence and comments', () => {
  it('stores a file by its hash and a version keeps pointing at those exact bytes', async () => {
    const { deal, upstream } = await negotiation();
    const file = await uploadEvidence({ actor: upstream, origin, dealId: deal.id, fileName: 'forest-audit.pdf', declaredType: 'application/pdf', bytes: pdf });
    expect(file).toMatchObject({ contentType: 'application/pdf', size: pdf.byteLength });
    const { versionId } = await saveScenarioVersion({
      actor: upstream,
      origin,
      dealId: deal.id,
      input: { document: shiyanDocument(), message: 'with evidence', evidence: [{ target: 'costs[0]', fileName: 'forest-audit.pdf', sha256: file.sha256, note: 'Forestry bureau audit 2004' }] },
    });
    const version = await getScenarioVersion({ actor: upstream, origin, dealId: deal.id, versionId });
    expect(version.evidence).toEqual([{ target: 'costs[0]', fileName: 'forest-audit.pdf', sha256: file.sha256, note: 'Forestry bureau audit 2004' }]);
    const stored = await testDb().evidenceFile.findUniqueOrThrow({ where: { sha256: file.sha256 } });
    expect(Buffer.from(stored.bytes).equals(Buffer.from(pdf))).toBe(true);
    await expect(testDb().$executeRawUnsafe(`UPDATE "EvidenceFile" SET size = 1 WHERE sha256 = '${file.sha256}'`)).rejects.toThrow(/immutable/);
  });

  it('refuses a lying content type, an unknown format, an empty file and an unknown hash', async () => {
    const { deal, upstream } = await negotiation();
    const upload = (fileName: string, declaredType: string, bytes: Uint8Array) => uploadEvidence({ actor: upstream, origin, dealId: deal.id, fileName, declaredType, bytes });
    await expect(upload('report.png', 'image/png', pdf)).rejects.toThrow(/says it is image\/png but its content is application\/pdf/);
    await expect(upload('tool.exe', 'application/pdf', new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]))).rejects.toThrow(/only PDF/);
    await expect(upload('empty.pdf', 'application/pdf', new Uint8Array())).rejects.toThrow(/empty/);
    await expect(
      saveScenarioVersion({
        actor: upstream,
        origin,
        dealId: deal.id,
        input: { document: miyunDocument(), message: 'x', evidence: [{ target: 'scenario', fileName: 'a.pdf', sha256: 'f'.repeat(64) }] },
      }),
    ).rejects.toMatchObject({ field: 'evidence[0].sha256' });
    expect(await testDb().scenario.count({ where: { dealId: deal.id } })).toBe(0);
  });

  it('lets both sides comment on a version and on a line item', async () => {
    const { deal, upstream, downstream } = await negotiation();
    const { versionId } = await saveScenarioVersion({ actor: upstream, origin, dealId: deal.id, input: { document: shiyanDocument(), message: 'v1' } });
    await addComment({ actor: downstream, origin, dealId: deal.id, versionId, input: { body: 'Which survey is the forest cost from?', target: 'costs[0]' } });
    await addComment({ actor: upstream, origin, dealId: deal.id, versionId, input: { body: 'The 2004 forestry audit; see the attached PDF.' } });
    await expect(addComment({ actor: upstream, origin, dealId: deal.id, versionId, input: { body: 'x', target: 'constructor' } })).rejects.toMatchObject({ field: 'target' });
    const comments = (await getScenarioVersion({ actor: upstream, origin, dealId: deal.id, versionId })).comments;
    expect(comments.map((c) => [c.side, c.target])).toEqual([
      ['DOWNSTREAM', 'costs[0]'],
      ['UPSTREAM', null],
    ]);
    // The version's author and each commenter named from the one query of their names.
    const version = await getScenarioVersion({ actor: downstream, origin, dealId: deal.id, versionId });
    expect([version.author, ...version.comments.map((c) => c.author)]).toEqual([upstream.name, downstream.name, upstream.name]);
  });
});

describe('the deal page and the version page', () => {
  it("lists each scenario once with only its latest version and that version's author", async () => {
    const { deal, upstream, downstream, outsider } = await negotiation();
    const v1 = await saveScenarioVersion({ actor: upstream, origin, dealId: deal.id, input: { document: shiyanDocument(), message: 'upstream v1' } });
    const v2 = await saveScenarioVersion({
      actor: upstream,
      origin,
      dealId: deal.id,
      input: { scenarioId: v1.scenarioId, baseVersionId: v1.versionId, document: withCost(shiyanDocument(), 'C_f', '1'), message: 'upstream v2' },
    });
    const fork = await forkScenarioVersion({ actor: downstream, origin, dealId: deal.id, versionId: v1.versionId, name: 'Downstream counter-proposal' });
    const latest = await listLatestVersions({ actor: downstream, origin, dealId: deal.id });
    expect(latest.map((s) => [s.side, s.latest.id, s.latest.number, s.latest.author])).toEqual([
      ['UPSTREAM', v2.versionId, 2, upstream.name],
      ['DOWNSTREAM', fork.versionId, 1, downstream.name],
    ]);
    expect(latest[0]!.latest).toMatchObject({ message: 'upstream v2', createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    await expect(listLatestVersions({ actor: outsider, origin, dealId: deal.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('gives the version page the latest version, the fork it came from and every version to compare with', async () => {
    const { deal, upstream, downstream, outsider } = await negotiation();
    const v1 = await saveScenarioVersion({ actor: upstream, origin, dealId: deal.id, input: { document: shiyanDocument(), message: 'upstream v1' } });
    const v2 = await saveScenarioVersion({
      actor: upstream,
      origin,
      dealId: deal.id,
      input: { scenarioId: v1.scenarioId, baseVersionId: v1.versionId, document: withCost(shiyanDocument(), 'C_f', '1'), message: 'upstream v2' },
    });
    const fork = await forkScenarioVersion({ actor: downstream, origin, dealId: deal.id, versionId: v1.versionId, name: 'Counter' });
    const workspace = await getVersionWorkspace({ actor: downstream, origin, dealId: deal.id, versionId: fork.versionId });
    expect(workspace.latest).toEqual({ id: fork.versionId, number: 1 });
    expect(workspace.forkedFrom).toMatchObject({ id: v1.versionId, number: 1 });
    expect(workspace.comparable.map((c) => c.id).sort()).toEqual([v1.versionId, v2.versionId, fork.versionId].sort());
    expect(workspace).toMatchObject({ canEdit: true, canFork: true, version: { author: downstream.name } });
    const older = await getVersionWorkspace({ actor: downstream, origin, dealId: deal.id, versionId: v1.versionId });
    expect(older).toMatchObject({ latest: { id: v2.versionId, number: 2 }, canEdit: false });
    await expect(getVersionWorkspace({ actor: outsider, origin, dealId: deal.id, versionId: v1.versionId })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("names the deal's recent activity by its members and by the users who are not members", async () => {
    const { deal, upstream } = await negotiation();
    await saveScenarioVersion({ actor: upstream, origin, dealId: deal.id, input: { document: shiyanDocument(), message: 'upstream v1' } });
    const overview = await getDealOverview({ actor: upstream, origin, dealId: deal.id });
    const saved = overview.recentActivity.find((event) => event.actor?.id === upstream.id);
    expect(saved?.actor).toEqual({ id: upstream.id, name: upstream.name, organisation: upstream.organisation.name, organisationZh: upstream.organisation.nameZh });
    const removed = await testDb().user.update({ where: { id: (await makeUser()).id }, data: { name: 'Successor' } });
    await testDb().dealMember.deleteMany({ where: { dealId: deal.id, userId: upstream.id } });
    await testDb().dealMember.create({ data: { dealId: deal.id, userId: removed.id, side: 'UPSTREAM', canEdit: true } });
    const viewer = (await loadActor(removed.id))!;
    const later = await getDealOverview({ actor: viewer, origin, dealId: deal.id });
    expect(later.recentActivity.find((event) => event.id === saved!.id)?.actor?.name).toBe(upstream.name);
  });
});
