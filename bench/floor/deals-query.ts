import { createPrismaClient } from '@/lib/infra/prisma';

const prisma = createPrismaClient(process.env.DATABASE_URL!);
// Without ?user= the query still runs, for no one.
const nobody = '00000000-0000-0000-0000-000000000000';

/** The one query of the floor: the deals a user is a member of, newest first. */
export function dealsOf(userId: string | null) {
  return prisma.deal.findMany({
    where: { members: { some: { userId: userId ?? nobody } } },
    orderBy: { updatedAt: 'desc' },
    select: { id: true, slug: true, name: true, nameZh: true, watershed: true, watershedZh: true, startYear: true, endYear: true, status: true, updatedAt: true },
  });
}
