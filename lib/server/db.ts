import 'server-only';
// Whatever the server does with data, it may refuse in words: the catalogue is loaded with it.
import '@/lib/domain/catalogue';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { createPrismaClient } from '@/lib/infra/prisma';

// One client per server process; Next's dev server re-evaluates modules, so it is kept on globalThis.
const holder = globalThis as unknown as { pesPrisma?: PrismaClient };

export function db(): PrismaClient {
  if (!holder.pesPrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set');
    holder.pesPrisma = createPrismaClient(url);
  }
  return holder.pesPrisma;
}
