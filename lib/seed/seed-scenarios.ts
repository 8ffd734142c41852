import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { prepareVersion } from '@/lib/domain/scenario-version';
import { appendToChain } from '@/lib/infra/audit-chain';
import { miyunDocument, shiyanDocument } from '@/lib/engine';

type Doc = Record<string, unknown> & { costs: { code: string; label: string; values: Record<string, string> }[] };

const seedOrigin = { ip: 'seed', userAgent: 'demo seed' };

function shiyan(): Doc {
  return structuredClone(shiyanDocument()) as Doc;
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
    name: 'Beijing counter-proposal: higher internal effect, stated benefits',
    discountRate: '0.03',
    alpha: { ...(v3.alpha as Record<string, unknown>), ED: { '2003-2050': '0.25' }, PD: { '2003-2050': '0.3' } },
    benefits: [
      { label: 'Avoided cost of the next-best supply (1.2 CNY/m³, illustrative)', values: { '2014-2030': '11400000', '2031-2050': '15600000' } },
      { label: 'Ecosystem-service value flowing to the receiving area (paper: 0.78 billion CNY/yr)', values: { '2014-2050': '780000' } },
    ],
    downstreamCosts: [{ label: 'Receiving-area monitoring and treatment (illustrative)', values: { '2014-2050': '300000' } }],
  };
  return {
    upstream: [
      { document: v1, message: 'Tables 3–5 of Dong et al. (2011) as published' },
      { document: v2, message: 'Resettlement cost 2011–2020 raised to the 2012 resettlement audit' },
      { document: v3, message: 'Rate of capital gains 3 % → 4 %, the provincial bond rate' },
    ],
    downstream: [{ document: counter, message: 'Counter-proposal: α ED 0.25 and PD 0.30, rate back to 3 %, benefits stated (illustrative)' }],
  };
}

async function createScenario(
  prisma: PrismaClient,
  args: { dealId: string; side: 'UPSTREAM' | 'DOWNSTREAM'; name: string; authorId: string; organisationId: string; email: string; forkedFromVersionId?: string; versions: { document: unknown; message: string }[] },
): Promise<string[]> {
  return prisma.$transaction(async (tx) => {
    const scenario = await tx.scenario.create({ data: { dealId: args.dealId, side: args.side, name: args.name, createdById: args.authorId, forkedFromVersionId: args.forkedFromVersionId } });
    const ids: string[] = [];
    for (const [index, version] of args.versions.entries()) {
      const prepared = prepareVersion(version.document);
      if (!prepared.ok) throw new Error(`demo scenario "${args.name}" v${index + 1} is invalid: ${prepared.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
      const row = await tx.scenarioVersion.create({
        data: { scenarioId: scenario.id, number: index + 1, message: version.message, authorId: args.authorId, document: prepared.document as Prisma.InputJsonValue, result: prepared.result as Prisma.InputJsonValue, documentHash: prepared.documentHash },
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
    const upstreamIds = await createScenario(prisma, { dealId: shiyanDeal.id, side: 'UPSTREAM', name: 'Shiyan 2003–2050, paper assumptions', authorId: up.id, organisationId: up.organisationId, email: up.email, versions: history.upstream });
    await createScenario(prisma, { dealId: shiyanDeal.id, side: 'DOWNSTREAM', name: 'Beijing counter-proposal', authorId: down.id, organisationId: down.organisationId, email: down.email, forkedFromVersionId: upstreamIds.at(-1), versions: history.downstream });
    created += 2;
  }
  const miyunDeal = await prisma.deal.findUniqueOrThrow({ where: { slug: 'miyun-illustrative' } });
  if ((await prisma.scenario.count({ where: { dealId: miyunDeal.id } })) === 0) {
    const up = await user('chengde@pes.demo');
    await createScenario(prisma, { dealId: miyunDeal.id, side: 'UPSTREAM', name: 'Miyun headwaters (illustrative figures)', authorId: up.id, organisationId: up.organisationId, email: up.email, versions: [{ document: miyunDocument(), message: 'Illustrative first draft' }] });
    created += 1;
  }
  return created;
}
