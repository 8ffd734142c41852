import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, EXPLAIN_FIELDS, GROUPS } from '../../lib/engine';
import { CALCULATOR_KINDS, NAMED_UNITS } from '../../components/scenario-editor/model';

/**
 * The editor's files call useTranslations('editor') more than once per file, which the
 * general catalogue test skips; this one checks their literal and computed keys.
 */
const root = path.join(import.meta.dirname, '../..');
type Tree = { [key: string]: string | Tree };
const editor = (locale: string) => (JSON.parse(readFileSync(path.join(root, 'messages', `${locale}.json`), 'utf8')) as { editor: Tree }).editor;
const has = (tree: Tree, key: string) => typeof key.split('.').reduce<Tree | string | undefined>((t, p) => (typeof t === 'object' ? t[p] : undefined), tree) === 'string';

describe('editor messages', () => {
  const dir = path.join(root, 'components/scenario-editor');
  const files = readdirSync(dir).filter((f) => f.endsWith('.tsx'));
  const literal = files.flatMap((f) => [...readFileSync(path.join(dir, f), 'utf8').matchAll(/\bt\(\s*'([\w.]+)'/g)].map((m) => m[1]!));
  const computed = [
    ...GROUPS.map((g) => `groups.${g}`),
    ...CATEGORIES.map((c) => `categories.${c}`),
    ...EXPLAIN_FIELDS.map((f) => `fieldNames.${f}`),
    ...CALCULATOR_KINDS.flatMap((k) => [`calculator.kinds.${k}`, `calculator.formulas.${k}`]),
    ...NAMED_UNITS.map((u) => `units.u${u}`),
    ...['notANumber', 'outOfRange', 'notBetween01', 'notPositive', 'notAYear', 'notAWholeNumber', 'empty', 'negative'].map((p) => `problems.${p}`),
    ...['name', 'currency', 'unit', 'priceBase', 'startYear', 'endYear', 'paymentStartYear', 'catchUpYears', 'discountRate', 'bargainingWeight'].flatMap((f) => [`fields.${f}`, `fieldHints.${f}`]),
    ...['baseYear', 'gdp0', 'sourceGrowthBefore', 'sourceGrowthAfter', 'referenceGrowthBefore', 'referenceGrowthAfter', 'gdpActual', 'population', 'revenueRatio', 'growthFactor', 'floorAtZero'].map(
      (k) => `calculator.industrial.${k}`,
    ),
    'scale.wan',
    'scale.yi',
  ];

  it.each(['en', 'zh'])('holds every key the editor uses in %s', (locale) => {
    expect(literal.length).toBeGreaterThan(50);
    const tree = editor(locale);
    expect([...literal, ...computed].filter((k) => !has(tree, k))).toEqual([]);
  });
});
