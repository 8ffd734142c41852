'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import { localeCookie, locales, type AppLocale } from '@/lib/domain/locale';
import { currentActor } from '@/lib/server/auth/current-actor';
import { saveUserLocale } from '@/lib/server/users/save-user-locale';

const ZLocale = z.enum(locales);
const oneYear = 365 * 24 * 60 * 60;
// Marks a language picked on the login page, so that sign-in saves it to the profile instead of
// replacing it with the profile's; short-lived so it never outlives the sign-in it belongs to.
const pickedBeforeSignIn = 'NEXT_LOCALE_PICKED';

async function setLocaleCookie(locale: AppLocale) {
  (await cookies()).set(localeCookie, locale, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: oneYear });
}

/** The switcher: remembered in the browser and, when signed in, in the user's profile. */
export async function chooseLocale(input: unknown): Promise<{ ok: boolean }> {
  const parsed = ZLocale.safeParse(input);
  if (!parsed.success) return { ok: false };
  await setLocaleCookie(parsed.data);
  const actor = await currentActor();
  if (actor) await saveUserLocale({ actor, locale: parsed.data });
  else (await cookies()).set(pickedBeforeSignIn, '1', { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 30 * 60 });
  return { ok: true };
}

/**
 * Right after sign-in: a language picked on the login page becomes the profile's; otherwise the
 * profile's language is applied to this browser.
 */
export async function settleLocaleAfterSignIn(): Promise<void> {
  const actor = await currentActor();
  if (!actor) return;
  const jar = await cookies();
  const picked = ZLocale.safeParse(jar.get(localeCookie)?.value);
  if (jar.get(pickedBeforeSignIn) && picked.success) {
    await saveUserLocale({ actor, locale: picked.data });
    jar.delete(pickedBeforeSignIn);
  } else {
    await setLocaleCookie(actor.locale);
  }
}
