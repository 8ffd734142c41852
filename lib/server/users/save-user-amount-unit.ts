import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import type { ReaderUnit } from '@/lib/domain/format';
import { db } from '@/lib/server/db';

export async function saveUserAmountUnit({ actor, amountUnit }: { actor: Actor; amountUnit: ReaderUnit }): Promise<void> {
  if (actor.amountUnit === amountUnit) return;
  await db().user.update({ where: { id: actor.id }, data: { amountUnit } });
}
