// Property-based fuzzing of the parsers every request goes through: the engine's scenario parser
// and every zod schema exported by lib/domain/*-schemas.ts (found at run time, so a new schema
// file is fuzzed without being listed here). Properties: they never throw, whatever the input,
// and a refusal always comes with problems that name a field and say something.
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { isTextKey } from '@/lib/domain/local-text';
import { unstorableField } from '@/lib/domain/storable-json';
import { english } from '../support/english';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatPath, MAX_DOCUMENT_BYTES, parseScenario, parseScenarioText, shiyanDocument } from '@/lib/engine';

const runs = Number(process.env.FUZZ_RUNS) || 300;
const domainDir = path.resolve(import.meta.dirname, '../../lib/domain');

// --- Hostile JSON, with keys such as "__proto__" kept as own keys (as JSON.parse makes them) ----

type JTree = null | boolean | number | string | { raw: string } | { arr: JTree[] } | { obj: [string, JTree][] };

function toText(tree: JTree): string {
  if (tree === null || typeof tree !== 'object') return JSON.stringify(tree);
  if ('raw' in tree) return tree.raw;
  if ('arr' in tree) return `[${tree.arr.map(toText).join(',')}]`;
  return `{${tree.obj.map(([k, v]) => `${JSON.stringify(k)}:${toText(v)}`).join(',')}}`;
}

const hostileStrings = [
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '9'.repeat(400),
  '1e308',
  '1e-400',
  '0x1F',
  '0b11',
  ' 12 ',
  '1,000',
  '',
  ' ',
  '\u202Eevil\u202C مرحبا',
  'a\u0000b',
  'x\uD800y',
  '\uDFFF',
  '💧🌊👨‍👩‍👧‍👦',
  '__proto__',
  'constructor',
  'toString',
  '2021-02-30',
  '2021-13-45',
  '0000-00-00',
  '9999-99-99',
  '2021-01-01T00:00:00Z',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'UPSTREAM',
  'ADMIN',
  'accept',
  'scenario',
  'costs[9999]',
  '2003-2010',
  '2010-2003',
  'CNY',
  'pes-scenario/1',
  'payment-terms/1',
];
const hostileNumbers: JTree[] = [1e308, -1e308, 5e-324, 0, -1, 2 ** 53 + 1, 1.5, 1900, 2200, 2200.5, 1000, { raw: '1e999' }, { raw: '9'.repeat(400) }, { raw: '-0' }];
const hostileKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', '\u0000', 'x\uD800'];

/** Random JSON, and objects made of the given keys with hostile values (to get past key checks). */
function treeOf(keys: string[]): fc.Arbitrary<JTree> {
  const tree = anyTree(keys);
  if (!keys.length) return tree;
  return fc.oneof(
    tree,
    fc.array(fc.tuple(fc.constantFrom(...keys), tree), { minLength: 1, maxLength: keys.length + 1 }).map((obj) => ({ obj })),
  );
}

function anyTree(keys: string[]): fc.Arbitrary<JTree> {
  const leaf: fc.Arbitrary<JTree> = fc.oneof(
    fc.constantFrom(...hostileStrings),
    fc.constantFrom(...hostileNumbers),
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
  );
  const key = fc.oneof(fc.constantFrom(...keys, ...hostileKeys), fc.string({ maxLength: 10 }));
  return fc.letrec<{ node: JTree }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('node'), { maxLength: 5 }).map((arr) => ({ arr })),
      fc.array(fc.tuple(key, tie('node')), { maxLength: 6 }).map((obj) => ({ obj })),
    ),
  })).node;
}

/** What arrives at a parser: JSON.parse of the text (so 1e999 is Infinity and "__proto__" an own key). */
const fromTree = (tree: JTree): unknown => JSON.parse(toText(tree));
const deep = (levels: number) => JSON.parse(`${'{"a":['.repeat(levels)}1${']}'.repeat(levels)}`) as unknown;

type Path = (string | number)[];

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
}

/** The value with the node at `at` replaced (or removed): the path it changed. */
function mutate(valid: unknown, at: number, replacement: unknown, remove: boolean): { value: unknown; path: Path } {
  const copy = JSON.parse(JSON.stringify(valid)) as unknown;
  const paths = pathsOf(copy);
  const where = paths[at % paths.length]!;
  let parent = copy as Record<string | number, unknown>;
  for (const step of where.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = where[where.length - 1]!;
  if (remove && Array.isArray(parent)) parent.splice(Number(last), 1);
  else if (remove) delete parent[last];
  else parent[last] = replacement;
  return { value: copy, path: where };
}

// --- The scenario parser ------------------------------------------------------------------------

describe('parseScenario / parseScenarioText under hostile input', () => {
  const documentKeys = Object.keys(shiyanDocument() as object);

  function wellFormedRefusal(outcome: ReturnType<typeof parseScenario>): string | null {
    if (outcome.ok) return null;
    if (!outcome.problems.length) return 'refused without any problem';
    const bad = outcome.problems.find((p) => typeof p.path !== 'string' || !p.path || !isTextKey(p.code) || !english(p).trim());
    return bad ? `a problem without a path or message: ${JSON.stringify(bad)}` : null;
  }

  it('never throws on random JSON, and names a path and a reason for every problem', () => {
    fc.assert(
      fc.property(treeOf(documentKeys), (tree) => {
        const outcome = parseScenario(fromTree(tree));
        expect(wellFormedRefusal(outcome)).toBeNull();
      }),
      { numRuns: runs },
    );
  });

  it('never throws on random text, and refuses what is not a document', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), treeOf(documentKeys).map(toText)), (text) => {
        const outcome = parseScenarioText(text);
        expect(wellFormedRefusal(outcome)).toBeNull();
      }),
      { numRuns: runs },
    );
  });

  it('refuses a mutated reference document at the changed field or above it', () => {
    const valid = shiyanDocument();
    fc.assert(
      fc.property(fc.nat(), treeOf(documentKeys), fc.boolean(), (at, tree, remove) => {
        const { value, path: changed } = mutate(valid, at, fromTree(tree), remove);
        const outcome = parseScenario(value);
        expect(wellFormedRefusal(outcome)).toBeNull();
        if (outcome.ok) return;
        // Where the problem may be reported: the changed node or one of its ancestors; a removed
        // list element shifts its successors, so for lists the list itself counts.
        const named = outcome.problems.some((p) => {
          for (let i = changed.length; i >= 1; i--)
            if (p.path === formatPath(changed.slice(0, i)) || p.path.startsWith(`${formatPath(changed.slice(0, i))}[`) || p.path.startsWith(`${formatPath(changed.slice(0, i))}.`)) return true;
          return p.path === '(document)';
        });
        // Document rules may also move: a changed year range or code is reported where it clashes.
        const crossField = outcome.problems.some((p) => /outside|before|missing|duplicate|overlap|alpha|period|startYear|endYear/i.test(`${p.path} ${english(p)}`));
        expect(named || crossField, `mutating ${formatPath(changed)}${remove ? ' (removed)' : ` to ${JSON.stringify(tree).slice(0, 80)}`}: ${JSON.stringify(outcome.problems).slice(0, 400)}`).toBe(
          true,
        );
      }),
      { numRuns: runs },
    );
  });

  it('survives fixed nasties: deep nesting, huge text, prototype keys, lone surrogates', () => {
    const nasties: unknown[] = [
      deep(10_000),
      { ...(shiyanDocument() as object), costs: deep(5_000) },
      JSON.parse('{"__proto__":{"format":"pes-scenario/1"},"constructor":{"prototype":{"x":1}}}'),
      { ...(shiyanDocument() as object), name: 'x\uD800y\u0000' },
      { ...(shiyanDocument() as object), alpha: JSON.parse('{"__proto__":"0.5"}') },
      Object.create(null),
      [shiyanDocument()],
      'pes-scenario/1',
    ];
    for (const nasty of nasties) expect(wellFormedRefusal(parseScenario(nasty))).toBeNull();
    for (const text of ['', '\uFEFF{}', 'a'.repeat(MAX_DOCUMENT_BYTES + 1), `"${'a'.repeat(MAX_DOCUMENT_BYTES)}"`, `${'['.repeat(10_000)}${']'.repeat(10_000)}`, '{"a":1e999}', '\u0000']) {
      expect(wellFormedRefusal(parseScenarioText(text))).toBeNull();
    }
  });
});

// --- Every zod body schema in lib/domain/*-schemas.ts -------------------------------------------

const schemaFiles = readdirSync(domainDir)
  .filter((name) => /-schemas\.ts$/.test(name))
  .sort();
const schemas: { name: string; schema: z.ZodType }[] = [];
for (const file of schemaFiles) {
  const exported = (await import(path.join(domainDir, file))) as Record<string, unknown>;
  for (const [name, value] of Object.entries(exported)) if (value instanceof z.ZodType) schemas.push({ name: `${file} ${name}`, schema: value });
}

/** The field names a schema knows (objects, unions of objects, refined or piped objects). */
function keysOf(schema: unknown, depth = 0): string[] {
  if (!schema || typeof schema !== 'object' || depth > 4) return [];
  const s = schema as { shape?: Record<string, unknown>; options?: unknown[]; def?: { in?: unknown; innerType?: unknown } };
  if (s.shape && typeof s.shape === 'object') return Object.keys(s.shape);
  if (Array.isArray(s.options)) return [...new Set(s.options.flatMap((option) => keysOf(option, depth + 1)))];
  return keysOf(s.def?.in ?? s.def?.innerType, depth + 1);
}

/** Known valid bodies, for mutating one field at a time; schemas without one get random input only. */
const samples: Record<string, unknown> = {
  'deal-schemas.ts ZCreateDeal': { slug: 'fuzz-deal', name: 'n', nameZh: 'n', watershed: 'w', watershedZh: 'w', startYear: 2020, endYear: 2030, priceBase: '2020 prices' },
  'deal-schemas.ts ZChangeDealStatus': { status: 'NEGOTIATING' },
  'deal-schemas.ts ZAddMember': { userId: '6f1c2b0e-8a4d-4c3e-9b7a-1d2e3f4a5b6c', side: 'UPSTREAM', canEdit: true, canSign: false },
  'deal-schemas.ts ZInviteMember': { email: 'someone@example.test', side: 'OBSERVER' },
  'deal-schemas.ts ZChangeMember': { side: 'DOWNSTREAM', canEdit: true },
  'deal-schemas.ts ZCreateOrganisation': { name: 'Org', nameZh: '机构', kind: 'OBSERVER', region: 'Hubei' },
  'deal-schemas.ts ZCreateUser': { email: 'a@example.test', name: 'A', password: 'correct horse battery staple', role: 'MEMBER', locale: 'en', organisationId: '6f1c2b0e-8a4d-4c3e-9b7a-1d2e3f4a5b6c' },
  'offer-schemas.ts ZSendOffer': {
    versionId: '6f1c2b0e-8a4d-4c3e-9b7a-1d2e3f4a5b6c',
    schedule: [
      { from: 2021, to: 2025, amount: '100' },
      { from: 2026, to: 2030, pricePerM3: '0.5', volume: '1000' },
    ],
    validUntil: '2030-01-01T00:00:00Z',
  },
  'offer-schemas.ts ZAnswerOffer': { move: 'reject', reason: 'too low' },
  'scenario-schemas.ts ZEvidenceLink': { target: 'costs[3]', fileName: 'a.pdf', sha256: 'a'.repeat(64), note: 'n' },
  'scenario-schemas.ts ZSaveVersion': {
    document: {},
    message: 'm',
    baseVersionId: '6f1c2b0e-8a4d-4c3e-9b7a-1d2e3f4a5b6c',
    evidence: [{ target: 'scenario', fileName: 'a.pdf', sha256: 'b'.repeat(64) }],
  },
  'scenario-schemas.ts ZNewScenario': { document: {}, message: 'm', name: 'n' },
  'scenario-schemas.ts ZFork': { name: 'n' },
  'scenario-schemas.ts ZComment': { body: 'b', target: 'costs[1]' },
};

/** apiRoute turns each issue into { field, message } this way; both must say something. */
function issueProblems(error: z.ZodError): string | null {
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || '(body)';
    if (!field || typeof issue.message !== 'string' || !issue.message.trim()) return `an issue without a field or message: ${JSON.stringify(issue)}`;
  }
  return error.issues.length ? null : 'refused without any issue';
}

describe('every zod schema of lib/domain/*-schemas.ts under hostile input', () => {
  it('finds the schema files and their schemas', () => {
    expect(schemaFiles.length).toBeGreaterThan(2);
    expect(schemas.length).toBeGreaterThan(10);
  });

  for (const { name, schema } of schemas) {
    it(`${name}: never throws, and every refusal names a field and a reason`, () => {
      const keys = keysOf(schema);
      fc.assert(
        fc.property(treeOf(keys), (tree) => {
          const input = fromTree(tree);
          // Every body passes the storable-JSON check before its schema (api-route): what it refuses never reaches zod.
          const refused = unstorableField(input);
          if (refused) return void expect(refused.field && refused.message.trim()).toBeTruthy();
          let parsed: ReturnType<z.ZodType['safeParse']>;
          try {
            parsed = schema.safeParse(input);
          } catch (error) {
            throw new Error(`${name}.safeParse threw ${(error as Error).name}: ${(error as Error).message} on ${toText(tree).slice(0, 200)}`);
          }
          if (!parsed.success) expect(issueProblems(parsed.error)).toBeNull();
        }),
        { numRuns: runs },
      );
      for (const nasty of [deep(10_000), JSON.parse('{"__proto__":{"role":"ADMIN"}}'), Object.create(null), 'x'.repeat(1_000_000)]) {
        expect(() => schema.safeParse(nasty), `${name} on a nasty input`).not.toThrow();
      }
    });

    const sample = samples[name];
    if (sample === undefined) continue;
    it(`${name}: a valid body with one field broken is refused naming that field`, () => {
      expect(schema.safeParse(sample).success, `the sample for ${name} is not valid any more: ${JSON.stringify(schema.safeParse(sample).error?.issues)}`).toBe(true);
      const keys = Object.keys(sample as object);
      fc.assert(
        fc.property(fc.nat(), treeOf(keys), fc.boolean(), (at, tree, remove) => {
          const { value, path: changed } = mutate(sample, at, fromTree(tree), remove);
          const refused = unstorableField(value);
          if (refused) return void expect(refused.field === '(body)' || refused.field.split('.')[0] === String(changed[0]), `${refused.field} for ${changed.join('.')}`).toBe(true);
          let parsed: ReturnType<z.ZodType['safeParse']>;
          try {
            parsed = schema.safeParse(value);
          } catch (error) {
            throw new Error(`${name}.safeParse threw ${(error as Error).name}: ${(error as Error).message} with ${changed.join('.')} changed`);
          }
          if (parsed.success) return;
          expect(issueProblems(parsed.error)).toBeNull();
          const top = String(changed[0]);
          // The field is named by the issue's path, or, for checks across fields and unions, in its message.
          const named = parsed.error.issues.some((issue) => String(issue.path[0] ?? '') === top || issue.message.includes(top) || (issue.code === 'unrecognized_keys' && issue.keys.includes(top)));
          const acrossFields = parsed.error.issues.some((issue) => issue.code === 'custom');
          // A discriminator changed to another valid variant ({ move: "reject", reason } → "accept")
          // leaves the sample's other fields unknown to that variant: the refusal names them.
          const switchedVariant = parsed.error.issues.some((issue) => issue.code === 'unrecognized_keys' && issue.path.length === 0 && issue.keys.some((key) => keys.includes(key)));
          expect(named || acrossFields || switchedVariant, `${changed.join('.')} ${remove ? 'removed' : `= ${toText(tree).slice(0, 80)}`}: ${JSON.stringify(parsed.error.issues).slice(0, 400)}`).toBe(
            true,
          );
        }),
        { numRuns: runs },
      );
    });
  }
});
