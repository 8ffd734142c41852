import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';

/** The client inside `db().$transaction`: a change and its audit event are written through the same one. */
export type Tx = Prisma.TransactionClient;
