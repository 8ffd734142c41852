import { describe, expect, it } from 'vitest';
import { shiyanDocument } from '../../lib/engine';
import { NotFoundError } from '../../lib/domain/errors';
import { loadActor } from '../../lib/server/auth/current-actor';
import { addComment } from '../../lib/server/scenarios/add-comment';
import { getScenarioVersion } from '../../lib/server/scenarios/get-scenario-version';
import { saveScenarioVersion } from '../../lib/server/scenarios/save-scenario-version';
import { makeDeal, makeUser, testDb } from '../factories';

const origin = { ip: '198.51.100.7', userAgent: 'vitest comment thread' };

async function negotiation() {
  const [up, down, stranger] = await Promise.all([makeUser({ kind: 'UPSTREAM_GOVERNMENT' }), makeUser({ kind: 'DOWNSTREAM_AUTHORITY' }), makeUser()]);
  const deal = await makeDeal([
    { userId: up.id, side: 'UPSTREAM', canEdit: true },
    { userId: down.id, side: 'DOWNSTREAM', canEdit: true },
  ]);
  const [upstream, downstream, outsider] = await Promise.all([up, down, stranger].map((u) => loadActor(u.id)));
  return { deal, upstream: upstream!, downstream: downstream!, outsider: outsider! };
}

/** v1's document with a new first cost line: every cost of v1 moves down one place. */
function withLineInFront(source: unknown) {
  const document = source as { costs: { code: string; label: string; values: Record<string, string> }[] };
  return { ...document, costs: [{ code: 'C_s', label: 'Soil conservation survey', values: { '2003-2010': '1000' } }, ...document.costs] };
}

describe("a scenario's comment thread", () => {
  it('shows the comments of v1 on v2, each with the version it was written on, and a line comment next to the same line', async () => {
    const { deal, upstream, downstream } = await negotiation();
    const v1 = await saveScenarioVersion({ actor: upstream, origin, dealId: deal.id, input: { document: shiyanDocument(), message: 'v1' } });
    const firstCost = (shiyanDocument() as { costs: { code: string; label: string }[] }).costs[0]!;
    const onLine = await addComment({ actor: downstream, origin, dealId: deal.id, versionId: v1.versionId, input: { body: 'Which survey is this cost from?', target: 'costs[0]' } });
    expect(onLine).toMatchObject({ versionNumber: 1, target: 'costs[0]', here: 'costs[0]', item: { code: firstCost.code, label: firstCost.label }, side: 'DOWNSTREAM' });
    await addComment({ actor: upstream, origin, dealId: deal.id, versionId: v1.versionId, input: { body: 'See the forestry audit.' } });

    const v2 = await saveScenarioVersion({
      actor: upstream,
      origin,
      dealId: deal.id,
      input: { scenarioId: v1.scenarioId, baseVersionId: v1.versionId, document: withLineInFront(shiyanDocument()), message: 'v2' },
    });
    await addComment({ actor: downstream, origin, dealId: deal.id, versionId: v2.versionId, input: { body: 'And the new survey line?', target: 'costs[0]' } });

    const onV2 = (await getScenarioVersion({ actor: downstream, origin, dealId: deal.id, versionId: v2.versionId })).comments;
    expect(onV2.map((c) => [c.versionNumber, c.body, c.target, c.here])).toEqual([
      [1, 'Which survey is this cost from?', 'costs[0]', 'costs[1]'],
      [1, 'See the forestry audit.', null, null],
      [2, 'And the new survey line?', 'costs[0]', 'costs[0]'],
    ]);
    expect(onV2[2]!.item).toEqual({ code: 'C_s', label: 'Soil conservation survey' });

    // On v1 the thread is the same; v2's line is not in v1, so its comment is in the thread only.
    const onV1 = (await getScenarioVersion({ actor: upstream, origin, dealId: deal.id, versionId: v1.versionId })).comments;
    expect(onV1.map((c) => [c.versionNumber, c.here])).toEqual([
      [1, 'costs[0]'],
      [1, null],
      [2, null],
    ]);
  });

  it('refuses a line the version does not have and writes nothing', async () => {
    const { deal, upstream } = await negotiation();
    const v1 = await saveScenarioVersion({ actor: upstream, origin, dealId: deal.id, input: { document: shiyanDocument(), message: 'v1' } });
    await expect(addComment({ actor: upstream, origin, dealId: deal.id, versionId: v1.versionId, input: { body: 'x', target: 'costs[99]' } })).rejects.toMatchObject({ field: 'target' });
    expect(await testDb().comment.count({ where: { versionId: v1.versionId } })).toBe(0);
  });

  it('is not found for someone outside the deal, who neither reads nor writes it', async () => {
    const { deal, upstream, outsider } = await negotiation();
    const v1 = await saveScenarioVersion({ actor: upstream, origin, dealId: deal.id, input: { document: shiyanDocument(), message: 'v1' } });
    await addComment({ actor: upstream, origin, dealId: deal.id, versionId: v1.versionId, input: { body: 'Members only.' } });
    await expect(getScenarioVersion({ actor: outsider, origin, dealId: deal.id, versionId: v1.versionId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(addComment({ actor: outsider, origin, dealId: deal.id, versionId: v1.versionId, input: { body: 'Let me in.' } })).rejects.toBeInstanceOf(NotFoundError);
    expect(await testDb().comment.count({ where: { versionId: v1.versionId } })).toBe(1);
  });

  it('adds the comment and its audit event together', async () => {
    const { deal, downstream, upstream } = await negotiation();
    const v1 = await saveScenarioVersion({ actor: upstream, origin, dealId: deal.id, input: { document: shiyanDocument(), message: 'v1' } });
    const comment = await addComment({ actor: downstream, origin, dealId: deal.id, versionId: v1.versionId, input: { body: 'Noted.', target: 'costs[0]' } });
    const event = await testDb().auditEvent.findFirstOrThrow({ where: { dealId: deal.id, action: 'comment.added' } });
    expect(event).toMatchObject({ objectId: comment.id });
  });
});
