import { describe, expect, it } from 'vitest';
import { shiyanDocument } from '../../lib/engine';
import { ValidationError } from '../../lib/domain/errors';
import { readVersionMessage, restoredMessage } from '../../lib/domain/version-message';
import { loadActor } from '../../lib/server/auth/current-actor';
import { getScenarioVersion } from '../../lib/server/scenarios/get-scenario-version';
import { saveScenarioVersion } from '../../lib/server/scenarios/save-scenario-version';
import { makeDeal, makeUser, testDb } from '../factories';

// The editor keeps a value it cannot save out of the document; the save use case refuses one that
// reaches it anyway (another client, a hand-edited draft), so no version ever holds it.
const origin = { ip: '198.51.100.7', userAgent: 'vitest editor guards' };

async function scenarioWithV1() {
  const user = await makeUser({ kind: 'UPSTREAM_GOVERNMENT' });
  const deal = await makeDeal([{ userId: user.id, side: 'UPSTREAM', canEdit: true }]);
  const actor = (await loadActor(user.id))!;
  const v1 = await saveScenarioVersion({ actor, origin, dealId: deal.id, input: { document: shiyanDocument(), message: '论文假设' } });
  return { actor, deal, v1 };
}

const withAlpha = (alpha: Record<string, Record<string, string>>, overrides?: Record<string, Record<string, string>>) => ({
  ...(shiyanDocument() as Record<string, unknown>),
  alpha: { ...((shiyanDocument() as { alpha: object }).alpha ?? {}), ...alpha },
  ...(overrides ? { alphaOverrides: overrides } : {}),
});

describe('saving what the editor would not', () => {
  it.each([
    ['α 1.5 of a group', withAlpha({ ED: { '2003-2050': '1.5' } }), 'document.alpha.ED["2003-2050"]'],
    ['α −0.1 of a category', withAlpha({}, { C_f: { '2011-2020': '-0.1' } }), 'document.alphaOverrides.C_f["2011-2020"]'],
  ])('refuses %s in a new version, names it, and saves nothing', async (_, document, field) => {
    const { actor, deal, v1 } = await scenarioWithV1();
    const error = await saveScenarioVersion({ actor, origin, dealId: deal.id, input: { scenarioId: v1.scenarioId, baseVersionId: v1.versionId, document, message: '改 α' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems.map((p) => p.field)).toContain(field);
    expect((error as ValidationError).problemsIn('zh').find((p) => p.field === field)?.message).toMatch(/不在 0 与 1 之间/);
    expect(await testDb().scenarioVersion.count({ where: { scenarioId: v1.scenarioId } })).toBe(1);
    expect(await testDb().auditEvent.count({ where: { dealId: deal.id, action: 'scenario.version_saved' } })).toBe(1);
  });

  it('refuses "12abc" as a cost instead of reading 12', async () => {
    const { actor, deal, v1 } = await scenarioWithV1();
    const document = shiyanDocument() as { costs: { values: Record<string, string> }[] };
    document.costs[0]!.values = { ...document.costs[0]!.values, '2003-2010': '12abc' };
    const error = await saveScenarioVersion({ actor, origin, dealId: deal.id, input: { scenarioId: v1.scenarioId, baseVersionId: v1.versionId, document, message: '改成本' } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems.map((p) => p.field)).toContain('document.costs[0].values["2003-2010"]');
  });

  it('stores a confirmed negative cost as typed, and a restore with the message saying which version it restores', async () => {
    const { actor, deal, v1 } = await scenarioWithV1();
    const document = shiyanDocument() as { costs: { values: Record<string, string> }[] };
    document.costs[0]!.values = { ...document.costs[0]!.values, '2003-2010': '-1250.5' };
    const v2 = await saveScenarioVersion({ actor, origin, dealId: deal.id, input: { scenarioId: v1.scenarioId, baseVersionId: v1.versionId, document, message: '冲回多计的成本' } });
    const saved = await getScenarioVersion({ actor, origin, dealId: deal.id, versionId: v2.versionId });
    expect((saved.document as typeof document).costs[0]!.values['2003-2010']).toBe('-1250.5');

    const v3 = await saveScenarioVersion({
      actor,
      origin,
      dealId: deal.id,
      input: { scenarioId: v1.scenarioId, baseVersionId: v2.versionId, document: shiyanDocument(), message: restoredMessage(1, '回到论文假设') },
    });
    const restored = await getScenarioVersion({ actor, origin, dealId: deal.id, versionId: v3.versionId });
    expect(v3.number).toBe(3);
    expect(readVersionMessage(restored.message)).toEqual({ kind: 'restored', number: 1, note: '回到论文假设' });
    expect(restored.documentHash).toBe((await getScenarioVersion({ actor, origin, dealId: deal.id, versionId: v1.versionId })).documentHash);
  });
});
