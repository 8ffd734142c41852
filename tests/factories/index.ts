import { hash } from '@node-rs/argon2';
import { randomUUID } from 'node:crypto';
import type { OrganisationKind, PlatformRole, Side } from '../../lib/domain/actor';
import { createPrismaClient } from '../../lib/infra/prisma';

export const testPassword = 'correct-horse-battery-staple';
let passwordHash: Promise<string> | undefined;

export function testDb() {
  const holder = globalThis as unknown as { testPrisma?: ReturnType<typeof createPrismaClient> };
  holder.testPrisma ??= createPrismaClient(process.env.DATABASE_URL!);
  return holder.testPrisma;
}

export async function makeOrganisation(kind: OrganisationKind = 'UPSTREAM_GOVERNMENT') {
  const tag = randomUUID().slice(0, 8);
  return testDb().organisation.create({ data: { name: `Org ${tag}`, nameZh: `机构 ${tag}`, kind } });
}

export async function makeUser(options: { role?: PlatformRole; kind?: OrganisationKind; disabled?: boolean; locale?: 'zh' | 'en' } = {}) {
  const organisation = await makeOrganisation(options.kind);
  passwordHash ??= hash(testPassword);
  return testDb().user.create({
    data: {
      email: `user-${randomUUID()}@example.test`,
      name: 'Test User',
      passwordHash: await passwordHash,
      role: options.role ?? 'MEMBER',
      disabled: options.disabled ?? false,
      locale: options.locale ?? 'zh',
      organisationId: organisation.id,
    },
  });
}

export async function makeDeal(members: { userId: string; side: Side; canEdit?: boolean; canSign?: boolean }[] = []) {
  const tag = randomUUID().slice(0, 8);
  return testDb().deal.create({
    data: {
      slug: `deal-${tag}`,
      name: `Deal ${tag}`,
      nameZh: `项目 ${tag}`,
      watershed: 'Test river',
      watershedZh: '测试河',
      startYear: 2020,
      endYear: 2030,
      priceBase: '2020 prices',
      members: { create: members.map((m) => ({ userId: m.userId, side: m.side, canEdit: m.canEdit ?? false, canSign: m.canSign ?? false })) },
    },
  });
}
