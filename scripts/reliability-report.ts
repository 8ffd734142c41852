// npm run reliability:report — regenerates docs/reliability.md from the last runs' JSON under
// test-results/ (which git ignores): the load test, the fault tests and the fuzz tests. A missing
// file keeps the section the page already has (the last recorded run, which another checkout may
// have made), else it is reported as "not run" rather than failing, so the page can be
// regenerated at any time with only some of the runs at hand.
//
// Inputs:
//
//   test-results/load/scale-1.json, scale-10.json (else last.json)
//       written by `npm run load` (scripts/load.ts, interface LoadResults, format "pes-load/1").
//
//   test-results/floor/last.json
//       written by `npm run bench:floor` (scripts/bench-floor.ts, interface FloorResults, format "pes-floor/1").
//
//   test-results/faults/last.json and test-results/fuzz/last.json
//       written by the fault-injection and fuzz suites, in this shape (fields marked ? may be
//       left out):
//
//       {
//         "format"?: "pes-faults/1" | "pes-fuzz/1",
//         "ranAt": "2026-11-26T01:00:00.000Z",        // ISO time the run finished
//         "command"?: "npm run test:faults",          // how to run it again
//         "cases": [
//           {
//             "name": "server killed (SIGKILL) during a version save",  // what was done, one line
//             "outcome": "pass" | "fail" | "skip",     // vitest's "passed" / "failed" / "skipped" / "todo" also accepted
//             "details": "no partial version; 3 chains hold",          // a line, or a JSON object of figures
//             "nothingLost"?: { "counts": true, "hashes": true },       // how "nothing lost" was established
//             "durationMs"?: 1234
//           }
//         ],
//         "inputs"?: 12000,                             // fuzz: inputs tried in all
//         "seed"?: "1795655102"                         // fuzz: the seed, to replay a run
//       }
//
//   "nothingLost" says how "nothing lost" was established for the case: counts (rows before and
//   after, or every acknowledged write found) and hashes (audit chains verified, agreement hashes
//   recomputed). Without it, the report reads it off the figures in an object `details`: a key
//   like stored / acknowledged / missing / count means counts, a key like hash / chain means
//   hashes. An object `details` is shown flattened ("observed.versionsStored 37; …").
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FloorResults } from './bench-floor';
import type { EndpointResult, LoadResults } from './load';
import type { EndpointRun } from './load-driver';

const root = path.resolve(import.meta.dirname, '..');
const results = path.join(root, 'test-results');
const out = path.join(root, 'docs', 'reliability.md');

export interface CaseResult {
  name: string;
  outcome: 'pass' | 'fail' | 'skip' | 'passed' | 'failed' | 'skipped' | 'todo';
  details?: string | Record<string, unknown>;
  nothingLost?: { counts?: boolean; hashes?: boolean };
  durationMs?: number;
}

export interface SuiteResults {
  format?: 'pes-faults/1' | 'pes-fuzz/1';
  ranAt: string;
  command?: string;
  cases: CaseResult[];
  inputs?: number;
  seed?: string;
}

function read<T>(file: string): T | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (error) {
    console.warn(`${path.relative(root, file)} is not valid JSON (${error instanceof Error ? error.message : String(error)}); left out`);
    return null;
  }
}

const cell = (text: string | number | null | undefined) => (text === null || text === undefined || text === '' ? '—' : String(text).replaceAll('|', '\\|').replaceAll('\n', ' '));
const day = (iso: string) => iso.replace('T', ' ').replace(/:\d\d\.\d+Z$/, ' UTC');

function loadSection(runs: LoadResults[]): string[] {
  const lines = ['## Load', ''];
  if (runs.length === 0) return [...lines, 'Not run yet: `flock /tmp/next-build.lock npm run load` writes `test-results/load/`.', ''];
  const first = runs[0]!;
  const think = first.thinkSeconds ?? null;
  lines.push(
    `\`npm run load\`: the production server (\`npm start\`'s, one worker per core) on a fresh database, driven from a separate process, each endpoint ` +
      `for ${first.durationSeconds} s in two ways. ` +
      (think === null
        ? ''
        : `**${first.connections} users**: each sends a request, reads the answer, thinks ${think} s on average (0.5–1.5×, users out of step) and sends the next; ` +
          'this is the load of 50 people at work and the targets are judged on it (docs/decisions/0018-load-model.md). ') +
      `**Capacity**: ${first.connections} connections that never pause (autocannon, after a ${first.warmupSeconds} s warm-up), so the server is saturated; ` +
      'its mean latency is about connections ÷ req/s, and 1000 ÷ req/s is the time the whole machine spends per request. ' +
      'Targets: p95 ≤ 200 ms for reads and ≤ 500 ms for writes, and no errors (transport errors, timeouts, 5xx) in either run. ' +
      '409 answers to a version save are stale-base conflicts, an expected outcome, counted apart.',
    '',
  );
  const header = ['| endpoint | req/s | p50 ms | p95 ms | p99 ms | non-2xx | of which 409 | errors | peak RSS MB | p95 target |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|'];
  const rows = (run: LoadResults, pick: (e: EndpointResult) => EndpointRun | null | undefined, judged: boolean) => {
    const out: string[] = [...header];
    for (const e of run.endpoints) {
      const r = pick(e);
      if (!r) {
        out.push(`| \`${cell(e.label)}\` | ${cell(e.note ?? 'not run')} | | | | | | | | |`);
        continue;
      }
      const verdict = judged ? `≤ ${e.targetP95Ms} ms ${e.pass ? '**PASS**' : '**FAIL**'}` : 'capacity';
      out.push(
        `| \`${cell(e.label)}\` | ${r.rps} | ${r.latencyMs.p50} | ${r.latencyMs.p95} | ${r.latencyMs.p99} | ${r.non2xx} | ${r.conflicts} | ${r.errors + r.serverErrors} | ${cell(e.peakRssMb)} | ${verdict} |`,
      );
    }
    return [...out, ''];
  };
  for (const run of runs) {
    const d = run.data;
    const runThink = run.thinkSeconds ?? null;
    lines.push(
      `### Scale ${run.scale}: ${d.deals} deals, ${d.users} users, ${d.versions} versions, ${d.offers} offers, ${d.agreements} agreements`,
      '',
      `Run ${day(run.ranAt)} on ${run.database.replace(/\/pes_load_\d+_\d+$/, '')}; ${run.machine.cpus} cores, Node ${run.machine.node}, load average ${run.machine.loadAverageAtStart.join(' / ')} at the start. ` +
        `Seeded in ${(d.seedMs / 1000).toFixed(1)} s; ${run.signIn.users} users signed in over HTTP (${run.signIn.failures.length} failed, ${run.signIn.rateLimited} rate-limited).`,
      '',
    );
    if (runThink !== null) lines.push(`${run.connections} users thinking ${runThink} s:`, '', ...rows(run, (e) => e.paced, true));
    lines.push(`Capacity, ${run.connections} connections without a pause:`, '', ...rows(run, (e) => e.run, runThink === null));
    const i = run.integrity;
    const nothingLost = i
      ? `versions ${i.versions.found} (${i.versions.missing?.length ?? '?'} confirmed saves missing), offers ${i.offers.found} (${i.offers.missing?.length ?? '?'} missing), ` +
        `${i.audit.chains} audit chains / ${i.audit.events} events ${i.audit.broken.length ? '**broken**' : 'verified'}, ${i.agreements.archived} archived agreement hashes ${i.agreements.hashMismatches.length ? '**differ**' : 'recomputed and equal'}`
      : 'not checked';
    lines.push(
      `Server peak RSS ${cell(run.server.peakRssMb)} MB${run.server.crashed ? `, **crashed** (${run.server.crashed})` : ''}. Nothing lost (counts and hashes): ${nothingLost} → ${i?.ok ? '**PASS**' : '**FAIL**'}.`,
      '',
    );
    if (run.errors.length) {
      lines.push('Errors:', '');
      for (const error of run.errors) lines.push(`- ${cell(error.slice(0, 400))}`);
      lines.push('');
    }
  }
  const one = runs.find((r) => r.scale === 1);
  const big = runs.find((r) => r.scale > 1);
  if (one && big) {
    lines.push(`### ${big.scale}× the data against 1×`, '', '| endpoint | users: p95 ms | capacity: req/s | capacity: p95 ms | peak RSS MB |', '|---|---|---|---|---|');
    const pct = (a: number, b: number) => (a === 0 ? '' : ` (${b >= a ? '+' : ''}${(((b - a) / a) * 100).toFixed(0)} %)`);
    const from = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? '—' : `${a} → ${b}${pct(a, b)}`);
    for (const e of big.endpoints) {
      const base = one.endpoints.find((x) => x.id === e.id);
      if (!base) continue;
      lines.push(
        `| \`${cell(e.label)}\` | ${from(base.paced?.latencyMs.p95, e.paced?.latencyMs.p95)} | ${from(base.run?.rps, e.run?.rps)} | ${from(base.run?.latencyMs.p95, e.run?.latencyMs.p95)} | ${cell(base.peakRssMb)} → ${cell(e.peakRssMb)} |`,
      );
    }
    lines.push('');
  }
  return lines;
}

type Outcome = 'pass' | 'fail' | 'skip';
function outcomeOf(c: CaseResult): Outcome {
  return c.outcome === 'pass' || c.outcome === 'passed' ? 'pass' : c.outcome === 'fail' || c.outcome === 'failed' ? 'fail' : 'skip';
}

/** Leaf values of an object as "a.b value" pairs, arrays shortened to their length beyond a few items. */
function flatten(value: unknown, prefix = ''): [string, string][] {
  if (value === null || typeof value !== 'object') return [[prefix, String(value)]];
  if (Array.isArray(value) && value.length > 3) return [[prefix, `${value.length} items`]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, v]) => flatten(v, prefix ? `${prefix}.${key}` : key));
}

function detailsText(details: CaseResult['details']): string {
  if (details === undefined) return '';
  if (typeof details === 'string') return details;
  const text = flatten(details)
    .map(([key, v]) => `${key} ${v}`)
    .join('; ');
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

function nothingLostOf(c: CaseResult): string {
  let { counts, hashes } = c.nothingLost ?? {};
  if (!c.nothingLost && c.details && typeof c.details === 'object') {
    const keys = flatten(c.details).map(([key]) => key);
    counts = keys.some((k) => /stored|acknowledged|missing|lost|count/i.test(k));
    hashes = keys.some((k) => /hash|chain/i.test(k));
  }
  return [counts ? 'counts' : '', hashes ? 'hashes' : ''].filter(Boolean).join(' + ');
}

function suiteSection(title: string, file: string, suite: SuiteResults | null, howToRun: string): string[] {
  const lines = [`## ${title}`, ''];
  if (!suite) return [...lines, `Not run yet: ${howToRun} writes \`${path.relative(root, file)}\`.`, ''];
  const count = (o: Outcome) => suite.cases.filter((c) => outcomeOf(c) === o).length;
  lines.push(
    `Run ${day(suite.ranAt)}${suite.command ? ` (\`${suite.command}\`)` : ''}: ${count('pass')} passed, ${count('fail')} failed, ${count('skip')} skipped` +
      `${suite.inputs ? `; ${suite.inputs} inputs` : ''}${suite.seed ? `, seed ${suite.seed}` : ''}.`,
    '',
    '| case | outcome | nothing lost checked by | details |',
    '|---|---|---|---|',
  );
  for (const c of suite.cases) {
    const outcome = outcomeOf(c);
    lines.push(`| ${cell(c.name)} | ${outcome === 'fail' ? '**FAIL**' : outcome} | ${cell(nothingLostOf(c))} | ${cell(detailsText(c.details))} |`);
  }
  lines.push('');
  return lines;
}

function floorSection(run: FloorResults | null): string[] {
  const lines = ['## Against the floor', ''];
  if (!run) return [...lines, 'Not run yet: `npm run bench:floor` writes `test-results/floor/last.json`.', ''];
  lines.push(
    `What a request costs the platform against what it costs Next.js itself: a bare app (bench/floor) with one dynamic page and one route handler that each run one query of the deals, and the production server, one worker each on one fresh database seeded by the load seed; ${run.connections} connections that never pause, ${run.durationSeconds} s each after a ${run.warmupSeconds} s warm-up. Run ${day(run.ranAt)} on ${run.machine.cpus} cores, Node ${run.machine.node}, load average at start ${run.machine.loadAverageAtStart.join(' / ')}. Target: each pair at 50 % of the floor or more, zero errors, the platform worker's peak RSS at most 1.2 × the bare app's.`,
    '',
    '| pair | platform req/s | floor req/s | ratio | p50 ms | p99 ms | floor p99 ms | errors | peak RSS MB | floor RSS MB | target |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const pair of run.pairs) {
    const p = pair.platform;
    const f = pair.floorRun;
    lines.push(
      `| \`${cell(pair.label)}\` vs the ${pair.floor === 'route' ? 'route handler' : 'page'} | ${p.rps} | ${f.rps} | ${Math.round(pair.ratio * 100)} % | ${p.p50Ms} | ${p.p99Ms} | ${f.p99Ms} | ${p.errors + p.non2xx} | ${cell(p.peakRssMb)} | ${cell(f.peakRssMb)} | ${pair.pass ? 'PASS' : '**FAIL**'} |`,
    );
  }
  const { rss } = run;
  lines.push(
    '',
    `Peak worker RSS: platform ${cell(rss.platformWorkerMb)} MB, bare app ${cell(rss.floorMb)} MB, ratio ${cell(rss.ratio)} (${rss.pass === null ? 'not measured' : rss.pass ? 'PASS' : '**FAIL**'}).`,
    '',
  );
  if (run.errors.length) lines.push('Errors:', '', ...run.errors.map((error) => `- ${cell(error)}`), '');
  return lines;
}

const loadRuns = [1, 10].map((scale) => read<LoadResults>(path.join(results, 'load', `scale-${scale}.json`))).filter((r): r is LoadResults => r?.format === 'pes-load/1');
if (loadRuns.length === 0) {
  const last = read<LoadResults>(path.join(results, 'load', 'last.json'));
  if (last?.format === 'pes-load/1') loadRuns.push(last);
}
const faultsFile = path.join(results, 'faults', 'last.json');
const fuzzFile = path.join(results, 'fuzz', 'last.json');

/** The page as it stands, by section (`## Title` to the next one), to keep a section whose run is not at hand. */
const standing = new Map<string, string[]>();
if (existsSync(out)) {
  let title: string | null = null;
  for (const line of readFileSync(out, 'utf8').split('\n')) {
    if (line.startsWith('## ')) standing.set((title = line), [line]);
    else if (title) standing.get(title)!.push(line);
  }
}

/** A section whose run is not here ("Not run yet") is the one the page already has, when it has one with figures. */
function keptIfNotRun(section: string[]): string[] {
  const before = standing.get(section[0]!);
  if (!section.some((line) => line.startsWith('Not run yet')) || !before || before.some((line) => line.startsWith('Not run yet'))) return section;
  while (before.at(-1) === '') before.pop();
  return [...before, ''];
}

const page = [
  '# Reliability',
  '',
  '<!-- Generated by `npm run reliability:report` (scripts/reliability-report.ts) from the last runs in test-results/. Edit the script, not this file. -->',
  '',
  'What the platform has been shown to withstand, from the last recorded runs. "Nothing lost" means counted and hashed: every write the',
  'server confirmed is found in the database, and the audit hash chains and archived agreement hashes verify. How backups are made and',
  'checked is in [docs/decisions/0015-load-and-backup.md](decisions/0015-load-and-backup.md); `tests/integration/backup-restore.test.ts`',
  'restores the demo data into an empty database and verifies every chain and agreement hash, and refuses a backup with one byte flipped.',
  '',
  ...keptIfNotRun(loadSection(loadRuns)),
  ...keptIfNotRun(floorSection(((run) => (run?.format === 'pes-floor/1' ? run : null))(read<FloorResults>(path.join(results, 'floor', 'last.json'))))),
  ...keptIfNotRun(suiteSection('Fault tests', faultsFile, read<SuiteResults>(faultsFile), 'the fault-injection suite')),
  ...keptIfNotRun(suiteSection('Fuzz tests', fuzzFile, read<SuiteResults>(fuzzFile), 'the fuzz suite')),
];
writeFileSync(out, `${page.join('\n').trimEnd()}\n`);
console.log(
  `Wrote ${path.relative(process.cwd(), out)} (load: ${loadRuns.map((r) => `scale ${r.scale}`).join(', ') || 'kept as it stood, or not run'}; faults: ${existsSync(faultsFile) ? 'yes' : 'kept as it stood, or not run'}; fuzz: ${existsSync(fuzzFile) ? 'yes' : 'kept as it stood, or not run'}).`,
);
