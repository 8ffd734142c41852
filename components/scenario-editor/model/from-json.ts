import type { ScenarioDocument, ValuesText } from './document';

type Loose = Record<string, unknown>;
const isRecord = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);

function valuesText(v: unknown): ValuesText {
  if (!isRecord(v)) return {};
  const out: ValuesText = {};
  for (const [k, x] of Object.entries(v)) out[k] = typeof x === 'string' ? x : String(x);
  return out;
}

/**
 * A raw document (e.g. `shiyanDocument()` or an upload) in the editor's shape:
 * JSON numbers in values maps become decimal text. Other fields are kept as they
 * are, so that the engine still reports whatever is wrong with them.
 */
export function toScenarioDocument(json: unknown): ScenarioDocument {
  const raw: Loose = isRecord(json) ? structuredClone(json) : {};
  const items = (list: unknown) => (Array.isArray(list) ? list.map((item) => (isRecord(item) ? { ...item, values: valuesText(item.values) } : item)) : list);
  const byKey = (m: unknown) => (isRecord(m) ? Object.fromEntries(Object.entries(m).map(([k, v]) => [k, valuesText(v)])) : m);
  const num = (v: unknown) => (typeof v === 'number' ? String(v) : v);
  const doc: Loose = { ...raw, costs: items(raw.costs) ?? [], alpha: byKey(raw.alpha) ?? {} };
  for (const list of ['subsidies', 'benefits', 'downstreamCosts'] as const) if (raw[list] !== undefined) doc[list] = items(raw[list]);
  if (raw.alphaOverrides !== undefined) doc.alphaOverrides = byKey(raw.alphaOverrides);
  if (raw.waterVolume !== undefined) doc.waterVolume = valuesText(raw.waterVolume);
  for (const f of ['discountRate', 'bargainingWeight'] as const) if (raw[f] !== undefined) doc[f] = num(raw[f]);
  return doc as unknown as ScenarioDocument;
}
