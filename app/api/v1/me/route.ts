import { NextResponse } from 'next/server';
import { currentActor } from '@/lib/server/auth/current-actor';

export async function GET() {
  const actor = await currentActor();
  if (!actor) {
    return NextResponse.json({ error: { code: 'unauthenticated', message: 'Sign in first: this API needs a session.' } }, { status: 401 });
  }
  return NextResponse.json({
    id: actor.id,
    email: actor.email,
    name: actor.name,
    role: actor.role,
    locale: actor.locale,
    organisation: actor.organisation,
  });
}
