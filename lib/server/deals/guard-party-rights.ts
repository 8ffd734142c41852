import 'server-only';
import type { Actor, Side } from '@/lib/domain/actor';
import { givesPartyRights, mayGrantPartyRights } from '@/lib/domain/deal-rights';
import { ForbiddenError } from '@/lib/domain/errors';
import { text } from '@/lib/domain/local-text';
import { recordSecurityEvent } from '@/lib/server/audit/record-security-event';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';

class PartyRightsRefused extends ForbiddenError {
  constructor() {
    super('grantPartyRights', text('right.grantPartyRights'));
  }
}

/** Inside the member change: refuse a party's side or a sign right from anyone but a platform administrator. */
export function refuseUnlessMayGrant(actor: Actor, after: { side?: Side; canSign?: boolean }, before?: { side: Side; canSign: boolean }): void {
  if (givesPartyRights(after, before) && !mayGrantPartyRights(actor)) throw new PartyRightsRefused();
}

/** Around the member change: the refusal goes on the audit trail once the change has rolled back (`dealId` null: a deal being opened). */
export async function recordingPartyRightsRefusal<T>({ actor, origin, dealId }: { actor: Actor; origin: RequestOrigin; dealId: string | null }, change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (error instanceof PartyRightsRefused) {
      await recordSecurityEvent({ action: 'access.refused', origin, actorId: actor.id, object: dealId ? { type: 'deal', id: dealId } : null, detail: { right: 'grantPartyRights', status: 403 } });
    }
    throw error;
  }
}
