import { createPrismaClient } from '../lib/infra/prisma';
import { seedDemo } from '../lib/seed/seed-demo';
import { seedDemoAgreement } from '../lib/infra/demo-agreement';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set: say which database to seed.');
  process.exit(2);
}
const prisma = createPrismaClient(url);
try {
  const counts = await seedDemo(prisma);
  console.log(`Demo data in place: ${counts.users} users, ${counts.deals} deals, ${counts.scenarios} new scenarios.`);
} finally {
  await prisma.$disconnect();
}
await seedDemoAgreement(url);
