import 'server-only';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import type { Actor } from '@/lib/domain/actor';
import { NotFoundError } from '@/lib/domain/errors';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { currentActor } from '@/lib/server/auth/current-actor';
import { requestOrigin } from '@/lib/server/auth/request-origin';

/** The signed-in actor and request origin for a page; no session goes to the login page. */
export async function pageContext(): Promise<{ actor: Actor; origin: RequestOrigin }> {
  const actor = await currentActor();
  if (!actor) redirect('/login');
  return { actor, origin: requestOrigin(await headers()) };
}

/** A use case's not-found (which also covers "not yours") becomes the page's 404. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
