import { createHash } from 'node:crypto';
import { computeScenario, toResultJson } from '@/lib/engine/compute';
import { parseScenario, type ScenarioProblem } from '@/lib/engine/schema';
import { serializeScenario } from '@/lib/engine/serialize';

/**
 * What a saved version stores, derived from a pes-scenario/1 document: the canonical document,
 * the pes-result/1 it produces and the SHA-256 of the canonical text. Shared by the data layer
 * and the demo seed so both store versions the same way.
 */
export function prepareVersion(document: unknown): { ok: true; document: unknown; result: unknown; documentHash: string } | { ok: false; problems: ScenarioProblem[] } {
  const parsed = parseScenario(document);
  if (!parsed.ok) return parsed;
  const canonical = serializeScenario(parsed.scenario);
  return {
    ok: true,
    document: JSON.parse(canonical) as unknown,
    result: toResultJson(computeScenario(parsed.scenario)),
    documentHash: createHash('sha256').update(canonical).digest('hex'),
  };
}
