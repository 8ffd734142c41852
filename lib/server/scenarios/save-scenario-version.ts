import 'server-only';
import { parseScenario, type CodedProblem } from '@/lib/engine';
import type { Actor, Side } from '@/lib/domain/actor';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/domain/errors';
import { prepareVersion } from '@/lib/domain/scenario-version';
import type { Prisma } from '@/lib/generated/prisma/client';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { Tx } from '@/lib/server/transaction';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { inDealTransaction } from '@/lib/server/authz/require-deal-access';
import { lockScenarioInDeal } from './scenario-access';
import { text } from '@/lib/domain/local-text';
import { scenarioFields } from '@/lib/domain/problem-place';
import { engineProblems } from '@/lib/domain/schema-problems';

export interface EvidenceLink {
  target: string;
  fileName: string;
  sha256: string;
  note?: string | null;
}

export interface SaveVersionInput {
  /** Omit to start a new scenario of the actor's side. */
  scenarioId?: string;
  name?: string;
  /** The version the edits started from; a newer version in between is a conflict. */
  baseVersionId?: string | null;
  document: unknown;
  message: string;
  evidence?: EvidenceLink[];
  calculatorInputs?: Record<string, unknown>;
}

/** The stale-base conflict carries who saved what, so the editor can offer a rebase. */
export class StaleBaseError extends ConflictError {
  override readonly field = 'baseVersionId';
  override readonly details: { latest: StaleBaseError['latest'] };
  constructor(readonly latest: { id: string; number: number; authorName: string; createdAt: string; message: string }) {
    super(text('problemLine', { field: 'baseVersionId', message: text('staleBase', { author: latest.authorName, number: latest.number, message: latest.message, time: latest.createdAt }) }));
    this.details = { latest };
  }
}

function refuse(problems: readonly CodedProblem[], document: unknown): never {
  const fields = engineProblems(problems, document, scenarioFields, 'document');
  throw ValidationError.listing(fields, (lines) => text('scenarioProblems', { count: fields.length, problems: lines }));
}

export function parseOrRefuse(document: unknown) {
  const parsed = parseScenario(document);
  return parsed.ok ? parsed.scenario : refuse(parsed.problems, document);
}

export async function insertVersion(
  tx: Tx,
  args: { dealId: string; scenarioId: string; number: number; actor: Actor; message: string; document: unknown; evidence: EvidenceLink[]; calculatorInputs?: unknown },
) {
  const prepared = prepareVersion(args.document);
  if (!prepared.ok) refuse(prepared.problems, args.document);
  // Only files uploaded in this deal: a hash stored for another deal is as unknown as one never
  // uploaded, so the answer tells nothing about other deals.
  const known = new Set(
    args.evidence.length ? (await tx.dealEvidence.findMany({ where: { dealId: args.dealId, sha256: { in: args.evidence.map((e) => e.sha256) } }, select: { sha256: true } })).map((f) => f.sha256) : [],
  );
  const unknown = args.evidence.findIndex((link) => !known.has(link.sha256));
  if (unknown >= 0) throw new ValidationError(text('noUploadWithHash'), `evidence[${unknown}].sha256`);
  return tx.scenarioVersion.create({
    data: {
      scenarioId: args.scenarioId,
      number: args.number,
      message: args.message,
      authorId: args.actor.id,
      document: prepared.document as Prisma.InputJsonValue,
      result: prepared.result as Prisma.InputJsonValue,
      documentHash: prepared.documentHash,
      calculatorInputs: args.calculatorInputs && typeof args.calculatorInputs === 'object' && Object.keys(args.calculatorInputs).length ? (args.calculatorInputs as Prisma.InputJsonValue) : undefined,
      ...(args.evidence.length ? { evidence: { create: args.evidence.map((link) => ({ target: link.target, fileName: link.fileName, sha256: link.sha256, note: link.note ?? null })) } } : {}),
    },
    // Not the stored document and result back again: the caller needs the id and hash.
    select: { id: true, documentHash: true },
  });
}

/** Where a version goes: the next number of a scenario the actor's side edits (from the version the edits started from), or v1 of a new one. */
export type VersionTarget = { scenarioId: string; baseVersionId?: string | null } | { newScenario: { name: string | undefined; template?: string } };

/**
 * The one way a version is written, inside the caller's deal transaction: the scenario it belongs
 * to (locked and checked, or created), the version, and its `scenario.version_saved` event.
 * `audit` adds to the event's summary what only the caller knows (the template started from).
 */
export async function writeScenarioVersion(
  tx: Tx,
  args: {
    actor: Actor;
    origin: RequestOrigin;
    dealId: string;
    side: Side;
    target: VersionTarget;
    document: unknown;
    message: string;
    evidence?: EvidenceLink[];
    calculatorInputs?: unknown;
    audit?: Record<string, string | number>;
  },
) {
  const { actor, origin, dealId, side, target, message } = args;
  const evidence = args.evidence ?? [];
  let scenarioId: string;
  let number = 1;
  if ('scenarioId' in target) {
    scenarioId = target.scenarioId;
    // Locked as it is read: of two racing saves of one scenario from the same base, one conflicts.
    const scenario = await lockScenarioInDeal(tx, dealId, scenarioId);
    if (scenario.side !== side) throw new ForbiddenError('edit', text('right.editSideScenarios', { side: text(`side.${scenario.side}`) }));
    const latest = await tx.scenarioVersion.findFirst({ where: { scenarioId }, orderBy: { number: 'desc' }, select: { id: true, number: true, authorId: true, createdAt: true, message: true } });
    if (latest && latest.id !== target.baseVersionId) {
      const author = await tx.user.findUnique({ where: { id: latest.authorId }, select: { name: true } });
      throw new StaleBaseError({ id: latest.id, number: latest.number, authorName: author?.name ?? 'someone', createdAt: latest.createdAt.toISOString(), message: latest.message });
    }
    number = (latest?.number ?? 0) + 1;
  } else {
    // The document first: its problems (a missing name among them) are listed all at once.
    const name = target.newScenario.name?.trim() || parseOrRefuse(args.document).name;
    scenarioId = (await tx.scenario.create({ data: { dealId, side, name, createdById: actor.id, ...(target.newScenario.template ? { template: target.newScenario.template } : {}) } })).id;
  }
  const version = await insertVersion(tx, { dealId, scenarioId, number, actor, message, document: args.document, evidence, calculatorInputs: args.calculatorInputs });
  await appendAuditEvent(tx, {
    action: 'scenario.version_saved',
    origin,
    actor,
    side,
    dealId,
    object: { type: 'scenario_version', id: version.id },
    summary: { after: { scenarioId, number, message, documentHash: version.documentHash, evidence: evidence.length, ...args.audit } },
  });
  return { scenarioId, versionId: version.id, number, documentHash: version.documentHash };
}

export async function saveScenarioVersion({ actor, origin, dealId, input }: { actor: Actor; origin: RequestOrigin; dealId: string; input: SaveVersionInput }) {
  const message = input.message.trim();
  if (!message) throw new ValidationError(text('sayWhatChanged'), 'message');
  return inDealTransaction({ actor, dealId, right: 'edit', origin }, (tx, { membership }) =>
    writeScenarioVersion(tx, {
      actor,
      origin,
      dealId,
      side: membership.side,
      target: input.scenarioId ? { scenarioId: input.scenarioId, baseVersionId: input.baseVersionId } : { newScenario: { name: input.name } },
      document: input.document,
      message,
      evidence: input.evidence,
      calculatorInputs: input.calculatorInputs,
    }),
  );
}
