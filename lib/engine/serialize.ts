import { CATEGORIES, GROUPS } from './categories';
import type { BenefitItem, CostItem, LabelledItem, Scenario, ValuesMap } from './schema';
import { SCENARIO_FORMAT } from './schema';
import { parseYearKey } from './years';

/**
 * Canonical `pes-scenario/1` text: fixed field order (that of the format's
 * example), values maps in year order, α groups and overrides in table order,
 * two-space indentation with each values map and period on one line.
 * A hand-written writer because JSON.stringify lists integer-like keys ("2015")
 * before range keys ("2003-2010") whatever order they were inserted in.
 */

type JsonNode = string | number | boolean | null | JsonNode[] | JsonObject;
class JsonObject {
  constructor(
    readonly entries: [string, JsonNode][],
    /** Print on one line: short maps that read better as a row. */
    readonly inline = false,
  ) {}
}

function write(node: JsonNode, indent: string): string {
  if (node instanceof JsonObject) {
    if (node.entries.length === 0) return '{}';
    const parts = node.entries.map(([k, v]) => `${JSON.stringify(k)}: ${write(v, indent + '  ')}`);
    return node.inline ? `{ ${parts.join(', ')} }` : `{\n${indent}  ${parts.join(`,\n${indent}  `)}\n${indent}}`;
  }
  if (Array.isArray(node)) {
    if (node.length === 0) return '[]';
    return `[\n${indent}  ${node.map((v) => write(v, indent + '  ')).join(`,\n${indent}  `)}\n${indent}]`;
  }
  return JSON.stringify(node);
}

function valuesNode(values: ValuesMap): JsonObject {
  const keyed = Object.entries(values).map(([k, v]) => {
    const r = parseYearKey(k);
    return { k, v, from: r.ok ? r.from : 0 };
  });
  keyed.sort((a, b) => a.from - b.from);
  return new JsonObject(
    keyed.map(({ k, v }) => [k, v]),
    true,
  );
}

function itemNode(item: CostItem | LabelledItem | BenefitItem): JsonObject {
  const entries: [string, JsonNode][] = [];
  if ('code' in item) entries.push(['code', item.code]);
  if ('kind' in item && item.kind !== undefined) entries.push(['kind', item.kind]);
  entries.push(['label', item.label], ['values', valuesNode(item.values)]);
  return new JsonObject(entries);
}

function keyedMaps(order: readonly string[], maps: Record<string, ValuesMap | undefined>): JsonObject {
  return new JsonObject(order.flatMap((k) => (maps[k] ? [[k, valuesNode(maps[k])] as [string, JsonNode]] : [])));
}

export function serializeScenario(s: Scenario): string {
  const e: [string, JsonNode][] = [
    ['format', SCENARIO_FORMAT],
    ['name', s.name],
    ['currency', s.currency],
    ['unit', s.unit],
    ['priceBase', s.priceBase],
    ['startYear', s.startYear],
    ['endYear', s.endYear],
  ];
  const optional = (key: string, value: JsonNode | undefined) => {
    if (value !== undefined) e.push([key, value]);
  };
  optional('paymentStartYear', s.paymentStartYear);
  optional('catchUpYears', s.catchUpYears);
  optional('discountRate', s.discountRate);
  optional('bargainingWeight', s.bargainingWeight);
  optional(
    'periods',
    s.periods?.map(
      (p) =>
        new JsonObject(
          [
            ['label', p.label],
            ['from', p.from],
            ['to', p.to],
          ],
          true,
        ),
    ),
  );
  e.push(['costs', s.costs.map(itemNode)]);
  e.push(['subsidies', s.subsidies.map(itemNode)]);
  e.push(['alpha', keyedMaps(GROUPS, s.alpha)]);
  e.push(['alphaOverrides', keyedMaps(CATEGORIES, s.alphaOverrides)]);
  optional('benefits', s.benefits?.map(itemNode));
  optional('downstreamCosts', s.downstreamCosts?.map(itemNode));
  optional('waterVolume', s.waterVolume && valuesNode(s.waterVolume));
  return write(new JsonObject(e), '') + '\n';
}
