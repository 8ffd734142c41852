import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import type { AppLocale } from '@/lib/domain/locale';
import { db } from '@/lib/server/db';

export async function saveUserLocale({ actor, locale }: { actor: Actor; locale: AppLocale }): Promise<void> {
  if (actor.locale === locale) return;
  await db().user.update({ where: { id: actor.id }, data: { locale } });
}
