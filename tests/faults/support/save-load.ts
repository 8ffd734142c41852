// A stream of version saves, new scenarios and offers over HTTP, and the check that what the
// database holds afterwards is exactly what the answers said: every acknowledged write there
// once, whole (version, its audit event and its evidence links), nothing half-written.
import { randomBytes } from 'node:crypto';
import { shiyanDocument } from '../../../lib/engine';
import { prepareVersion } from '../../../lib/domain/scenario-version';
import { verifyAuditChains } from '../../../lib/infra/audit-chain';
import type { PrismaClient } from '../../../lib/generated/prisma/client';
import { isClearJsonError, type Answer, type Session } from './app-server';

export interface Fixture {
  run: string;
  dealId: string;
  offerVersionId: string;
  evidence: { target: string; fileName: string; sha256: string }[];
  /** Scenarios of the upstream side that the save workers extend, with the version to save onto. */
  lines: { scenarioId: string; latestVersionId: string }[];
}

export type WriteKind = 'save' | 'new-scenario' | 'offer';

export interface WriteRecord {
  kind: WriteKind;
  /** Identifies the write in the database: the version message, or the offer's amount. */
  tag: string;
  startedAt: number;
  answer: Answer;
}

const pdf = (label: string) => new Blob([`%PDF-1.4\n% fault test evidence ${label} ${randomBytes(8).toString('hex')}\n%%EOF\n`], { type: 'application/pdf' });

async function upload(session: Session, baseUrl: string, dealId: string, label: string): Promise<string> {
  const form = new FormData();
  form.set('file', pdf(label), `${label}.pdf`);
  const response = await fetch(`${baseUrl}/api/v1/deals/${dealId}/evidence`, { method: 'POST', headers: { Cookie: session.cookie, Origin: baseUrl }, body: form });
  if (response.status !== 201) throw new Error(`setup: evidence upload answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { sha256: string }).sha256;
}

function documentNamed(name: string): unknown {
  return { ...(shiyanDocument() as Record<string, unknown>), name };
}

/** Uploads two evidence files and opens `lines` scenarios to save onto, before any fault. */
export async function prepareFixture(prisma: PrismaClient, session: Session, baseUrl: string, lines: number): Promise<Fixture> {
  const run = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const deal = await prisma.deal.findUniqueOrThrow({ where: { slug: 'shiyan-2003-2050' }, include: { scenarios: { include: { versions: true } } } });
  const upstream = deal.scenarios.find((s) => s.side === 'UPSTREAM');
  const offerVersion = upstream?.versions.sort((a, b) => b.number - a.number)[0];
  if (!offerVersion) throw new Error('setup: the demo deal has no upstream version to make offers on');
  const evidence = [
    { target: 'scenario', fileName: 'fault-audit.pdf', sha256: await upload(session, baseUrl, deal.id, 'fault-audit') },
    { target: 'costs[0]', fileName: 'fault-costs.pdf', sha256: await upload(session, baseUrl, deal.id, 'fault-costs') },
  ];
  const opened: Fixture['lines'] = [];
  for (let i = 0; i < lines; i++) {
    const answer = await session.send(baseUrl, `/api/v1/deals/${deal.id}/scenarios`, 'POST', {
      document: documentNamed(`fault ${run} line ${i}`),
      name: `fault ${run} line ${i}`,
      message: `fault ${run} line ${i} opened`,
      evidence,
    });
    if (answer.status !== 201) throw new Error(`setup: opening a scenario answered ${answer.status}: ${answer.text.slice(0, 300)}`);
    const body = answer.json as { scenarioId: string; versionId: string };
    opened.push({ scenarioId: body.scenarioId, latestVersionId: body.versionId });
  }
  return { run, dealId: deal.id, offerVersionId: offerVersion.id, evidence, lines: opened };
}

export interface Load {
  records: WriteRecord[];
  /** Asks the workers to stop after their current request and waits for them. */
  stop(): Promise<void>;
}

/**
 * Runs until stopped: one worker per scenario line saving onto it, one opening new scenarios, one
 * sending offers. A failed save leaves its base as it was; a 409 after an unanswered save adopts
 * the version the server names, as the editor would. `baseUrl()` is read per request, so the
 * load follows a restarted server.
 */
export function startLoad(fixture: Fixture, upstream: Session, baseUrl: () => string): Load {
  const records: WriteRecord[] = [];
  let running = true;
  let counter = 0;
  const next = () => ++counter;
  const pause = (answer: Answer) => new Promise((resolve) => setTimeout(resolve, answer.status >= 200 && answer.status < 300 ? 20 : 150));
  const deal = `/api/v1/deals/${fixture.dealId}`;

  const saver = async (line: Fixture['lines'][number], index: number) => {
    while (running) {
      const tag = `fault ${fixture.run} save line ${index} #${next()}`;
      const startedAt = Date.now();
      const answer = await upstream.send(baseUrl(), `${deal}/scenarios/${line.scenarioId}/versions`, 'POST', {
        baseVersionId: line.latestVersionId,
        document: documentNamed(tag),
        message: tag,
        evidence: fixture.evidence,
      });
      records.push({ kind: 'save', tag, startedAt, answer });
      if (answer.status === 201) line.latestVersionId = (answer.json as { versionId: string }).versionId;
      const latest = (answer.json as { error?: { details?: { latest?: { id?: string } } } } | null)?.error?.details?.latest?.id;
      if (answer.status === 409 && latest) line.latestVersionId = latest;
      await pause(answer);
    }
  };
  const opener = async () => {
    while (running) {
      const tag = `fault ${fixture.run} new #${next()}`;
      const startedAt = Date.now();
      const answer = await upstream.send(baseUrl(), `${deal}/scenarios`, 'POST', { document: documentNamed(tag), name: tag, message: tag, evidence: fixture.evidence });
      records.push({ kind: 'new-scenario', tag, startedAt, answer });
      await pause(answer);
    }
  };
  const offerer = async () => {
    while (running) {
      // The amount tells the offers apart in the database.
      const tag = String(6_000_000 + next());
      const startedAt = Date.now();
      const answer = await upstream.send(baseUrl(), `${deal}/offers`, 'POST', {
        versionId: fixture.offerVersionId,
        schedule: [{ from: 2021, to: 2030, amount: tag }],
        validUntil: new Date(Date.now() + 14 * 86_400_000).toISOString(),
      });
      records.push({ kind: 'offer', tag, startedAt, answer });
      await pause(answer);
    }
  };
  const workers = [...fixture.lines.map(saver), opener(), offerer()];
  return {
    records,
    async stop() {
      running = false;
      await Promise.all(workers);
    },
  };
}

/** What each answer was, for the report. */
export function tally(records: WriteRecord[]) {
  const byStatus: Record<string, number> = {};
  for (const r of records) {
    const key = `${r.kind} ${r.answer.status || (r.answer.timedOut ? 'timeout' : 'no answer')}`;
    byStatus[key] = (byStatus[key] ?? 0) + 1;
  }
  return byStatus;
}

/** Answers that are neither a success nor a clear JSON error: HTML, an empty body, a hang. */
export function unclearAnswers(records: WriteRecord[], allowNoAnswer: (r: WriteRecord) => boolean = () => false): string[] {
  return records
    .filter((r) => {
      const a = r.answer;
      if (a.status >= 200 && a.status < 300) return false;
      if (a.status === 0) return a.timedOut || !allowNoAnswer(r);
      return !isClearJsonError(a);
    })
    .map(
      (r) =>
        `${r.kind} "${r.tag}": ${r.answer.status || (r.answer.timedOut ? 'no answer within the timeout' : `no answer (${r.answer.networkError})`)} after ${r.answer.ms} ms, ${r.answer.contentType || 'no content type'}: ${r.answer.text.slice(0, 200)}`,
    );
}

export interface StoreCheck {
  problems: string[];
  facts: Record<string, unknown>;
}

/**
 * Compares the database with the answers. `mayBeStored(record)` says whether a write without a
 * 2xx answer may still be in the database (only when no answer arrived at all: the server died
 * after its commit). Everything found must be whole.
 */
export async function checkStore(prisma: PrismaClient, fixture: Fixture, records: WriteRecord[], mayBeStored: (r: WriteRecord) => boolean): Promise<StoreCheck> {
  const problems: string[] = [];
  const prefix = `fault ${fixture.run} `;
  const versions = await prisma.scenarioVersion.findMany({
    where: { message: { startsWith: prefix }, scenario: { dealId: fixture.dealId } },
    include: { evidence: true, scenario: { select: { name: true } } },
  });
  const versionsByMessage = new Map<string, typeof versions>();
  for (const v of versions) versionsByMessage.set(v.message, [...(versionsByMessage.get(v.message) ?? []), v]);
  const offers = await prisma.offer.findMany({ where: { dealId: fixture.dealId } });
  const offersByAmount = new Map<string, typeof offers>();
  for (const o of offers) {
    const amount = (o.schedule as { amount?: string }[])[0]?.amount;
    if (amount) offersByAmount.set(amount, [...(offersByAmount.get(amount) ?? []), o]);
  }

  let acknowledged = 0;
  let storedWithoutAnswer = 0;
  for (const r of records) {
    const found = r.kind === 'offer' ? (offersByAmount.get(r.tag) ?? []) : (versionsByMessage.get(r.tag) ?? []);
    const ok = r.answer.status >= 200 && r.answer.status < 300;
    if (ok) acknowledged++;
    if (found.length > 1) problems.push(`${r.kind} "${r.tag}" is stored ${found.length} times`);
    if (ok && found.length === 0) problems.push(`${r.kind} "${r.tag}" was acknowledged (${r.answer.status}) but is not in the database`);
    if (!ok && found.length > 0) {
      if (mayBeStored(r)) storedWithoutAnswer++;
      else problems.push(`${r.kind} "${r.tag}" answered ${r.answer.status} (${r.answer.text.slice(0, 120)}) but is in the database`);
    }
    if (ok && r.kind !== 'offer') {
      const id = (r.answer.json as { versionId?: string }).versionId;
      if (found[0] && found[0].id !== id) problems.push(`${r.kind} "${r.tag}": the answer named version ${id}, the database holds ${found[0].id}`);
    }
  }

  // Every stored version is whole: its audit event, its evidence links, a hash that recomputes.
  const loadVersions = versions.filter((v) => records.some((r) => r.tag === v.message));
  const savedEvents = await prisma.auditEvent.findMany({
    where: { dealId: fixture.dealId, action: 'scenario.version_saved', objectId: { in: loadVersions.map((v) => v.id) } },
    select: { objectId: true },
  });
  const eventCount = new Map<string, number>();
  for (const e of savedEvents) eventCount.set(e.objectId!, (eventCount.get(e.objectId!) ?? 0) + 1);
  let hashMismatches = 0;
  for (const v of loadVersions) {
    if (eventCount.get(v.id) !== 1) problems.push(`version "${v.message}" has ${eventCount.get(v.id) ?? 0} scenario.version_saved audit events (want 1)`);
    const links = v.evidence.map((e) => `${e.target}=${e.sha256}`).sort();
    const wanted = fixture.evidence.map((e) => `${e.target}=${e.sha256}`).sort();
    if (links.join() !== wanted.join()) problems.push(`version "${v.message}" has evidence links [${links.join(', ')}], want [${wanted.join(', ')}]`);
    const prepared = prepareVersion(v.document);
    if (!prepared.ok || prepared.documentHash !== v.documentHash) {
      hashMismatches++;
      problems.push(`version "${v.message}": documentHash ${v.documentHash} does not match the recomputed ${prepared.ok ? prepared.documentHash : 'parse failure'}`);
    }
  }
  // A new scenario and its first version are one write.
  const opened = await prisma.scenario.findMany({ where: { dealId: fixture.dealId, name: { startsWith: `${prefix}new #` } }, include: { _count: { select: { versions: true } } } });
  for (const s of opened) if (s._count.versions !== 1) problems.push(`scenario "${s.name}" has ${s._count.versions} versions (a new scenario is stored with exactly its v1)`);

  const loadOffers = offers.filter((o) => records.some((r) => r.kind === 'offer' && r.tag === (o.schedule as { amount?: string }[])[0]?.amount));
  const offerEvents = await prisma.auditEvent.findMany({ where: { dealId: fixture.dealId, action: 'offer.sent', objectId: { in: loadOffers.map((o) => o.id) } }, select: { objectId: true } });
  const offerEventIds = new Set(offerEvents.map((e) => e.objectId));
  for (const o of loadOffers) if (!offerEventIds.has(o.id)) problems.push(`offer ${o.number} has no offer.sent audit event`);

  // And nothing points at a write that is not there.
  const orphanEvents = await prisma.$queryRaw<{ count: bigint }[]>`
    SELECT count(*) AS count FROM "AuditEvent" e
    WHERE e."dealId" = ${fixture.dealId}::uuid AND e.action = 'scenario.version_saved'
      AND NOT EXISTS (SELECT 1 FROM "ScenarioVersion" v WHERE v.id::text = e."objectId")`;
  if (Number(orphanEvents[0]?.count ?? 0) > 0) problems.push(`${orphanEvents[0]?.count} scenario.version_saved audit events name a version that does not exist`);

  const chains = await verifyAuditChains(prisma);
  for (const link of chains.broken) problems.push(`audit chain ${link.chain} broken at seq ${link.seq}: ${link.problem}`);

  return {
    problems,
    facts: {
      requests: records.length,
      acknowledged,
      versionsStored: loadVersions.length,
      newScenariosStored: opened.length,
      offersStored: loadOffers.length,
      storedWithoutAnswer,
      hashMismatches,
      auditChains: chains.chains,
      auditEvents: chains.events,
    },
  };
}
