import 'server-only';
import { LRUCache } from 'lru-cache';
import { computeScenario } from '@/lib/engine';
import { modelVersionOf, type ModelVersion } from '@/lib/engine/offer-schedule';
import { parseOrRefuse } from '@/lib/server/scenarios/save-scenario-version';

// A saved version never changes (a trigger refuses it), so what its offers are checked against is
// computed once per server process.
const cache = new LRUCache<string, ModelVersion>({ max: 2_000 });

/** The model's payment, bounds, payment start, catch-up years and i_s of a saved version. */
export function modelVersion(version: { id: string; document: unknown }): ModelVersion {
  let model = cache.get(version.id);
  if (!model) {
    model = modelVersionOf(computeScenario(parseOrRefuse(version.document)));
    cache.set(version.id, model);
  }
  return model;
}
