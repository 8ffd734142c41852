// npx tsx scripts/support/cpu-profile-summary.ts DIR [--top N] [--stage measure|warmup|paced]
//
// Where a server's CPU time went, per endpoint, from the V8 CPU profiles `npm run load --
// --cpu-prof DIR` writes: the profiles are cut by DIR/phases.json (when each endpoint ran, on the
// monotonic clock V8 times its samples by), and for each endpoint it prints the share of samples
// spent in each module and function itself (self) and with what it called (total). Frames in
// Next's bundled chunks are mapped back to their sources through the chunks' source maps when
// there are any. Idle samples are counted apart: the shares are of the time the worker was busy.
import { readdirSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}
interface Phase {
  id: string;
  stage: string;
  startUs: number;
  endUs?: number;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' }, stage: { type: 'string', default: 'measure' } },
});
const dir = positionals[0];
if (!dir) {
  console.error('usage: npx tsx scripts/support/cpu-profile-summary.ts DIR [--top N] [--stage measure|warmup|paced]');
  process.exit(2);
}
const top = Number(values.top);
const phases = (JSON.parse(readFileSync(path.join(dir, 'phases.json'), 'utf8')) as Phase[]).filter((p) => p.stage === values.stage && p.endUs);

const maps = new Map<string, SourceMap | null>();
function sourceMapOf(url: string): SourceMap | null {
  if (!maps.has(url)) {
    let map: SourceMap | null = null;
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${fileURLToPath(url)}.map`, 'utf8')));
    } catch {
      map = null;
    }
    maps.set(url, map);
  }
  return maps.get(url)!;
}

/** The source file a frame's code came from: a package, a file of the app, a Node built-in, or V8's own. */
function moduleOf(frame: CallFrame): { module: string; where: string } {
  const { url, lineNumber, columnNumber } = frame;
  if (!url) return { module: frame.functionName || '(anonymous)', where: '' };
  if (url.startsWith('node:')) return { module: url, where: url };
  let source = url;
  let line = lineNumber;
  if (url.startsWith('file://') && url.includes('/.next/')) {
    const entry = sourceMapOf(url)?.findEntry(lineNumber, columnNumber);
    if (entry && 'originalSource' in entry && entry.originalSource) {
      source = entry.originalSource;
      line = entry.originalLine;
    }
  }
  source = source.replace(/^file:\/\//, '').replace(/^turbopack:\/\/\/(\[project\]\/)?/, '');
  const inPackage = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (inPackage) return { module: inPackage[1]!, where: `${source.slice(source.lastIndexOf('node_modules/') + 13)}:${line + 1}` };
  const inApp = source.match(/(?:^|\/)((?:app|lib|components|i18n|messages)\/.*|proxy\.ts)$/);
  if (inApp) return { module: inApp[1]!, where: `${inApp[1]}:${line + 1}` };
  if (source.includes('/.next/')) return { module: `.next/${path.basename(source)}`, where: `${path.basename(source)}:${line + 1}` };
  return { module: source, where: `${source}:${line + 1}` };
}

function files(): string[] {
  return readdirSync(dir!).filter((f) => f.endsWith('.cpuprofile'));
}

/** Coarse kinds of work, for the decision records: what a lever would have to move. */
function categoryOf(module: string): string {
  if (module === '(garbage collector)') return 'garbage collection';
  if (module === 'next' || module === 'react' || module === 'react-dom' || module.startsWith('[turbopack]')) return 'Next.js and React (routing, rendering, streaming)';
  if (module.startsWith('@prisma') || module === '%40prisma') return 'Prisma client';
  if (/^(pg|pg-protocol|pg-pool|pg-types|postgres-)/.test(module)) return 'pg driver';
  if (/^(use-intl|next-intl|%40formatjs|@formatjs|intl-messageformat)/.test(module) || module.endsWith('core.ts')) return 'messages (next-intl, ICU)';
  if (/^(next-auth|jose|%40panva|@panva)/.test(module) || module.includes('crypto')) return 'session cookie crypto';
  if (/^(app|lib|components|i18n)\//.test(module) || module === 'proxy.ts') return `the platform's code (${module.split('/')[0]}/)`;
  if (module.startsWith('node:') || ['writev', 'writeUtf8String', 'encodeUtf8String', 'runMicrotasks', '(program)', 'parse'].includes(module)) return 'Node (streams, sockets, timers, JSON)';
  return 'other packages';
}

interface Tally {
  busy: number;
  selfByCategory: Map<string, number>;
  idle: number;
  selfByModule: Map<string, number>;
  totalByModule: Map<string, number>;
  selfByFunction: Map<string, number>;
  totalByFunction: Map<string, number>;
}
const tallies = new Map<string, Tally>();
const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

for (const file of files()) {
  const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const described = new Map<number, { module: string; fn: string }>();
  const describe = (id: number) => {
    let d = described.get(id);
    if (!d) {
      const frame = byId.get(id)!.callFrame;
      const { module, where } = moduleOf(frame);
      d = { module, fn: `${frame.functionName || '(anonymous)'} ${where}`.trim() };
      described.set(id, d);
    }
    return d;
  };
  let t = profile.startTime;
  profile.samples.forEach((sample, i) => {
    t += profile.timeDeltas[i] ?? 0;
    const phase = phases.find((p) => t >= p.startUs && t <= p.endUs!);
    if (!phase) return;
    let tally = tallies.get(phase.id);
    if (!tally) {
      tally = { busy: 0, idle: 0, selfByCategory: new Map(), selfByModule: new Map(), totalByModule: new Map(), selfByFunction: new Map(), totalByFunction: new Map() };
      tallies.set(phase.id, tally);
    }
    const leaf = describe(sample);
    if (leaf.module === '(idle)') {
      tally.idle++;
      return;
    }
    tally.busy++;
    add(tally.selfByModule, leaf.module);
    add(tally.selfByCategory, categoryOf(leaf.module));
    add(tally.selfByFunction, leaf.fn);
    const modules = new Set<string>();
    const fns = new Set<string>();
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      const d = describe(id);
      if (d.module === '(root)') continue;
      modules.add(d.module);
      fns.add(d.fn);
    }
    for (const m of modules) add(tally.totalByModule, m);
    for (const f of fns) add(tally.totalByFunction, f);
  });
}

const pct = (n: number, of: number) => `${((n / of) * 100).toFixed(1).padStart(5)} %`;
function list(title: string, map: Map<string, number>, of: number): void {
  console.log(`  ${title}`);
  for (const [key, n] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`    ${pct(n, of)}  ${key}`);
}

for (const phase of phases) {
  const tally = tallies.get(phase.id);
  if (!tally) continue;
  const seconds = (phase.endUs! - phase.startUs) / 1e6;
  console.log(`\n== ${phase.id} (${phase.stage}, ${seconds.toFixed(1)} s): ${tally.busy} busy samples, ${pct(tally.idle, tally.busy + tally.idle).trim()} idle`);
  list('self, by kind of work', tally.selfByCategory, tally.busy);
  list('self, by module', tally.selfByModule, tally.busy);
  list('total, by module', tally.totalByModule, tally.busy);
  list('self, by function', tally.selfByFunction, tally.busy);
  list('total, by function', tally.totalByFunction, tally.busy);
}
