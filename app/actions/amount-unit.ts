'use server';

import { z } from 'zod';
import { readerUnits } from '@/lib/domain/format';
import { currentActor } from '@/lib/server/auth/current-actor';
import { saveUserAmountUnit } from '@/lib/server/users/save-user-amount-unit';

const ZReaderUnit = z.enum(readerUnits);

/** The unit switcher in the header: saved in the reader's profile, so every page and export uses it. */
export async function chooseAmountUnit(input: unknown): Promise<{ ok: boolean }> {
  const parsed = ZReaderUnit.safeParse(input);
  const actor = await currentActor();
  if (!parsed.success || !actor) return { ok: false };
  await saveUserAmountUnit({ actor, amountUnit: parsed.data });
  return { ok: true };
}
