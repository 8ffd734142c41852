// The data behind `npm run load`, and the check of it afterwards. Started by scripts/load.ts as
//
//   node --import tsx --conditions=react-server scripts/load-seed.ts seed   URL SCALE PLAN.json
//   node --import tsx --conditions=react-server scripts/load-seed.ts verify URL PLAN.json WRITES.json OUT.json
//
// (react-server: it hashes agreements with lib/server/agreements, which is 'server-only').
//
// seed writes, per unit of scale, 20 deals, 200 users, 2,000 scenario versions, 500 offers and
// 50 agreements into a fresh, migrated database. Going through the use cases one row at a time
// would take ~10 minutes at scale 10, so rows are inserted in bulk, but built the way the use
// cases build them: every version is a real pes-scenario/1 document (the Shiyan and Miyun
// fixtures with varied numbers) run through prepareVersion, so its result and hash are the
// engine's; offers carry checkAgainstBounds of their version; agreements are written as drafts,
// signed, then archived with agreementHash, so the database's triggers check every step; every
// change has its audit event, chained with eventHash exactly as appendToChain would. The plan
// file lists who the load test signs in as and what each of them reads and writes.
//
// verify checks what the load run left: every version and offer the server confirmed with a 201
// is there, and no more rows than that beyond writes whose answer never came; every audit chain
// holds; every archived agreement's hash is recomputed from its rows.
import { hash } from '@node-rs/argon2';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { ScheduleEntry } from '../lib/domain/offer-schedule';
import { prepareVersion } from '../lib/domain/scenario-version';
import { D, checkAgainstBounds, miyunDocument, scheduleTotal, shiyanDocument } from '../lib/engine';
import type { Prisma, PrismaClient } from '../lib/generated/prisma/client';
import { genesisHash, platformChain, sealEvent, verifyAuditChains, type ChainedContent, type Seal } from '../lib/infra/audit-chain';
import { createPrismaClient } from '../lib/infra/prisma';
import { agreementHash, loadAgreementRows } from '../lib/server/agreements/agreement-content';

export const loadPassword = 'load-test-watershed-2026';

type Side = 'UPSTREAM' | 'DOWNSTREAM' | 'FUND' | 'OBSERVER';
type Values = Record<string, string>;
type Item = { code?: string; label: string; values: Values };
type Doc = Record<string, unknown> & { name: string; unit: number; costs: Item[]; subsidies?: Item[]; benefits?: Item[]; downstreamCosts?: Item[]; alpha: Record<string, Values> };
type ResultJson = { unit: number; years: { year: number; lowerBound: string; upperBound: string | null }[] };

/** What scripts/load.ts needs from the seed: the volume written and one work plan per session. */
export interface LoadPlan {
  scale: number;
  password: string;
  counts: { deals: number; users: number; versions: number; offers: number; agreements: number; agreementsArchived: number; auditEvents: number };
  seedMs: number;
  sessions: SessionPlan[];
}

export interface SessionPlan {
  email: string;
  side: Side;
  dealId: string;
  scenarioId: string;
  /** The latest version of the session's own scenario: the base of its first save. */
  baseVersionId: string;
  /** That version's canonical pes-scenario/1 document, which each save edits one cell of. */
  document: unknown;
  resultVersionId: string;
  zoneVersionIds: string[];
  offerVersionId: string;
  offerSchedule: ScheduleEntry[];
}

/** The writes the load driver saw confirmed, and how many it saw no answer to. */
export interface WriteLedger {
  versionIds: string[];
  offerIds: string[];
  unconfirmed: { versions: number; offers: number };
}

export interface VerifyReport {
  /** expected: seeded plus confirmed; found may exceed it by at most the unconfirmed writes. */
  versions: { expected: number; found: number; unconfirmed: number; missing: string[] };
  offers: { expected: number; found: number; unconfirmed: number; missing: string[] };
  agreements: { found: number; archived: number; hashMismatches: string[] };
  audit: { chains: number; events: number; broken: { chain: string; seq: number; problem: string }[] };
  signIns: { succeeded: number; failed: number; blocked: number };
  ok: boolean;
}

// A small deterministic generator: two runs at one scale write the same numbers, so their
// timings compare like with like.
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const origin = { ip: 'load-seed', userAgent: 'npm run load (bulk seed)' };

/** Builds one audit chain in memory the way appendToChain does in the database. */
class Chain {
  private seq = 0;
  private prevHash = genesisHash;
  readonly rows: (ChainedContent & Seal)[] = [];
  constructor(readonly name: string) {}

  append(event: Omit<ChainedContent, 'chain' | 'seq' | 'prevHash' | 'ip' | 'userAgent'>): void {
    const content: ChainedContent = { ...event, chain: this.name, seq: ++this.seq, prevHash: this.prevHash, ip: origin.ip, userAgent: origin.userAgent };
    const seal = sealEvent(content);
    this.prevHash = seal.hash;
    this.rows.push({ ...content, ...seal });
  }

  async insert(prisma: PrismaClient): Promise<number> {
    await bulkInsert(
      prisma,
      'AuditEvent',
      ['chain', 'seq', 'at', 'action', 'actorId', 'email', 'organisationId', 'side', 'dealId', 'objectType', 'objectId', 'summary', 'ip', 'userAgent', 'prevHash', 'hash', 'scheme', 'keyId'],
      this.rows,
    );
    return this.rows.length;
  }
}

/**
 * Rows in one statement per chunk, sent as a single JSON parameter that PostgreSQL unpacks with
 * json_populate_recordset: several times faster than createMany for JSON-heavy rows, where the
 * client's own serialisation dominates. Table and column names are this file's constants.
 */
async function bulkInsert(prisma: PrismaClient, table: string, columns: string[], rows: object[]): Promise<void> {
  const list = columns.map((c) => `"${c}"`).join(', ');
  for (let i = 0; i < rows.length; i += 250) {
    await prisma.$executeRawUnsafe(`INSERT INTO "${table}" (${list}) SELECT ${list} FROM json_populate_recordset(NULL::"${table}", $1::json)`, JSON.stringify(rows.slice(i, i + 250)));
  }
}

/** Event times: spread over the last months, always increasing, always in the past. */
class Clock {
  private at: number;
  constructor(
    start: number,
    private readonly stepMs: number,
  ) {
    this.at = start;
  }
  next(): Date {
    this.at += this.stepMs;
    return new Date(this.at);
  }
}

interface OrgRow {
  id: string;
  name: string;
  nameZh: string;
  kind: 'UPSTREAM_GOVERNMENT' | 'DOWNSTREAM_AUTHORITY' | 'WATER_FUND' | 'OBSERVER';
  region: string;
}
interface UserRow {
  id: string;
  email: string;
  name: string;
  role: 'ADMIN' | 'FUND_ADMIN' | 'MEMBER';
  organisationId: string;
}
interface Member {
  id: string;
  user: UserRow;
  org: OrgRow;
  side: Side;
  canEdit: boolean;
  canSign: boolean;
  createdAt: Date;
}
interface ScenarioState {
  id: string;
  side: Side;
  index: number;
  name: string;
  author: Member;
  count: number;
  latest?: { id: string; document: unknown; result: ResultJson };
}

const provinces = ['Hubei', 'Hebei', 'Henan', 'Shaanxi', 'Anhui', 'Zhejiang', 'Jiangxi', 'Guizhou'];
const provincesZh: Record<string, string> = { Hubei: '湖北', Hebei: '河北', Henan: '河南', Shaanxi: '陕西', Anhui: '安徽', Zhejiang: '浙江', Jiangxi: '江西', Guizhou: '贵州' };
const receivers = ['Beijing', 'Tianjin', 'Zhengzhou', 'Shijiazhuang', 'Hangzhou', 'Nanjing', 'Wuhan', 'Xi’an'];

function scaled(value: string, factor: number): string {
  return D(value).times(factor.toFixed(4)).toDecimalPlaces(0).toFixed();
}

function scaleItems(items: Item[] | undefined, factor: () => number): Item[] | undefined {
  return items?.map((item) => ({ ...item, values: Object.fromEntries(Object.entries(item.values).map(([k, v]) => [k, scaled(v, factor())])) }));
}

/** The Beijing counter-proposal of the demo seed: stated benefits make the upper bound known. */
const shiyanBenefits: Item[] = [
  { label: 'Avoided cost of the next-best supply (1.2 CNY/m³, illustrative)', values: { '2014-2030': '11400000', '2031-2050': '15600000' } },
  { label: 'Ecosystem-service value flowing to the receiving area (illustrative)', values: { '2014-2050': '780000' } },
];
const shiyanDownstreamCosts: Item[] = [{ label: 'Receiving-area monitoring and treatment (illustrative)', values: { '2014-2050': '300000' } }];

function versionDocument(base: Doc, scenario: ScenarioState, dealName: string, rng: () => number): Doc {
  const drift = 0.85 + rng() * 0.35;
  const jitter = () => drift * (0.97 + rng() * 0.06);
  const doc: Doc = structuredClone(base);
  doc.name = `${dealName}: ${scenario.side === 'UPSTREAM' ? 'upstream' : 'downstream'} proposal ${scenario.index + 1}`;
  doc.costs = scaleItems(doc.costs, jitter)!;
  doc.subsidies = scaleItems(doc.subsidies, () => 0.95 + rng() * 0.1);
  doc.discountRate = ['0.03', '0.035', '0.04', '0.045'][Math.floor(rng() * 4)]!;
  const internal = scenario.side === 'UPSTREAM' ? 0.1 + rng() * 0.1 : 0.2 + rng() * 0.15;
  for (const key of ['ED', 'PD'] as const) {
    if (doc.alpha[key]) doc.alpha[key] = Object.fromEntries(Object.keys(doc.alpha[key]).map((k) => [k, internal.toFixed(2)]));
  }
  if (scenario.side === 'DOWNSTREAM') {
    doc.benefits = scaleItems(doc.benefits ?? shiyanBenefits, () => 0.9 + rng() * 0.2);
    doc.downstreamCosts = scaleItems(doc.downstreamCosts ?? shiyanDownstreamCosts, () => 0.9 + rng() * 0.2);
  }
  return doc;
}

/** Two periods inside the version's years, each an annual amount near that version's lower bound. */
function offerSchedule(result: ResultJson, rng: () => number): ScheduleEntry[] {
  const years = result.years.map((y) => y.year);
  const last = Math.max(...years);
  const periods: [number, number][] =
    last >= 2040
      ? [
          [2021, 2030],
          [2031, 2040],
        ]
      : [
          [2017, 2020],
          [2021, last],
        ];
  return periods.map(([from, to]) => {
    const lower = D(result.years.find((y) => y.year === from)?.lowerBound ?? '1000')
      .abs()
      .plus(1);
    return {
      from,
      to,
      amount: lower
        .times((0.85 + rng() * 0.5).toFixed(3))
        .toDecimalPlaces(2)
        .toFixed(),
    };
  });
}

function split(total: number, parts: number, index: number): number {
  return Math.floor(((index + 1) * total) / parts) - Math.floor((index * total) / parts);
}

async function seed(url: string, scale: number, planFile: string): Promise<void> {
  const started = Date.now();
  const prisma = createPrismaClient(url);
  const dealCount = 20 * scale;
  const userCount = 200 * scale;
  const versionCount = 2000 * scale;
  const offerCount = 500 * scale;
  const agreementCount = 50 * scale;
  const fundCount = 4 * scale;
  const downstreamOrgCount = Math.max(1, Math.round(dealCount / 5));
  const upstreamPerDeal = 5;
  const downstreamUserCount = userCount - 1 - fundCount - upstreamPerDeal * dealCount;
  if (downstreamUserCount < downstreamOrgCount * 2) throw new Error('too few users for the deals');

  // One argon2 hash for every load-test account: 200 × scale hashes would take minutes, and the
  // sign-in verifies a hash the same way whoever it belongs to.
  const passwordHash = await hash(loadPassword);
  const clock = new Clock(Date.now() - 200 * 86_400_000, Math.max(1, Math.floor((150 * 86_400_000) / (versionCount * 1.6))));

  const platformOrg: OrgRow = { id: randomUUID(), name: 'Load test: platform operations', nameZh: '负载测试：平台运营方', kind: 'OBSERVER', region: '—' };
  const fundOrg: OrgRow = { id: randomUUID(), name: 'Load test: water fund', nameZh: '负载测试：水基金', kind: 'WATER_FUND', region: 'Beijing' };
  const upstreamOrgs: OrgRow[] = Array.from({ length: dealCount }, (_, d) => {
    const province = provinces[d % provinces.length]!;
    return { id: randomUUID(), name: `Upstream county ${d + 1} (${province})`, nameZh: `${provincesZh[province]}上游县 ${d + 1}`, kind: 'UPSTREAM_GOVERNMENT', region: province };
  });
  const downstreamOrgs: OrgRow[] = Array.from({ length: downstreamOrgCount }, (_, k) => {
    const city = receivers[k % receivers.length]!;
    return { id: randomUUID(), name: `${city} water authority ${k + 1}`, nameZh: `${city} 水务局 ${k + 1}`, kind: 'DOWNSTREAM_AUTHORITY', region: city };
  });
  const orgs = [platformOrg, fundOrg, ...upstreamOrgs, ...downstreamOrgs];

  const user = (email: string, name: string, org: OrgRow, role: UserRow['role'] = 'MEMBER'): UserRow => ({ id: randomUUID(), email, name, role, organisationId: org.id });
  const admin = user('load-admin@load.test', 'Load Admin', platformOrg, 'ADMIN');
  const fundUsers = Array.from({ length: fundCount }, (_, f) => user(`fund-${f + 1}@load.test`, `Fund officer ${f + 1}`, fundOrg, 'FUND_ADMIN'));
  const upstreamUsers = upstreamOrgs.map((org, d) => Array.from({ length: upstreamPerDeal }, (_, i) => user(`up-${d + 1}-${i + 1}@load.test`, `Upstream official ${d + 1}.${i + 1}`, org)));
  const downstreamUsers: UserRow[][] = downstreamOrgs.map(() => []);
  for (let i = 0; i < downstreamUserCount; i++) {
    const k = i % downstreamOrgCount;
    downstreamUsers[k]!.push(user(`down-${k + 1}-${downstreamUsers[k]!.length + 1}@load.test`, `Downstream officer ${k + 1}.${downstreamUsers[k]!.length + 1}`, downstreamOrgs[k]!));
  }
  const users = [admin, ...fundUsers, ...upstreamUsers.flat(), ...downstreamUsers.flat()];
  const orgOf = new Map(orgs.map((o) => [o.id, o]));

  await prisma.organisation.createMany({ data: orgs.map((o) => ({ ...o, createdAt: clock.next() })) });
  for (let i = 0; i < users.length; i += 1000) {
    await prisma.user.createMany({ data: users.slice(i, i + 1000).map((u) => ({ ...u, passwordHash, locale: 'zh' as const })) });
  }
  const platform = new Chain(platformChain);
  const adminActor = { actorId: admin.id, email: admin.email, organisationId: platformOrg.id };
  for (const org of orgs) {
    platform.append({
      ...adminActor,
      at: clock.next(),
      action: 'organisation.created',
      side: null,
      dealId: null,
      objectType: 'organisation',
      objectId: org.id,
      summary: { after: { name: org.name, nameZh: org.nameZh, kind: org.kind, region: org.region } },
    });
  }
  for (const u of users) {
    platform.append({
      ...adminActor,
      at: clock.next(),
      action: 'user.created',
      side: null,
      dealId: null,
      objectType: 'user',
      objectId: u.id,
      summary: { after: { email: u.email, name: u.name, role: u.role, locale: 'zh', organisationId: u.organisationId } },
    });
  }
  let auditEvents = await platform.insert(prisma);

  const sessionCandidates: { member: Member; dealId: string; scenario: ScenarioState; deal: number }[] = [];
  const dealPlans: { dealId: string; scenarios: ScenarioState[]; rng: () => number }[] = [];
  let versionsWritten = 0;
  let offersWritten = 0;
  let agreementsWritten = 0;
  let agreementsArchived = 0;

  const seedDeal = async (d: number): Promise<void> => {
    const dealRng = mulberry32(1000 + d);
    const base = (d % 2 === 0 ? shiyanDocument() : miyunDocument()) as Doc;
    const shiyanLike = d % 2 === 0;
    const upOrg = upstreamOrgs[d]!;
    const downIndex = d % downstreamOrgCount;
    const downOrg = downstreamOrgs[downIndex]!;
    const dealId = randomUUID();
    const name = `${upOrg.name} ↔ ${downOrg.name}`;
    const chain = new Chain(dealId);
    const fund = fundUsers[d % fundCount]!;
    const fundActor = { actorId: fund.id, email: fund.email, organisationId: fundOrg.id };
    const createdAt = clock.next();
    const deal = {
      id: dealId,
      slug: `load-${d + 1}`,
      name,
      nameZh: `${upOrg.nameZh}—${downOrg.nameZh}`,
      watershed: shiyanLike ? 'Han River tributary (load test)' : 'Chaobai River headwaters (load test)',
      watershedZh: shiyanLike ? '汉江支流（负载测试）' : '潮白河上游（负载测试）',
      startYear: base.startYear as number,
      endYear: base.endYear as number,
      unit: base.unit,
      priceBase: base.priceBase as string,
      illustrative: !shiyanLike,
      createdById: fund.id,
      createdAt,
    };
    await prisma.deal.create({ data: { ...deal, status: 'DRAFT' } });
    chain.append({
      ...fundActor,
      at: createdAt,
      action: 'deal.created',
      side: 'FUND',
      dealId,
      objectType: 'deal',
      objectId: dealId,
      summary: { after: { ...deal, status: 'DRAFT', createdAt: undefined } },
    });

    const members: Member[] = [];
    const addMember = (u: UserRow, side: Side, canEdit: boolean, canSign: boolean) =>
      members.push({ id: randomUUID(), user: u, org: orgOf.get(u.organisationId)!, side, canEdit, canSign, createdAt: clock.next() });
    addMember(fund, 'FUND', true, false);
    upstreamUsers[d]!.forEach((u, i) => addMember(u, 'UPSTREAM', i < 4, i < 2));
    downstreamUsers[downIndex]!.forEach((u, i) => addMember(u, 'DOWNSTREAM', i < 6, i < 2));
    await prisma.dealMember.createMany({ data: members.map((m) => ({ id: m.id, dealId, userId: m.user.id, side: m.side, canEdit: m.canEdit, canSign: m.canSign, createdAt: m.createdAt })) });
    for (const m of members.slice(1)) {
      chain.append({
        ...fundActor,
        at: m.createdAt,
        action: 'member.added',
        side: 'FUND',
        dealId,
        objectType: 'member',
        objectId: m.id,
        summary: { after: { userId: m.user.id, side: m.side, canEdit: m.canEdit, canSign: m.canSign, email: m.user.email } },
      });
    }
    chain.append({
      ...fundActor,
      at: clock.next(),
      action: 'deal.status_changed',
      side: 'FUND',
      dealId,
      objectType: 'deal',
      objectId: dealId,
      summary: { before: { status: 'DRAFT' }, after: { status: 'NEGOTIATING' } },
    });

    const editors = (side: Side) => members.filter((m) => m.side === side && m.canEdit);
    const actorOf = (m: Member) => ({ actorId: m.user.id, email: m.user.email, organisationId: m.org.id });
    const scenarios: ScenarioState[] = [...[0, 1, 2, 3].map((i) => ({ side: 'UPSTREAM' as Side, i })), ...[0, 1].map((i) => ({ side: 'DOWNSTREAM' as Side, i }))].map(({ side, i }) => {
      const author = editors(side)[i % editors(side).length]!;
      return { id: randomUUID(), side, index: i, name: `${side === 'UPSTREAM' ? 'Upstream' : 'Downstream'} proposal ${i + 1}`, author, count: 0 };
    });
    await prisma.scenario.createMany({ data: scenarios.map((s) => ({ id: s.id, dealId, side: s.side, name: s.name, createdById: s.author.user.id, createdAt: clock.next() })) });

    // Versions: each a real document through the engine, as saveScenarioVersion stores it.
    const versions: Prisma.ScenarioVersionCreateManyInput[] = [];
    const versionsHere = split(versionCount, dealCount, d);
    for (let i = 0; i < versionsHere; i++) {
      const scenario = scenarios[i % scenarios.length]!;
      const number = ++scenario.count;
      const prepared = prepareVersion(versionDocument(base, scenario, name, dealRng));
      if (!prepared.ok) throw new Error(`generated version is invalid: ${prepared.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
      const id = randomUUID();
      const at = clock.next();
      const message = number === 1 ? 'First draft from the county’s cost tables' : `Revised costs and α (revision ${number})`;
      const author = editors(scenario.side)[(number + scenario.index) % editors(scenario.side).length]!;
      versions.push({
        id,
        scenarioId: scenario.id,
        number,
        message,
        authorId: author.user.id,
        createdAt: at,
        document: prepared.document as Prisma.InputJsonValue,
        result: prepared.result as Prisma.InputJsonValue,
        documentHash: prepared.documentHash,
      });
      scenario.latest = { id, document: prepared.document, result: prepared.result as ResultJson };
      chain.append({
        ...actorOf(author),
        at,
        action: 'scenario.version_saved',
        side: scenario.side,
        dealId,
        objectType: 'scenario_version',
        objectId: id,
        summary: { after: { scenarioId: scenario.id, number, message, documentHash: prepared.documentHash, evidence: 0 } },
      });
    }
    await bulkInsert(prisma, 'ScenarioVersion', ['id', 'scenarioId', 'number', 'message', 'authorId', 'createdAt', 'document', 'result', 'documentHash'], versions);
    versionsWritten += versions.length;

    // Offers in rounds: each answers the one before (a counter), every fifth is rejected and the
    // other side starts afresh; a round that ends in acceptance drafts an agreement, the last
    // round of the deal is still open.
    const offersHere = split(offerCount, dealCount, d);
    const agreementsHere = Math.min(split(agreementCount, dealCount, d), Math.max(0, offersHere - 1));
    const roundSizes = Array.from({ length: agreementsHere + 1 }, (_, r) => split(offersHere, agreementsHere + 1, r));
    const signingSides: Side[] = ['UPSTREAM', 'DOWNSTREAM'];
    const signing = members.filter((m) => signingSides.includes(m.side));
    // As createAgreement picks them: the organisations of both sides, and whoever holds the sign right.
    const parties = signingSides.map((side) => ({
      side,
      organisations: [...new Map(signing.filter((m) => m.side === side).map((m) => [m.org.id, m.org])).values()].map((o) => ({ id: o.id, name: o.name, nameZh: o.nameZh, kind: o.kind })),
    }));
    const signers = signing.filter((m) => m.canSign);
    const offers: Prisma.OfferCreateManyInput[] = [];
    const drafts: {
      id: string;
      number: number;
      offer: Prisma.OfferCreateManyInput;
      document: Doc;
      documentHash: string;
      schedule: ScheduleEntry[];
      totalAmount: string;
      acceptor: Member;
      at: Date;
    }[] = [];
    const versionHash = new Map(versions.map((v) => [v.id!, v.documentHash]));
    let fromSide: Side = 'UPSTREAM';
    for (const [round, size] of roundSizes.entries()) {
      const closes = round < agreementsHere;
      let answering: Prisma.OfferCreateManyInput | undefined;
      for (let j = 0; j < size; j++) {
        const toSide: Side = fromSide === 'UPSTREAM' ? 'DOWNSTREAM' : 'UPSTREAM';
        const sender = editors(fromSide)[(offers.length + round) % editors(fromSide).length]!;
        const own = scenarios.filter((s) => s.side === fromSide);
        const version = own[offers.length % own.length]!.latest!;
        const schedule = offerSchedule(version.result, dealRng);
        const boundCheck = checkAgainstBounds(schedule, version.result.unit, version.result.years);
        const at = clock.next();
        if (answering) Object.assign(answering, { status: 'COUNTERED', answeredAt: at, answeredById: sender.user.id });
        const offer: Prisma.OfferCreateManyInput = {
          id: randomUUID(),
          dealId,
          number: offers.length + 1,
          fromSide,
          toSide,
          createdById: sender.user.id,
          createdAt: at,
          versionId: version.id,
          schedule: schedule as unknown as Prisma.InputJsonValue,
          validUntil: new Date(at.getTime() + 30 * 86_400_000),
          boundCheck: boundCheck as unknown as Prisma.InputJsonValue,
          answersOfferId: answering?.id ?? null,
          status: 'SENT',
        };
        offers.push(offer);
        chain.append({
          ...actorOf(sender),
          at,
          action: answering ? 'offer.countered' : 'offer.sent',
          side: fromSide,
          dealId,
          objectType: 'offer',
          objectId: offer.id!,
          summary: {
            after: {
              number: offer.number,
              versionId: version.id,
              offered: boundCheck.totals.offered,
              belowLowerYears: boundCheck.belowLowerYears,
              aboveUpperYears: boundCheck.aboveUpperYears,
              answersOfferId: offer.answersOfferId ?? null,
            },
          },
        });
        answering = undefined;
        const lastOfRound = j === size - 1;
        const receiver = editors(toSide)[offers.length % editors(toSide).length]!;
        if (lastOfRound && closes) {
          const answeredAt = clock.next();
          Object.assign(offer, { status: 'ACCEPTED', answeredAt, answeredById: receiver.user.id });
          chain.append({
            ...actorOf(receiver),
            at: answeredAt,
            action: 'offer.accepted',
            side: toSide,
            dealId,
            objectType: 'offer',
            objectId: offer.id!,
            summary: { before: { status: 'SENT' }, after: { status: 'ACCEPTED', reason: null } },
          });
          // The agreement is drafted in the acceptance's transaction, as answerOffer does.
          const document = version.document as Doc;
          const draft = {
            id: randomUUID(),
            number: drafts.length + 1,
            offer,
            document,
            documentHash: versionHash.get(version.id)!,
            schedule,
            totalAmount: scheduleTotal(schedule, document.unit).toFixed(),
            acceptor: receiver,
            at: answeredAt,
          };
          drafts.push(draft);
          const years = `${Math.min(...schedule.map((e) => e.from))}–${Math.max(...schedule.map((e) => e.to))}`;
          chain.append({
            ...actorOf(receiver),
            at: answeredAt,
            action: 'agreement.drafted',
            side: toSide,
            dealId,
            objectType: 'agreement',
            objectId: draft.id,
            summary: { after: { number: draft.number, offerNumber: offer.number, versionId: version.id, years, totalAmount: draft.totalAmount, signatories: signers.map((m) => m.user.email) } },
          });
        } else if (!lastOfRound && offers.length % 5 === 0) {
          const answeredAt = clock.next();
          const reason = 'The amounts for the second period are above what the budget can carry';
          Object.assign(offer, { status: 'REJECTED', answeredAt, answeredById: receiver.user.id, answerReason: reason });
          chain.append({
            ...actorOf(receiver),
            at: answeredAt,
            action: 'offer.rejected',
            side: toSide,
            dealId,
            objectType: 'offer',
            objectId: offer.id!,
            summary: { before: { status: 'SENT' }, after: { status: 'REJECTED', reason } },
          });
        } else if (!lastOfRound) {
          answering = offer;
        } else {
          offer.validUntil = new Date(Date.now() + 30 * 86_400_000);
        }
        fromSide = toSide;
      }
    }
    await prisma.offer.createMany({ data: offers });
    offersWritten += offers.length;

    // Agreements: written as drafts with their signatories, signed, then archived through the
    // trigger's checks, except the third of a deal, which still waits for signatures.
    let dealAgreed = false;
    for (const draft of drafts) {
      const { id: agreementId, offer, document, schedule } = draft;
      const signatories = signers.map((m) => ({ id: randomUUID(), member: m }));
      await prisma.agreement.create({
        data: {
          id: agreementId,
          dealId,
          number: draft.number,
          offerId: offer.id!,
          offerNumber: offer.number,
          acceptedById: draft.acceptor.user.id,
          versionId: offer.versionId,
          versionDocumentHash: draft.documentHash,
          dealSnapshot: { slug: deal.slug, name: deal.name, nameZh: deal.nameZh, watershed: deal.watershed, watershedZh: deal.watershedZh },
          parties,
          currency: document.currency as string,
          unit: document.unit,
          priceBase: document.priceBase as string,
          startYear: Math.min(...schedule.map((e) => e.from)),
          endYear: Math.max(...schedule.map((e) => e.to)),
          schedule: offer.schedule as Prisma.InputJsonValue,
          totalAmount: draft.totalAmount,
          createdAt: draft.at,
          signatories: {
            create: signatories.map(({ id, member: m }) => ({
              id,
              userId: m.user.id,
              side: m.side,
              name: m.user.name,
              email: m.user.email,
              organisationId: m.org.id,
              organisationName: m.org.name,
              organisationNameZh: m.org.nameZh,
            })),
          },
        },
      });
      agreementsWritten++;
      const archive = draft.number <= 2;
      const signed = archive ? signatories : signatories.slice(0, 1);
      let signedAt = draft.at;
      for (const [k, { id, member }] of signed.entries()) {
        signedAt = clock.next();
        await prisma.agreementSignature.create({ data: { agreementId, signatoryId: id, signedAt, ip: origin.ip, userAgent: origin.userAgent } });
        chain.append({
          ...actorOf(member),
          at: signedAt,
          action: 'agreement.signed',
          side: member.side,
          dealId,
          objectType: 'agreement',
          objectId: agreementId,
          summary: { after: { number: draft.number, signedAt: signedAt.toISOString(), signatures: `${k + 1}/${signatories.length}` } },
        });
      }
      if (!archive) continue;
      const last = signed.at(-1)!.member;
      const rows = await loadAgreementRows(prisma, dealId, agreementId);
      const digest = agreementHash(rows, signedAt);
      await prisma.agreement.update({ where: { id: agreementId }, data: { status: 'ARCHIVED', archivedAt: signedAt, hash: digest } });
      agreementsArchived++;
      chain.append({
        ...actorOf(last),
        at: signedAt,
        action: 'agreement.archived',
        side: last.side,
        dealId,
        objectType: 'agreement',
        objectId: agreementId,
        summary: { before: { status: 'DRAFT' }, after: { status: 'ARCHIVED', hash: digest } },
      });
      if (!dealAgreed) {
        dealAgreed = true;
        chain.append({
          ...actorOf(last),
          at: signedAt,
          action: 'deal.status_changed',
          side: last.side,
          dealId,
          objectType: 'deal',
          objectId: dealId,
          summary: { before: { status: 'NEGOTIATING' }, after: { status: 'AGREED' }, reason: `agreement ${draft.number} archived` },
        });
      }
    }
    await prisma.deal.update({ where: { id: dealId }, data: { status: dealAgreed ? 'AGREED' : 'NEGOTIATING' } });
    const inserted = await chain.insert(prisma);
    auditEvents += inserted;

    dealPlans[d] = { dealId, scenarios, rng: dealRng };
    for (const scenario of scenarios) {
      const editor = editors(scenario.side)[scenario.side === 'UPSTREAM' ? scenario.index : downstreamSessionEditor(d, downstreamOrgCount, scenario.index)];
      if (editor) sessionCandidates.push({ member: editor, dealId, scenario, deal: d });
    }
  };
  // Two deals at a time: one computes its versions while the other's rows are being written.
  let nextDeal = 0;
  const worker = async () => {
    while (nextDeal < dealCount) await seedDeal(nextDeal++);
  };
  await Promise.all([worker(), worker()]);
  sessionCandidates.sort((a, b) => a.deal - b.deal);

  const sessions = pickSessions(sessionCandidates, 50).map(({ member, dealId, scenario, deal }) => {
    const plan = dealPlans[deal]!;
    const latest = plan.scenarios.map((s) => s.latest!.id);
    const zone = [...plan.scenarios.filter((s) => s.side === 'UPSTREAM').slice(0, 2), ...plan.scenarios.filter((s) => s.side === 'DOWNSTREAM').slice(0, 2)].map((s) => s.latest!.id);
    return {
      email: member.user.email,
      side: member.side,
      dealId,
      scenarioId: scenario.id,
      baseVersionId: scenario.latest!.id,
      document: scenario.latest!.document,
      resultVersionId: latest[Math.floor(plan.rng() * latest.length)]!,
      zoneVersionIds: zone,
      offerVersionId: scenario.latest!.id,
      offerSchedule: offerSchedule(scenario.latest!.result, plan.rng),
    } satisfies SessionPlan;
  });

  const plan: LoadPlan = {
    scale,
    password: loadPassword,
    counts: { deals: dealCount, users: users.length, versions: versionsWritten, offers: offersWritten, agreements: agreementsWritten, agreementsArchived, auditEvents },
    seedMs: Date.now() - started,
    sessions,
  };
  writeFileSync(planFile, JSON.stringify(plan));
  await prisma.$disconnect();
}

/**
 * A downstream authority negotiates several deals with the same six editors: editor k takes the
 * downstream scenario of one deal only, so no two sessions write to one scenario.
 */
function downstreamSessionEditor(deal: number, orgs: number, scenarioIndex: number): number {
  const nth = Math.floor(deal / orgs);
  return nth * 2 + scenarioIndex;
}

/** Fifty sessions of distinct users on distinct scenarios, spread over as many deals as there are. */
function pickSessions<T extends { member: Member; scenario: ScenarioState; deal: number }>(candidates: T[], wanted: number): T[] {
  const byDeal = new Map<number, T[]>();
  for (const c of candidates) byDeal.set(c.deal, [...(byDeal.get(c.deal) ?? []), c]);
  const picked = new Set<T>();
  const users = new Set<string>();
  // Round-robin over the deals; about one pass in three takes a downstream editor first.
  for (let pass = 0; picked.size < wanted && pass < 8; pass++) {
    for (const [deal, list] of byDeal) {
      if (picked.size >= wanted) break;
      const downstreamFirst = (deal + pass) % 3 === 0;
      const free = list.filter((c) => !users.has(c.member.user.id) && !picked.has(c));
      const next = free.find((c) => (c.scenario.side === 'DOWNSTREAM') === downstreamFirst) ?? free[0];
      if (!next) continue;
      users.add(next.member.user.id);
      picked.add(next);
    }
  }
  return [...picked];
}

async function missingIds(prisma: PrismaClient, table: 'ScenarioVersion' | 'Offer', ids: string[]): Promise<string[]> {
  const missing: string[] = [];
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    const found = await prisma.$queryRawUnsafe<{ id: string }[]>(`SELECT id::text AS id FROM "${table}" WHERE id = ANY($1::uuid[])`, chunk);
    const present = new Set(found.map((row) => row.id));
    missing.push(...chunk.filter((id) => !present.has(id)));
  }
  return missing;
}

async function verify(url: string, planFile: string, writesFile: string, outFile: string): Promise<void> {
  const plan = JSON.parse(readFileSync(planFile, 'utf8')) as LoadPlan;
  const writes = JSON.parse(readFileSync(writesFile, 'utf8')) as WriteLedger;
  const prisma = createPrismaClient(url);
  try {
    const [versions, offers, agreements, archived] = await Promise.all([
      prisma.scenarioVersion.count(),
      prisma.offer.count(),
      prisma.agreement.count(),
      prisma.agreement.findMany({ where: { status: 'ARCHIVED' }, select: { id: true, dealId: true } }),
    ]);
    const hashMismatches: string[] = [];
    for (const { id, dealId } of archived) {
      const rows = await loadAgreementRows(prisma, dealId, id);
      if (agreementHash(rows) !== rows.agreement.hash) hashMismatches.push(id);
    }
    const audit = await verifyAuditChains(prisma);
    const countOf = (action: string) => prisma.auditEvent.count({ where: { action } });
    const signIns = { succeeded: await countOf('auth.sign_in'), failed: await countOf('auth.sign_in_failed'), blocked: await countOf('auth.sign_in_blocked') };
    const report: VerifyReport = {
      versions: {
        expected: plan.counts.versions + writes.versionIds.length,
        found: versions,
        unconfirmed: writes.unconfirmed.versions,
        missing: await missingIds(prisma, 'ScenarioVersion', writes.versionIds),
      },
      offers: { expected: plan.counts.offers + writes.offerIds.length, found: offers, unconfirmed: writes.unconfirmed.offers, missing: await missingIds(prisma, 'Offer', writes.offerIds) },
      agreements: { found: agreements, archived: archived.length, hashMismatches },
      audit: { chains: audit.chains, events: audit.events, broken: audit.broken.map(({ chain, seq, problem }) => ({ chain, seq, problem })) },
      signIns,
      ok: false,
    };
    const within = (c: VerifyReport['versions']) => c.missing.length === 0 && c.found >= c.expected && c.found <= c.expected + c.unconfirmed;
    report.ok = within(report.versions) && within(report.offers) && hashMismatches.length === 0 && audit.broken.length === 0 && archived.length === plan.counts.agreementsArchived;
    writeFileSync(outFile, JSON.stringify(report));
  } finally {
    await prisma.$disconnect();
  }
}

const [command, ...args] = process.argv.slice(2);
try {
  if (command === 'seed' && args.length === 3) await seed(args[0]!, Number(args[1]), args[2]!);
  else if (command === 'verify' && args.length === 4) await verify(args[0]!, args[1]!, args[2]!, args[3]!);
  else {
    console.error('usage: load-seed.ts seed URL SCALE PLAN.json | verify URL PLAN.json WRITES.json OUT.json');
    process.exit(2);
  }
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
}
