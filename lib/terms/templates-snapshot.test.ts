import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTemplate } from './templates';

// Each template's document as it was written out by hand, before the builders (templates.ts) made
// them: the builders must produce the same JSON, byte for byte (key order included, as a document
// is shown and hashed from its text).
const before = JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures/templates-before-builders.json'), 'utf8')) as Record<string, Record<string, unknown>>;

describe('templates built from their figures', () => {
  it.each(Object.keys(before).map((id) => [id]))('%s is the document it was before', (id) => {
    const template = findTemplate(id);
    expect(template, id).toBeDefined();
    const now = { terms: template!.terms, sample: template!.sample, money: template!.money ?? null, unitConstant: template!.unitConstant ?? null, yearConstant: template!.yearConstant ?? null };
    expect(JSON.stringify(now.terms, null, 2)).toBe(JSON.stringify(before[id]!.terms, null, 2));
    expect(now).toEqual(before[id]);
  });
});
