import { hash } from '@node-rs/argon2';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { Side } from '@/lib/domain/actor';
import { demoAccounts, demoPassword, type DemoOrgKey } from './demo-accounts';
import { demoPartyTexts, demoPriceBases } from './demo-texts';
import { seedDemoScenarios } from './seed-scenarios';

const organisations: Record<DemoOrgKey, { name: string; nameZh: string; kind: 'UPSTREAM_GOVERNMENT' | 'DOWNSTREAM_AUTHORITY' | 'WATER_FUND' | 'OBSERVER'; region: string }> = {
  platform: { name: 'Platform Operations', nameZh: '平台运营方', kind: 'OBSERVER', region: '—' },
  fund: { name: 'Capital Mega-City Water Fund', nameZh: '首都超大城市水基金', kind: 'WATER_FUND', region: '北京' },
  shiyan: { name: 'Shiyan Municipal Government (Hubei)', nameZh: '湖北省十堰市人民政府', kind: 'UPSTREAM_GOVERNMENT', region: '湖北' },
  chengde: { name: 'Chengde Municipal Government (Hebei)', nameZh: '河北省承德市人民政府', kind: 'UPSTREAM_GOVERNMENT', region: '河北' },
  beijing: { name: 'Beijing Water Authority', nameZh: '北京市水务局', kind: 'DOWNSTREAM_AUTHORITY', region: '北京' },
  tianjin: { name: 'Tianjin Water Authority', nameZh: '天津市水务局', kind: 'DOWNSTREAM_AUTHORITY', region: '天津' },
};

/** The seeded deal parties: organisations by key, each with its quantity (none: alone on its side). */
interface SeedParties {
  quantityUnit: string;
  upstream: { org: DemoOrgKey; quantity?: string }[];
  downstream: { org: DemoOrgKey; quantity?: string }[];
}

const shiyanParties: SeedParties = {
  quantityUnit: demoPartyTexts.quantityUnit,
  upstream: [{ org: 'shiyan' }],
  downstream: [
    { org: 'beijing', quantity: '12.4' },
    { org: 'tianjin', quantity: '10.2' },
  ],
};

const deals = [
  {
    slug: 'shiyan-2003-2050',
    name: 'Shiyan source area ↔ Middle Route receivers, 2003–2050',
    nameZh: '十堰水源区—中线受水区生态补偿，2003—2050',
    watershed: 'Danjiangkou Reservoir (Han River), South-to-North Water Diversion Middle Route',
    watershedZh: '丹江口水库（汉江），南水北调中线',
    startYear: 2003,
    endYear: 2050,
    unit: 1000,
    priceBase: demoPriceBases.shiyan,
    status: 'NEGOTIATING' as const,
    illustrative: false,
    members: [
      { email: 'shiyan@pes.demo', side: 'UPSTREAM' as Side, canEdit: true, canSign: true },
      { email: 'beijing@pes.demo', side: 'DOWNSTREAM' as Side, canEdit: true, canSign: true },
      { email: 'tianjin@pes.demo', side: 'DOWNSTREAM' as Side, canEdit: true, canSign: true },
      { email: 'fund@pes.demo', side: 'FUND' as Side, canEdit: false, canSign: false },
    ],
    // The Middle Route's receivers share what the downstream side pays by their water allocation (docs/decisions/0098).
    parties: shiyanParties,
  },
  {
    slug: 'miyun-illustrative',
    name: 'Miyun Reservoir headwaters ↔ Beijing (illustrative)',
    nameZh: '密云水库上游—北京（示意）',
    watershed: 'Miyun Reservoir, Chaobai River headwaters',
    watershedZh: '密云水库，潮白河上游',
    startYear: 2014,
    endYear: 2030,
    unit: 10000,
    priceBase: demoPriceBases.miyun,
    status: 'DRAFT' as const,
    illustrative: true,
    members: [
      { email: 'chengde@pes.demo', side: 'UPSTREAM' as Side, canEdit: true, canSign: true },
      { email: 'beijing@pes.demo', side: 'DOWNSTREAM' as Side, canEdit: true, canSign: true },
      { email: 'fund@pes.demo', side: 'FUND' as Side, canEdit: true, canSign: false },
    ],
    parties: null,
  },
];

/** Creates or refreshes the demo organisations, users and deals; running it twice changes nothing. */
export async function seedDemo(prisma: PrismaClient): Promise<{ users: number; deals: number; scenarios: number }> {
  const orgIds = new Map<string, string>();
  for (const [key, org] of Object.entries(organisations)) {
    const row = await prisma.organisation.upsert({ where: { name: org.name }, update: org, create: org });
    orgIds.set(key, row.id);
  }

  const userIds = new Map<string, string>();
  for (const account of demoAccounts) {
    const existing = await prisma.user.findUnique({ where: { email: account.email } });
    const data = { name: account.name, role: account.role, organisationId: orgIds.get(account.org)! };
    const row = existing
      ? await prisma.user.update({ where: { id: existing.id }, data })
      : await prisma.user.create({ data: { ...data, email: account.email, passwordHash: await hash(demoPassword), locale: 'zh' } });
    userIds.set(account.email, row.id);
  }

  for (const { members, parties, ...deal } of deals) {
    // A database seeded before the demo spoke Chinese gets its price base in Chinese too.
    const row = await prisma.deal.upsert({ where: { slug: deal.slug }, update: { priceBase: deal.priceBase }, create: deal });
    for (const member of members) {
      const userId = userIds.get(member.email)!;
      await prisma.dealMember.upsert({
        where: { dealId_userId: { dealId: row.id, userId } },
        update: {},
        create: { dealId: row.id, userId, side: member.side, canEdit: member.canEdit, canSign: member.canSign },
      });
    }
    // Named once: a deal whose parties a manager has set since keeps them.
    if (parties && (await prisma.dealParty.count({ where: { dealId: row.id } })) === 0) {
      const updatedById = userIds.get('fund@pes.demo')!;
      const rows = (side: 'UPSTREAM' | 'DOWNSTREAM', list: SeedParties['upstream']) =>
        list.map((p, position) => ({ dealId: row.id, organisationId: orgIds.get(p.org)!, side, quantity: p.quantity ?? null, position, updatedById }));
      await prisma.deal.update({ where: { id: row.id }, data: { partyQuantityUnit: parties.quantityUnit } });
      await prisma.dealParty.createMany({ data: [...rows('UPSTREAM', parties.upstream), ...rows('DOWNSTREAM', parties.downstream)] });
    }
  }
  const scenarios = await seedDemoScenarios(prisma);
  return { users: userIds.size, deals: deals.length, scenarios };
}
