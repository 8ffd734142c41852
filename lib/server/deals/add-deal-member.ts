import 'server-only';
import type { Actor } from '@/lib/domain/actor';
import type { AddMemberInput } from '@/lib/domain/deal-schemas';
import type { RequestOrigin } from '@/lib/server/auth/request-origin';
import { inDealTransaction } from '@/lib/server/authz/require-deal-access';
import { recordingPartyRightsRefusal, refuseUnlessMayGrant } from './guard-party-rights';
import { insertDealMember } from './insert-deal-member';

export async function addDealMember({ actor, origin, dealId, input }: { actor: Actor; origin: RequestOrigin; dealId: string; input: AddMemberInput }) {
  return recordingPartyRightsRefusal({ actor, origin, dealId }, () =>
    inDealTransaction({ actor, dealId, right: 'manage', origin }, async (tx, { membership }) => {
      refuseUnlessMayGrant(actor, input);
      return insertDealMember(tx, { actor, origin, dealId, actorSide: membership.side, input });
    }),
  );
}
