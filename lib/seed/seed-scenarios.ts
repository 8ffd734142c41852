import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { prepareVersion } from '@/lib/domain/scenario-version';
import { appendToChain } from '@/lib/infra/audit-chain';
import { miyunDocument, shiyanDocument } from '@/lib/engine';
import { counterTexts, demoPriceBases, demoScenarioNames, miyunLabels, shiyanLabels, shiyanMessages } from './demo-texts';

type Item = { code?: string; label: string; values: Record<string, string> };
type Doc = Record<string, unknown> & { costs: (Item & { code: string })[]; subsidies?: Item[]; benefits?: Item[]; downstreamCosts?: Item[]; periods?: { label: string }[] };

const seedOrigin = { ip: 'seed', userAgent: 'demo seed' };

// The reference documents with the demo's Chinese labels: line items by code, other lists in order.
function relabel(
  doc: Doc,
  labels: { name: string; costs: Record<string, string>; subsidies: Record<string, string>; benefits?: readonly string[]; downstreamCosts?: readonly string[]; periods?: Record<string, string> },
  priceBase: string,
): Doc {
  const byCode = (items: Item[] | undefined, names: Record<string, string>) => items?.map((item) => ({ ...item, label: (item.code && names[item.code]) || item.label }));
  const inOrder = (items: Item[] | undefined, names: readonly string[] | undefined) => items?.map((item, i) => ({ ...item, label: names?.[i] ?? item.label }));
  return {
    ...doc,
    name: labels.name,
    priceBase,
    costs: byCode(doc.costs, labels.costs) as Doc['costs'],
    subsidies: byCode(doc.subsidies, labels.subsidies),
    ...(doc.benefits ? { benefits: inOrder(doc.benefits, labels.benefits) } : {}),
    ...(doc.downstreamCosts ? { downstreamCosts: inOrder(doc.downstreamCosts, labels.downstreamCosts) } : {}),
    ...(doc.periods ? { periods: doc.periods.map((period) => ({ ...period, label: labels.periods?.[period.label] ?? period.label })) } : {}),
  };
}

function shiyan(): Doc {
  return relabel(structuredClone(shiyanDocument()) as Doc, shiyanLabels, demoPriceBases.shiyan);
}

function miyun(): Doc {
  return relabel(structuredClone(miyunDocument()) as Doc, miyunLabels, demoPriceBases.miyunDocument);
}

function withCostValue(doc: Doc, code: string, period: string, value: string): Doc {
  return { ...doc, costs: doc.costs.map((item) => (item.code === code ? { ...item, values: { ...item.values, [period]: value } } : item)) };
}

// The Shiyan reference case (pes-model.md §6) and how each side moved it. The downstream benefit
// figures are illustrative, and the versions' messages say so.
function shiyanHistory() {
  const v1 = shiyan();
  const v2 = withCostValue(v1, 'C_m', '2011-2020', '1420393');
  const v3: Doc = { ...v2, discountRate: '0.04' };
  const counter = {
    ...v3,
    name: counterTexts.name,
    discountRate: '0.03',
    alpha: { ...(v3.alpha as Record<string, unknown>), ED: { '2003-2050': '0.25' }, PD: { '2003-2050': '0.3' } },
    benefits: [
      { label: counterTexts.benefits[0], values: { '2014-2030': '11400000', '2031-2050': '15600000' } },
      { label: counterTexts.benefits[1], values: { '2014-2050': '780000' } },
    ],
    downstreamCosts: [{ label: counterTexts.downstreamCosts[0], values: { '2014-2050': '300000' } }],
  };
  return {
    upstream: [
      { document: v1, message: shiyanMessages.v1 },
      { document: v2, message: shiyanMessages.v2 },
      { document: v3, message: shiyanMessages.v3 },
    ],
    downstream: [{ document: counter, message: shiyanMessages.counter }],
  };
}

async function createScenario(
  prisma: PrismaClient,
  args: {
    dealId: string;
    side: 'UPSTREAM' | 'DOWNSTREAM';
    name: string;
    authorId: string;
    organisationId: string;
    email: string;
    forkedFromVersionId?: string;
    versions: { document: unknown; message: string }[];
  },
): Promise<string[]> {
  return prisma.$transaction(async (tx) => {
    const scenario = await tx.scenario.create({ data: { dealId: args.dealId, side: args.side, name: args.name, createdById: args.authorId, forkedFromVersionId: args.forkedFromVersionId } });
    const ids: string[] = [];
    for (const [index, version] of args.versions.entries()) {
      const prepared = prepareVersion(version.document);
      if (!prepared.ok) throw new Error(`demo scenario "${args.name}" v${index + 1} is invalid: ${prepared.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
      const row = await tx.scenarioVersion.create({
        data: {
          scenarioId: scenario.id,
          number: index + 1,
          message: version.message,
          authorId: args.authorId,
          document: prepared.document as Prisma.InputJsonValue,
          result: prepared.result as Prisma.InputJsonValue,
          documentHash: prepared.documentHash,
        },
      });
      ids.push(row.id);
      await appendToChain(tx, {
        chain: args.dealId,
        at: new Date(),
        action: 'scenario.version_saved',
        actorId: args.authorId,
        email: args.email,
        organisationId: args.organisationId,
        side: args.side,
        dealId: args.dealId,
        objectType: 'scenario_version',
        objectId: row.id,
        summary: { after: { scenarioId: scenario.id, number: index + 1, message: version.message, documentHash: prepared.documentHash } },
        ip: seedOrigin.ip,
        userAgent: seedOrigin.userAgent,
      });
    }
    return ids;
  });
}

/** Scenarios for the demo deals, created once (a deal that has scenarios is left alone). */
export async function seedDemoScenarios(prisma: PrismaClient): Promise<number> {
  const user = async (email: string) => prisma.user.findUniqueOrThrow({ where: { email } });
  let created = 0;
  const shiyanDeal = await prisma.deal.findUniqueOrThrow({ where: { slug: 'shiyan-2003-2050' } });
  if ((await prisma.scenario.count({ where: { dealId: shiyanDeal.id } })) === 0) {
    const [up, down] = [await user('shiyan@pes.demo'), await user('beijing@pes.demo')];
    const history = shiyanHistory();
    const upstreamIds = await createScenario(prisma, {
      dealId: shiyanDeal.id,
      side: 'UPSTREAM',
      name: demoScenarioNames.shiyanPaper,
      authorId: up.id,
      organisationId: up.organisationId,
      email: up.email,
      versions: history.upstream,
    });
    await createScenario(prisma, {
      dealId: shiyanDeal.id,
      side: 'DOWNSTREAM',
      name: demoScenarioNames.beijingCounter,
      authorId: down.id,
      organisationId: down.organisationId,
      email: down.email,
      forkedFromVersionId: upstreamIds.at(-1),
      versions: history.downstream,
    });
    created += 2;
  }
  const miyunDeal = await prisma.deal.findUniqueOrThrow({ where: { slug: 'miyun-illustrative' } });
  if ((await prisma.scenario.count({ where: { dealId: miyunDeal.id } })) === 0) {
    const up = await user('chengde@pes.demo');
    await createScenario(prisma, {
      dealId: miyunDeal.id,
      side: 'UPSTREAM',
      name: demoScenarioNames.miyun,
      authorId: up.id,
      organisationId: up.organisationId,
      email: up.email,
      versions: [{ document: miyun(), message: shiyanMessages.miyun }],
    });
    created += 1;
  }
  return created;
}
