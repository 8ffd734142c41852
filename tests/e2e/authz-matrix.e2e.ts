// The authorisation matrix over HTTP: every API route and method, and every page of a deal, asked
// by each kind of caller. The test reads the route and page files at run time and fails on any
// route, method or page without a row here, so a new endpoint cannot ship without saying who may
// call it (docs/decisions/0010-authorisation-matrix.md).
//
// Callers: nobody (no cookie); a stranger (signed in, a fund administrator by role, not a member);
// a disabled user whose session cookie is still valid (a platform administrator who was a member
// with every right); a member lacking the row's right; a member holding it. Everything happens in
// a deal and with users this file creates, so the demo deals and accounts stay as they were.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shiyanDocument } from '../../lib/engine';
import { templateTerms } from '../../lib/terms';
import { demoPassword } from '../../lib/seed/demo-accounts';
import { baseUrl } from './browser';
import { signInOverHttp, type HttpSession } from './http-session';

const root = path.resolve(import.meta.dirname, '../..');
const httpMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

// --- What exists: route files and their exported methods, deal pages ---------------------------

/** Route groups such as (app) are not part of the URL. */
function urlOf(relativeDir: string): string {
  const segments = relativeDir.split(path.sep).filter((segment) => segment && !/^\(.*\)$/.test(segment));
  return `/${segments.join('/')}`;
}

function filesNamed(dir: string, name: RegExp): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile() && name.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** `export const GET`, `export async function POST`, `export { handler as GET }`. */
export function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(/export\s+(?:async\s+)?(?:const|let|var|function\*?)\s+([A-Za-z_$][\w$]*)/g)) found.add(match[1]!);
  for (const match of source.matchAll(/export\s*(?:type\s*)?\{([^}]*)\}/g)) {
    for (const part of match[1]!.split(',')) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name) found.add(name);
    }
  }
  return httpMethods.filter((method) => found.has(method));
}

function routesOnDisk(): string[] {
  const apiDir = path.join(root, 'app', 'api');
  return filesNamed(apiDir, /^route\.(ts|tsx|js|mjs)$/).flatMap((file) => {
    const url = urlOf(path.relative(path.join(root, 'app'), path.dirname(file)));
    const methods = exportedMethods(readFileSync(file, 'utf8'));
    return methods.length ? methods.map((method) => `${method} ${url}`) : [`(no method found) ${url}`];
  });
}

function dealPagesOnDisk(): string[] {
  const dealDir = path.join(root, 'app', '(app)', 'deals', '[dealId]');
  return filesNamed(dealDir, /^page\.(tsx|ts|jsx|js|mdx)$/).map((file) => urlOf(path.relative(path.join(root, 'app'), path.dirname(file))));
}

// --- Who calls --------------------------------------------------------------------------------

type Caller = 'anonymous' | 'stranger' | 'disabled' | 'viewer' | 'upstream' | 'downstream' | 'fund' | 'admin';
type SignedIn = Exclude<Caller, 'anonymous'>;

/**
 * public: no session needed (next-auth's own sign-in endpoints).
 * session: any active signed-in user. platform-admin: role ADMIN. create-deals: ADMIN or FUND_ADMIN.
 * view / edit / sign / manage: the deal rights of lib/domain/deal-rights.ts (view = membership).
 */
type Right = 'public' | 'session' | 'platform-admin' | 'create-deals' | 'view' | 'edit' | 'sign' | 'manage';

/** For each right, a caller who lacks it but is otherwise as close as possible, and how the 403 names it. */
const lacking: Partial<Record<Right, { as: SignedIn; named: string }>> = {
  'platform-admin': { as: 'fund', named: '"administer the platform"' },
  'create-deals': { as: 'viewer', named: '"create deals"' },
  edit: { as: 'viewer', named: '"edit"' },
  sign: { as: 'viewer', named: '"sign"' },
  manage: { as: 'upstream', named: '"manage"' },
};

const dealScoped = (right: Right) => right === 'view' || right === 'edit' || right === 'sign' || right === 'manage';

interface Fixture {
  run: string;
  dealId: string;
  dealNameZh: string;
  scenarioId: string;
  versionId: string;
  offerId: string;
  sha256: string;
  csv: string;
  disabledUserId: string;
  disabledMemberId: string;
  removableMemberId: string;
  addableUserId: string;
  /** A draft agreement (upstream and downstream sign), and the upstream member's password to sign it with. */
  agreementId: string;
  upstreamPassword: string;
  /** Fund administration: an agreement with payment terms signed by both sides, a draft settlement of 2023, a re-test's evidence. */
  fundAgreementId: string;
  settlementId: string;
  settlementFingerprint: string;
  retestSha256: string;
}

interface Probe {
  /** Fills the route's [params]; defaults come from the fixture. */
  params?: Record<string, string>;
  query?: string;
  json?: unknown;
  form?: () => FormData;
}

interface ApiRow {
  right: Right;
  /** One request, sent unchanged by every caller: valid, so a refusal cannot be a validation error. */
  probe: (f: Fixture) => Probe;
  /** The caller who may, and the answer; for public rows the anonymous caller. */
  allowed: { as: Caller; status: number };
  /** Callers refused beyond the matrix's own columns, e.g. the wrong side. */
  alsoRefused?: { as: SignedIn; status: number; named?: string }[];
  /** The allowed call ends the caller's sessions (sign out everywhere): it signs in again afterwards. */
  endsCallerSessions?: true;
}

const pdf = () => new Blob([`%PDF-1.4\n% authz matrix ${randomBytes(8).toString('hex')}\n%%EOF\n`], { type: 'application/pdf' });
const validUntil = () => new Date(Date.now() + 14 * 86_400_000).toISOString();
const fundResult = (year: number, indicator: string, value: string) => ({ year, indicator, value, laboratory: 'Authz lab', sampledFrom: `${year}-01-01`, sampledTo: `${year}-12-31` });
const offerBody = (f: Fixture) => ({ versionId: f.versionId, schedule: [{ from: 2021, to: 2030, amount: '6000000' }], validUntil: validUntil() });

/** The matrix. Keys are `METHOD /url` exactly as the route files spell the path. */
const apiMatrix: Record<string, ApiRow> = {
  // next-auth's own endpoints: sign-in must work without a session.
  'GET /api/auth/[...nextauth]': { right: 'public', probe: () => ({ params: { '...nextauth': 'csrf' } }), allowed: { as: 'anonymous', status: 200 } },
  'POST /api/auth/[...nextauth]': { right: 'public', probe: () => ({ params: { '...nextauth': 'signout' } }), allowed: { as: 'anonymous', status: 302 } },

  'GET /api/v1/me': { right: 'session', probe: () => ({}), allowed: { as: 'viewer', status: 200 } },
  'DELETE /api/v1/me/sessions': { right: 'session', probe: () => ({}), allowed: { as: 'viewer', status: 200 }, endsCallerSessions: true },
  'GET /api/v1/deals': { right: 'session', probe: () => ({}), allowed: { as: 'stranger', status: 200 } },
  'POST /api/v1/deals': {
    right: 'create-deals',
    probe: (f) => ({
      json: { slug: `authz-extra-${f.run}`, name: 'Authz extra', nameZh: '授权附加', watershed: 'Test', watershedZh: '测试', startYear: 2025, endYear: 2030, priceBase: '2025 prices' },
    }),
    allowed: { as: 'fund', status: 201 },
  },
  'POST /api/v1/organisations': {
    right: 'platform-admin',
    probe: (f) => ({ json: { name: `Authz probe org ${f.run}`, nameZh: '授权探测机构', kind: 'OBSERVER' } }),
    allowed: { as: 'admin', status: 201 },
  },
  'POST /api/v1/users': {
    right: 'platform-admin',
    probe: (f) => ({ json: { email: `authz-probe-${f.run}@example.test`, name: 'Authz Probe', password: strongPassword(), organisationId: organisationId } }),
    allowed: { as: 'admin', status: 201 },
  },
  'PATCH /api/v1/users/[userId]': { right: 'platform-admin', probe: (f) => ({ params: { userId: f.disabledUserId }, json: { disabled: true } }), allowed: { as: 'admin', status: 200 } },

  'GET /api/v1/deals/[dealId]': { right: 'view', probe: () => ({}), allowed: { as: 'viewer', status: 200 } },
  'PATCH /api/v1/deals/[dealId]': { right: 'manage', probe: () => ({ json: { status: 'NEGOTIATING' } }), allowed: { as: 'fund', status: 200 } },
  'GET /api/v1/deals/[dealId]/activity': { right: 'view', probe: () => ({ query: 'limit=5' }), allowed: { as: 'viewer', status: 200 } },
  'GET /api/v1/deals/[dealId]/audit/verify': { right: 'view', probe: () => ({}), allowed: { as: 'viewer', status: 200 } },
  // The deal has scenario versions, so its periods are fixed (docs/decisions/0083): the administrator is told so.
  'PUT /api/v1/deals/[dealId]/periods': { right: 'manage', probe: () => ({ json: { periods: [] } }), allowed: { as: 'fund', status: 409 } },
  'GET /api/v1/deals/[dealId]/parties': { right: 'view', probe: () => ({}), allowed: { as: 'viewer', status: 200 } },
  // Nobody named on either side: the deal stays one party per side, as it was.
  'PUT /api/v1/deals/[dealId]/parties': {
    right: 'manage',
    probe: () => ({ json: { upstream: { parties: [] }, downstream: { parties: [] }, funders: { parties: [] } } }),
    allowed: { as: 'fund', status: 200 },
  },
  'GET /api/v1/deals/[dealId]/members': { right: 'view', probe: () => ({}), allowed: { as: 'viewer', status: 200 } },
  'POST /api/v1/deals/[dealId]/members': { right: 'manage', probe: (f) => ({ json: { userId: f.addableUserId, side: 'OBSERVER' } }), allowed: { as: 'fund', status: 201 } },
  'PATCH /api/v1/deals/[dealId]/members/[memberId]': { right: 'manage', probe: (f) => ({ params: { memberId: f.disabledMemberId }, json: { canSign: true } }), allowed: { as: 'fund', status: 200 } },
  'DELETE /api/v1/deals/[dealId]/members/[memberId]': { right: 'manage', probe: (f) => ({ params: { memberId: f.removableMemberId } }), allowed: { as: 'fund', status: 200 } },
  'POST /api/v1/deals/[dealId]/evidence': {
    right: 'edit',
    probe: () => ({
      form: () => {
        const form = new FormData();
        form.set('file', pdf(), 'authz.pdf');
        return form;
      },
    }),
    allowed: { as: 'upstream', status: 201 },
  },
  'GET /api/v1/deals/[dealId]/evidence/[sha256]': { right: 'view', probe: () => ({}), allowed: { as: 'viewer', status: 200 } },
  'POST /api/v1/deals/[dealId]/cost-table': {
    right: 'edit',
    probe: (f) => ({
      form: () => {
        const form = new FormData();
        form.set('file', new Blob([f.csv], { type: 'text/csv' }), 'costs.csv');
        form.set('base', JSON.stringify(shiyanDocument()));
        return form;
      },
    }),
    allowed: { as: 'upstream', status: 200 },
  },
  'GET /api/v1/deals/[dealId]/offers': { right: 'view', probe: () => ({}), allowed: { as: 'viewer', status: 200 } },
  'POST /api/v1/deals/[dealId]/offers': {
    right: 'edit',
    probe: (f) => ({ json: offerBody(f) }),
    allowed: { as: 'upstream', status: 201 },
    // The fund may edit this deal but is not a negotiating side. That refusal is a 400 on the field
    // "side" today (tests/integration/offers.test.ts), not a 403: see the decision record.
    alsoRefused: [{ as: 'fund', status: 403, named: 'make offers (the upstream and downstream sides only)' }],
  },
  'POST /api/v1/deals/[dealId]/offers/[offerId]': {
    right: 'edit',
    probe: () => ({ json: { move: 'accept' } }),
    allowed: { as: 'downstream', status: 200 },
    // Only the receiving side answers; the sender's attempt is a 409 from the offer's state machine.
    alsoRefused: [{ as: 'upstream', status: 409, named: 'only the downstream side can accept' }],
  },
  'GET /api/v1/deals/[dealId]/scenarios': { right: 'view', probe: () => ({}), allowed: { as: 'viewer', status: 200 } },
  'POST /api/v1/deals/[dealId]/scenarios': {
    right: 'edit',
    probe: () => ({ json: { document: shiyanDocument(), name: 'Authz probe scenario', message: 'authz matrix probe' } }),
    allowed: { as: 'downstream', status: 201 },
  },
  'POST /api/v1/deals/[dealId]/scenarios/[scenarioId]/versions': {
    right: 'edit',
    probe: (f) => ({ json: { baseVersionId: f.versionId, document: { ...(shiyanDocument() as object), discountRate: '0.05' }, message: 'authz matrix probe' } }),
    allowed: { as: 'upstream', status: 201 },
    // Edit is per side: the other side may fork, not save onto this scenario.
    alsoRefused: [{ as: 'downstream', status: 403, named: "upstream side's scenarios" }],
  },
  'GET /api/v1/deals/[dealId]/versions/[versionId]': { right: 'view', probe: () => ({ query: 'format=result' }), allowed: { as: 'viewer', status: 200 } },
  'GET /api/v1/deals/[dealId]/bargaining-zone': { right: 'view', probe: (f) => ({ query: `versions=${f.versionId}` }), allowed: { as: 'viewer', status: 200 } },
  'GET /api/v1/deals/[dealId]/versions/[versionId]/sensitivity': { right: 'view', probe: () => ({ query: 'percent=10' }), allowed: { as: 'viewer', status: 200 } },
  'GET /api/v1/deals/[dealId]/versions/[versionId]/compare': { right: 'view', probe: (f) => ({ query: `with=${f.versionId}` }), allowed: { as: 'viewer', status: 200 } },
  'POST /api/v1/deals/[dealId]/versions/[versionId]/fork': { right: 'edit', probe: () => ({ json: { name: 'Authz probe fork' } }), allowed: { as: 'downstream', status: 201 } },
  'POST /api/v1/deals/[dealId]/versions/[versionId]/comments': {
    right: 'view',
    probe: () => ({ json: { body: 'authz matrix probe comment', target: 'scenario' } }),
    allowed: { as: 'viewer', status: 201 },
  },
  'GET /api/v1/deals/[dealId]/agreements': { right: 'view', probe: () => ({}), allowed: { as: 'viewer', status: 200 } },
  'GET /api/v1/deals/[dealId]/agreements/[agreementId]': { right: 'view', probe: (f) => ({ params: { agreementId: f.agreementId } }), allowed: { as: 'viewer', status: 200 } },
  'GET /api/v1/deals/[dealId]/agreements/[agreementId]/pdf': { right: 'view', probe: (f) => ({ params: { agreementId: f.agreementId } }), allowed: { as: 'viewer', status: 200 } },
  'GET /api/v1/deals/[dealId]/agreements/[agreementId]/canonical': { right: 'view', probe: (f) => ({ params: { agreementId: f.agreementId } }), allowed: { as: 'viewer', status: 200 } },
  'POST /api/v1/deals/[dealId]/agreements/[agreementId]/signatures': {
    right: 'sign',
    probe: (f) => ({ params: { agreementId: f.agreementId }, json: { password: f.upstreamPassword } }),
    allowed: { as: 'upstream', status: 201 },
    // The fund keeps agreements but does not sign them; a designated signatory still needs their own password.
    alsoRefused: [
      { as: 'fund', status: 403, named: '"sign"' },
      { as: 'downstream', status: 400, named: 'password' },
    ],
  },

  // Fund administration (docs/decisions/0016): reading is view; parties (edit) and the fund enter
  // monitoring results; everything else needs the manage right on the fund's side. The confirm row
  // comes before the rows that change payments and shares, which would make its draft stale.
  'GET /api/v1/deals/[dealId]/agreements/[agreementId]/monitoring': { right: 'view', probe: (f) => ({ params: { agreementId: f.fundAgreementId } }), allowed: { as: 'viewer', status: 200 } },
  'POST /api/v1/deals/[dealId]/agreements/[agreementId]/monitoring': {
    right: 'edit',
    probe: (f) => ({ params: { agreementId: f.fundAgreementId }, json: fundResult(2025, 'codmn', '2.4') }),
    allowed: { as: 'upstream', status: 201 },
  },
  'POST /api/v1/deals/[dealId]/agreements/[agreementId]/monitoring/import': {
    right: 'edit',
    probe: (f) => ({
      params: { agreementId: f.fundAgreementId },
      form: () => {
        const form = new FormData();
        form.set('file', new Blob([`year,indicator,value,laboratory,sampledFrom,sampledTo\n2026,tp,0.02,Authz lab,2026-01-01,2026-12-31\n`], { type: 'text/csv' }), 'results.csv');
        return form;
      },
    }),
    allowed: { as: 'downstream', status: 201 },
  },
  'GET /api/v1/deals/[dealId]/agreements/[agreementId]/monitoring/template': {
    right: 'view',
    probe: (f) => ({ params: { agreementId: f.fundAgreementId }, query: 'year=2024&format=csv' }),
    allowed: { as: 'viewer', status: 200 },
  },
  'PUT /api/v1/deals/[dealId]/agreements/[agreementId]/monitoring/tolerances': {
    right: 'manage',
    probe: (f) => ({ params: { agreementId: f.fundAgreementId }, json: { tolerances: { tp: { absolute: '0.001', relative: null } } } }),
    // Signed terms change only by an amendment (docs/decisions/0089): the administrator is told so.
    allowed: { as: 'fund', status: 409 },
  },
  'POST /api/v1/deals/[dealId]/agreements/[agreementId]/monitoring/closures': {
    right: 'manage',
    probe: (f) => ({ params: { agreementId: f.fundAgreementId }, json: { year: 2026 } }),
    allowed: { as: 'fund', status: 201 },
  },
  'POST /api/v1/deals/[dealId]/agreements/[agreementId]/monitoring/resolutions': {
    right: 'manage',
    probe: (f) => ({ params: { agreementId: f.fundAgreementId }, json: { method: 'AVERAGE', year: 2024, indicator: 'codmn', note: 'authz matrix probe' } }),
    allowed: { as: 'fund', status: 201 },
  },
  'GET /api/v1/deals/[dealId]/agreements/[agreementId]/monitoring/evidence/[sha256]': {
    right: 'view',
    probe: (f) => ({ params: { agreementId: f.fundAgreementId, sha256: f.retestSha256 } }),
    allowed: { as: 'viewer', status: 200 },
  },
  // No such import: the fund (which may read every side's imports) is told it is not found.
  'GET /api/v1/deals/[dealId]/agreements/[agreementId]/monitoring/imports/[importId]': {
    right: 'view',
    probe: (f) => ({ params: { agreementId: f.fundAgreementId, importId: '00000000-0000-4000-8000-000000000000' } }),
    allowed: { as: 'fund', status: 404 },
  },
  'GET /api/v1/deals/[dealId]/agreements/[agreementId]/settlements': { right: 'view', probe: (f) => ({ params: { agreementId: f.fundAgreementId } }), allowed: { as: 'viewer', status: 200 } },
  'POST /api/v1/deals/[dealId]/agreements/[agreementId]/settlements': {
    right: 'manage',
    probe: (f) => ({ params: { agreementId: f.fundAgreementId }, json: { year: 2022 } }),
    allowed: { as: 'fund', status: 201 },
  },
  'POST /api/v1/deals/[dealId]/agreements/[agreementId]/settlements/[settlementId]/confirm': {
    right: 'manage',
    probe: (f) => ({ params: { agreementId: f.fundAgreementId, settlementId: f.settlementId }, json: { fingerprint: f.settlementFingerprint } }),
    allowed: { as: 'fund', status: 200 },
  },
  'GET /api/v1/deals/[dealId]/agreements/[agreementId]/settlements/[settlementId]/pdf': {
    right: 'view',
    probe: (f) => ({ params: { agreementId: f.fundAgreementId, settlementId: f.settlementId } }),
    allowed: { as: 'viewer', status: 200 },
  },
  'GET /api/v1/deals/[dealId]/agreements/[agreementId]/ledger': {
    right: 'view',
    probe: (f) => ({ params: { agreementId: f.fundAgreementId }, query: 'format=json' }),
    allowed: { as: 'viewer', status: 200 },
  },
  'POST /api/v1/deals/[dealId]/agreements/[agreementId]/payments': {
    right: 'manage',
    probe: (f) => ({ params: { agreementId: f.fundAgreementId }, json: { year: 2025, funder: 'DOWNSTREAM', amount: '1.00', paidOn: '2026-01-15', reference: 'AUTHZ-PROBE' } }),
    allowed: { as: 'fund', status: 201 },
  },
  'PUT /api/v1/deals/[dealId]/agreements/[agreementId]/funding-shares': {
    right: 'manage',
    probe: (f) => ({ params: { agreementId: f.fundAgreementId }, json: { shares: { CENTRAL: '0.5', DOWNSTREAM: '0.5' } } }),
    allowed: { as: 'fund', status: 409 },
  },
  // A party's signatory or a fund administrator proposes; anyone else lacks the sign right.
  'POST /api/v1/deals/[dealId]/agreements/[agreementId]/amendments': {
    right: 'sign',
    probe: (f) => ({ params: { agreementId: f.fundAgreementId }, json: { effectiveFrom: 2030, reason: 'authz matrix probe', changes: { fundingShares: { central: '0.5', downstream: '0.5' } } } }),
    allowed: { as: 'fund', status: 201 },
  },
  // No such amendment: a signatory with the right password is told it is not found.
  'POST /api/v1/deals/[dealId]/agreements/[agreementId]/amendments/[amendmentId]/signatures': {
    right: 'sign',
    probe: (f) => ({ params: { agreementId: f.fundAgreementId, amendmentId: '00000000-0000-4000-8000-000000000000' }, json: { password: f.upstreamPassword } }),
    allowed: { as: 'upstream', status: 404 },
  },
  'GET /api/v1/deals/[dealId]/agreements/[agreementId]/history': { right: 'view', probe: (f) => ({ params: { agreementId: f.fundAgreementId } }), allowed: { as: 'viewer', status: 200 } },
  // The fund's own views across deals: any signed-in user, who sees only deals where they are a fund member.
  'GET /api/v1/fund/agreements': { right: 'session', probe: () => ({ query: 'status=ARCHIVED' }), allowed: { as: 'viewer', status: 200 } },
  'GET /api/v1/fund/portfolio': { right: 'session', probe: () => ({}), allowed: { as: 'viewer', status: 200 } },
  'GET /api/v1/fund/ledger': { right: 'session', probe: () => ({ query: 'format=csv' }), allowed: { as: 'viewer', status: 200 } },
};

/** Every page under a deal needs view; the pages hide forms by right, and the actions and API re-check. */
const pageMatrix: Record<string, { right: 'view'; query?: (f: Fixture) => string }> = {
  '/deals/[dealId]': { right: 'view' },
  '/deals/[dealId]/activity': { right: 'view' },
  '/deals/[dealId]/agreements': { right: 'view' },
  '/deals/[dealId]/agreements/[agreementId]': { right: 'view' },
  '/deals/[dealId]/agreements/[agreementId]/monitoring': { right: 'view' },
  '/deals/[dealId]/agreements/[agreementId]/settlements': { right: 'view' },
  '/deals/[dealId]/agreements/[agreementId]/ledger': { right: 'view' },
  '/deals/[dealId]/agreements/[agreementId]/history': { right: 'view' },
  '/deals/[dealId]/compare': { right: 'view', query: (f) => `from=${f.versionId}&to=${f.versionId}` },
  '/deals/[dealId]/members': { right: 'view' },
  '/deals/[dealId]/offers': { right: 'view' },
  '/deals/[dealId]/terms': { right: 'view' },
  '/deals/[dealId]/scenarios': { right: 'view' },
  '/deals/[dealId]/versions/[versionId]': { right: 'view' },
  '/deals/[dealId]/negotiation': { right: 'view', query: (f) => `versions=${f.versionId}` },
  '/deals/[dealId]/versions/[versionId]/sensitivity': { right: 'view', query: () => 'percent=10' },
};

// --- Fixture ----------------------------------------------------------------------------------

const run = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
const sessions = {} as Record<SignedIn, HttpSession>;
const credentials = {} as Record<SignedIn, { email: string; password: string }>;
let fixture: Fixture;
let organisationId: string;
const observed = new Map<string, Partial<Record<Caller | 'also', string>>>();

function strongPassword(): string {
  return `Rv-${randomBytes(15).toString('base64url')}`;
}

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\[([^\]]+)\]/g, (_whole, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for [${name}] in ${template}: give the row params`);
    return encodeURIComponent(value).replace(/%2F/g, '/');
  });
}

interface Answer {
  status: number;
  json: { error?: { code: string; message: string } } | null;
  text: string;
  location: string | null;
  contentType: string;
}

async function call(caller: Caller, method: string, url: string, probe: Probe = {}): Promise<Answer> {
  // A same-origin caller, as the platform's own pages are: the cross-site check has tests of its own.
  const headers: Record<string, string> = { Origin: baseUrl() };
  if (caller !== 'anonymous') headers.Cookie = sessions[caller].cookie;
  let body: BodyInit | undefined;
  if (probe.json !== undefined) {
    body = JSON.stringify(probe.json);
    headers['Content-Type'] = 'application/json';
  } else if (probe.form) body = probe.form();
  const response = await fetch(`${baseUrl()}${url}`, { method, headers, body, redirect: 'manual' });
  const text = await response.text();
  let json: Answer['json'] = null;
  try {
    json = JSON.parse(text) as Answer['json'];
  } catch {
    // not JSON
  }
  return { status: response.status, json, text, location: response.headers.get('location'), contentType: response.headers.get('content-type') ?? '' };
}

async function must<T>(session: HttpSession, what: string, url: string, method: string, body: unknown, status: number): Promise<T> {
  const answer = await session.json<T>(url, method, body);
  if (answer.status !== status) throw new Error(`setup: ${what} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 400)}`);
  return answer.body;
}

beforeAll(async () => {
  sessions.admin = await signInOverHttp('admin@pes.demo', demoPassword);
  const { admin } = sessions;

  organisationId = (await must<{ id: string }>(admin, 'organisation', '/api/v1/organisations', 'POST', { name: `Authz matrix ${run}`, nameZh: '授权矩阵测试机构', kind: 'OBSERVER' }, 201)).id;
  const users = {} as Record<'fund' | 'upstream' | 'downstream' | 'viewer' | 'stranger' | 'disabled' | 'removable' | 'addable', { id: string; password: string; email: string }>;
  // A fund administrator of this file's own: deals it creates do not show up in the demo fund's list.
  const roles = { fund: 'FUND_ADMIN', upstream: 'MEMBER', downstream: 'MEMBER', viewer: 'MEMBER', stranger: 'FUND_ADMIN', disabled: 'ADMIN', removable: 'MEMBER', addable: 'MEMBER' } as const;
  for (const [name, role] of Object.entries(roles) as [keyof typeof users, string][]) {
    const email = `authz-${name}-${run}@example.test`;
    const password = strongPassword();
    const created = await must<{ id: string }>(admin, `user ${name}`, '/api/v1/users', 'POST', { email, name: `Authz ${name}`, password, role, organisationId }, 201);
    users[name] = { id: created.id, password, email };
  }
  for (const name of ['fund', 'upstream', 'downstream', 'viewer', 'stranger', 'disabled'] as const) {
    credentials[name] = users[name];
    sessions[name] = await signInOverHttp(users[name].email, users[name].password);
  }
  const { fund } = sessions;

  const dealNameZh = `授权矩阵 ${run}`;
  const deal = await must<{ id: string }>(
    fund,
    'deal',
    '/api/v1/deals',
    'POST',
    { slug: `authz-${run}`, name: `Authz matrix ${run}`, nameZh: dealNameZh, watershed: 'Test river', watershedZh: '测试河', startYear: 2003, endYear: 2050, priceBase: '2003 prices' },
    201,
  );
  const dealUrl = `/api/v1/deals/${deal.id}`;
  const memberships = [
    ['upstream', 'UPSTREAM', true, true],
    ['downstream', 'DOWNSTREAM', true, true],
    ['viewer', 'OBSERVER', false, false],
    ['disabled', 'UPSTREAM', true, true],
    ['removable', 'OBSERVER', false, false],
  ] as const;
  const memberIds: Record<string, string> = {};
  // Only a platform administrator gives a party's side or a sign right: the demo administrator joins
  // the deal to seat the parties, then leaves it.
  const adminId = (await must<{ id: string }>(admin, 'administrator', '/api/v1/me', 'GET', undefined, 200)).id;
  const adminMember = await must<{ id: string }>(fund, 'administrator joins', `${dealUrl}/members`, 'POST', { userId: adminId, side: 'OBSERVER' }, 201);
  for (const [name, side, canEdit, canSign] of memberships) {
    memberIds[name] = (await must<{ id: string }>(admin, `member ${name}`, `${dealUrl}/members`, 'POST', { userId: users[name].id, side, canEdit, canSign }, 201)).id;
  }
  await must(fund, 'administrator leaves', `${dealUrl}/members/${adminMember.id}`, 'DELETE', undefined, 200);

  const form = new FormData();
  form.set('file', pdf(), 'audit.pdf');
  const upload = await sessions.upstream.request(`${dealUrl}/evidence`, { method: 'POST', body: form });
  if (upload.status !== 201) throw new Error(`setup: evidence answered ${upload.status}: ${await upload.text()}`);
  const { sha256 } = (await upload.json()) as { sha256: string };
  const saved = await must<{ scenarioId: string; versionId: string }>(
    sessions.upstream,
    'scenario',
    `${dealUrl}/scenarios`,
    'POST',
    {
      document: shiyanDocument(),
      message: 'Authz matrix: the reference case',
      evidence: [{ target: 'scenario', fileName: 'audit.pdf', sha256 }],
    },
    201,
  );
  const offer = await must<{ id: string }>(sessions.upstream, 'offer', `${dealUrl}/offers`, 'POST', offerBody({ versionId: saved.versionId } as Fixture), 201);
  const csv = await sessions.upstream.request(`${dealUrl}/versions/${saved.versionId}?format=csv`);
  if (csv.status !== 200) throw new Error(`setup: csv export answered ${csv.status}`);

  // The disabled user's cookie works while the account is active; then the account is disabled.
  await must(sessions.disabled, 'disabled user before disabling', dealUrl, 'GET', undefined, 200);
  await must(admin, 'disable', `/api/v1/users/${users.disabled.id}`, 'PATCH', { disabled: true }, 200);
  const toAccept = await must<{ id: string }>(sessions.upstream, 'offer to accept', `${dealUrl}/offers`, 'POST', offerBody({ versionId: saved.versionId } as Fixture), 201);
  const accepted = await must<{ agreementId: string }>(sessions.downstream, 'accept (drafts the agreement)', `${dealUrl}/offers/${toAccept.id}`, 'POST', { move: 'accept' }, 200);

  // Fund administration: an agreement with payment terms signed by both sides (the disabled member
  // is no signatory), complete results for 2022 and 2023, disputed ones for 2024 (one resolved by a
  // re-test with evidence), and a draft settlement of 2023.
  // The deal's creator sits on the observer side (this file's organisation is no water fund);
  // administering an agreement needs the fund side, so the fund administrator moves there.
  const members = await must<{ members: { id: string; userId: string }[] }>(fund, 'members', `${dealUrl}/members`, 'GET', undefined, 200);
  await must(fund, 'fund side', `${dealUrl}/members/${members.members.find((m) => m.userId === users.fund.id)!.id}`, 'PATCH', { side: 'FUND' }, 200);
  // Any one lab's result settles a year here (the fund's for 2022–2023; both parties' disagree on 2024).
  const template = templateTerms('two-way-quality-index', 'en');
  const fundTerms = { ...template, from: 2021, to: 2030, monitoring: Object.fromEntries(Object.keys(template.indicators).map((name) => [name, { labs: 'either' }])) };
  const withTerms = await must<{ id: string }>(sessions.upstream, 'offer with terms', `${dealUrl}/offers`, 'POST', { ...offerBody({ versionId: saved.versionId } as Fixture), terms: fundTerms }, 201);
  const signed = await must<{ agreementId: string }>(sessions.downstream, 'accept the offer with terms', `${dealUrl}/offers/${withTerms.id}`, 'POST', { move: 'accept' }, 200);
  const agreementUrl = `${dealUrl}/agreements/${signed.agreementId}`;
  await must(sessions.upstream, 'upstream signs', `${agreementUrl}/signatures`, 'POST', { password: users.upstream.password }, 201);
  await must(sessions.downstream, 'downstream signs', `${agreementUrl}/signatures`, 'POST', { password: users.downstream.password }, 201);
  for (const year of [2022, 2023]) {
    for (const [indicator, value] of Object.entries({ codmn: '2.31', nh3n: '0.10', tn: '1.05', tp: '0.026' }))
      await must(fund, `result ${year} ${indicator}`, `${agreementUrl}/monitoring`, 'POST', fundResult(year, indicator, value), 201);
  }
  for (const [session, codmn, nh3n] of [
    [sessions.upstream, '2.3', '0.10'],
    [sessions.downstream, '2.9', '0.20'],
  ] as const) {
    await must(session, 'result 2024 codmn', `${agreementUrl}/monitoring`, 'POST', fundResult(2024, 'codmn', codmn), 201);
    await must(session, 'result 2024 nh3n', `${agreementUrl}/monitoring`, 'POST', fundResult(2024, 'nh3n', nh3n), 201);
  }
  const retestForm = new FormData();
  retestForm.set(
    'resolution',
    JSON.stringify({ method: 'RETEST', year: 2024, indicator: 'nh3n', value: '0.15', laboratory: 'Authz lab', sampledFrom: '2025-01-10', sampledTo: '2025-01-12', note: 'authz re-test' }),
  );
  retestForm.set('file', pdf(), 'retest.pdf');
  const retest = await fund.request(`${agreementUrl}/monitoring/resolutions`, { method: 'POST', body: retestForm });
  if (retest.status !== 201) throw new Error(`setup: re-test answered ${retest.status}: ${await retest.text()}`);
  const retestSha256 = ((await retest.json()) as { cell: { resolution: { evidence: { sha256: string } } } }).cell.resolution.evidence.sha256;
  const draft = await must<{ id: string; fingerprint: string }>(fund, 'settlement draft of 2023', `${agreementUrl}/settlements`, 'POST', { year: 2023 }, 201);

  fixture = {
    run,
    dealId: deal.id,
    dealNameZh,
    scenarioId: saved.scenarioId,
    versionId: saved.versionId,
    offerId: offer.id,
    sha256,
    csv: (await csv.text()).replace(/^\uFEFF/, ''),
    disabledUserId: users.disabled.id,
    disabledMemberId: memberIds.disabled!,
    removableMemberId: memberIds.removable!,
    addableUserId: users.addable.id,
    agreementId: accepted.agreementId,
    upstreamPassword: users.upstream.password,
    fundAgreementId: signed.agreementId,
    settlementId: draft.id,
    settlementFingerprint: draft.fingerprint,
    retestSha256,
  };
});

afterAll(() => {
  if (!observed.size) return;
  const columns: (Caller | 'also')[] = ['anonymous', 'stranger', 'disabled', 'viewer', 'upstream', 'downstream', 'fund', 'admin', 'also'];
  const lines = [...observed].map(([key, row]) => `${key.padEnd(66)} ${columns.map((c) => (row[c] ?? '·').padEnd(c === 'also' ? 14 : 10)).join('')}`);
  console.log(`authorisation matrix (status by caller)\n${''.padEnd(66)} ${columns.map((c) => c.padEnd(10)).join('')}\n${lines.join('\n')}`);
});

function note(key: string, caller: Caller | 'also', status: number | string) {
  observed.set(key, { ...observed.get(key), [caller]: String(status) });
}

function say(key: string, caller: string, answer: Answer): string {
  return `${key} as ${caller}: ${answer.status} ${answer.text.slice(0, 300)}`;
}

/**
 * Server actions are HTTP endpoints too. Deal data changes only through the v1 API above (the
 * member forms call it); an action is allowed only where it touches nothing but the caller's own
 * session or profile, and each one is listed here with why.
 */
const serverActions: Record<string, string> = {
  'app/actions/locale.ts chooseLocale': "the caller's own language (cookie, and their profile when signed in)",
  'app/actions/locale.ts settleLocaleAfterSignIn': "the caller's own language, right after their sign-in",
  'app/actions/amount-unit.ts chooseAmountUnit': 'the unit the signed-in caller reads amounts in, in their own profile',
};

function serverActionsOnDisk(): string[] {
  return filesNamed(path.join(root, 'app'), /\.tsx?$/)
    .filter((file) => /^\s*['"]use server['"]/.test(readFileSync(file, 'utf8')))
    .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+([A-Za-z_$][\w$]*)/g)].map((m) => `${path.relative(root, file)} ${m[1]}`));
}

// --- The tests --------------------------------------------------------------------------------

describe('authorisation matrix', () => {
  it('has a row for every route, method and deal page on disk, and none for anything gone', () => {
    const routes = routesOnDisk();
    const unlisted = routes.filter((key) => !(key in apiMatrix));
    const gone = Object.keys(apiMatrix).filter((key) => !routes.includes(key));
    const pages = dealPagesOnDisk();
    const unlistedPages = pages.filter((page) => !(page in pageMatrix));
    const gonePages = Object.keys(pageMatrix).filter((page) => !pages.includes(page));
    const problems = [
      ...unlisted.map((key) => `route ${key} has no row in apiMatrix (tests/e2e/authz-matrix.e2e.ts): say who may call it`),
      ...gone.map((key) => `apiMatrix lists ${key}, but no route file exports it`),
      ...unlistedPages.map((page) => `page ${page} has no row in pageMatrix (tests/e2e/authz-matrix.e2e.ts)`),
      ...gonePages.map((page) => `pageMatrix lists ${page}, but there is no such page`),
    ];
    expect(problems, problems.join('\n')).toEqual([]);
    expect(routes.length).toBeGreaterThan(10);
    expect(pages.length).toBeGreaterThan(0);
  });

  it('allows server actions only for the caller’s own session and profile, each listed', () => {
    const actions = serverActionsOnDisk();
    const unlisted = actions.filter((key) => !(key in serverActions));
    expect(unlisted, unlisted.map((key) => `server action ${key} is not listed: deal data changes go through app/api/v1 (and this matrix)`).join('\n')).toEqual([]);
    expect(actions.length).toBeGreaterThan(0);
  });

  it('reads exported methods in each form a route file may use', () => {
    expect(exportedMethods('export const GET = apiRoute(x);\nexport async function POST() {}\nexport function DELETE() {}')).toEqual(['GET', 'POST', 'DELETE']);
    expect(exportedMethods('const handler = NextAuth(o);\nexport { handler as GET, handler as POST };')).toEqual(['GET', 'POST']);
    expect(exportedMethods('export { PATCH } from "./other";\nexport const dynamic = "force-dynamic";')).toEqual(['PATCH']);
  });

  for (const [key, row] of Object.entries(apiMatrix)) {
    const [method, template] = key.split(' ') as [string, string];
    it(`${key} — ${row.right}`, async () => {
      const probe = () => row.probe(fixture);
      const urlFor = (p: Probe) => {
        const url = fill(template, {
          dealId: fixture.dealId,
          versionId: fixture.versionId,
          scenarioId: fixture.scenarioId,
          offerId: fixture.offerId,
          sha256: fixture.sha256,
          ...p.params,
        });
        return p.query ? `${url}?${p.query}` : url;
      };
      const ask = async (caller: Caller) => {
        const p = probe();
        const answer = await call(caller, method, urlFor(p), p);
        note(key, caller, answer.status);
        return answer;
      };

      if (row.right === 'public') {
        const anonymous = await ask('anonymous');
        expect(anonymous.status, say(key, 'anonymous', anonymous)).toBe(row.allowed.status);
        return;
      }

      const anonymous = await ask('anonymous');
      expect(anonymous.status, say(key, 'anonymous', anonymous)).toBe(401);
      expect(anonymous.contentType, say(key, 'anonymous', anonymous)).toContain('application/json');
      expect(anonymous.json?.error?.code, say(key, 'anonymous', anonymous)).toBe('unauthenticated');

      if (dealScoped(row.right)) {
        // A stranger learns nothing, not even that the deal or its contents exist.
        const stranger = await ask('stranger');
        expect(stranger.status, say(key, 'stranger', stranger)).toBe(404);
        expect(stranger.json?.error?.code, say(key, 'stranger', stranger)).toBe('not_found');
        expect(stranger.json?.error?.message, say(key, 'stranger', stranger)).toMatch(/^No deal with that id/);
      }

      const disabled = await ask('disabled');
      expect(disabled.status, say(key, 'disabled', disabled)).toBe(401);
      expect(disabled.json?.error?.code, say(key, 'disabled', disabled)).toBe('unauthenticated');

      const without = lacking[row.right];
      if (without) {
        const refused = await ask(without.as);
        expect(refused.status, say(key, without.as, refused)).toBe(403);
        expect(refused.json?.error?.code, say(key, without.as, refused)).toBe('forbidden');
        expect(refused.json?.error?.message, say(key, without.as, refused)).toContain(without.named);
      }

      for (const also of row.alsoRefused ?? []) {
        const p = probe();
        const refused = await call(also.as, method, urlFor(p), p);
        note(key, 'also', `${also.as}:${refused.status}`);
        expect(refused.status, say(key, also.as, refused)).toBe(also.status);
        if (also.named) expect(refused.json?.error?.message, say(key, also.as, refused)).toContain(also.named);
      }

      const allowed = await ask(row.allowed.as);
      expect(allowed.status, say(key, row.allowed.as, allowed)).toBe(row.allowed.status);
      if (row.endsCallerSessions && row.allowed.as !== 'anonymous') {
        const caller = row.allowed.as;
        expect((await call(caller, 'GET', '/api/v1/me')).status, `${key}: the caller's session ended`).toBe(401);
        sessions[caller] = await signInOverHttp(credentials[caller].email, credentials[caller].password);
      }
    });
  }

  for (const [template, row] of Object.entries(pageMatrix)) {
    it(`page ${template} — ${row.right}`, async () => {
      const path_ = fill(template, {
        dealId: fixture.dealId,
        versionId: fixture.versionId,
        scenarioId: fixture.scenarioId,
        offerId: fixture.offerId,
        sha256: fixture.sha256,
        agreementId: fixture.agreementId,
      });
      const url = row.query ? `${path_}?${row.query(fixture)}` : path_;
      const key = `PAGE ${template}`;
      const ask = async (caller: Caller) => {
        const answer = await call(caller, 'GET', url);
        note(key, caller, answer.status);
        return answer;
      };
      const toLogin = (answer: Answer, caller: string) => {
        expect([302, 303, 307, 308], say(key, caller, answer)).toContain(answer.status);
        expect(new URL(answer.location ?? '', baseUrl()).pathname, say(key, caller, answer)).toBe('/login');
      };

      toLogin(await ask('anonymous'), 'anonymous');

      const stranger = await ask('stranger');
      expect(stranger.status, say(key, 'stranger', stranger)).toBe(404);
      expect(stranger.text).not.toContain(fixture.dealNameZh);
      expect(stranger.text).not.toContain(`Authz matrix ${fixture.run}`);

      toLogin(await ask('disabled'), 'disabled');

      const viewer = await ask('viewer');
      expect(viewer.status, say(key, 'viewer', viewer)).toBe(200);
    });
  }
});
