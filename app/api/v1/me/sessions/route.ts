import { ValidationError } from '@/lib/domain/errors';
import { text } from '@/lib/domain/local-text';
import { signOutEverywhere } from '@/lib/server/auth/sign-out-everywhere';
import { apiRoute } from '@/lib/server/http/api-route';
import { hasBody } from '@/lib/server/http/same-origin';

/** Sign out everywhere: every session of the user ends, on every device and server. */
export const DELETE = apiRoute(async (request, { actor, origin }) => {
  // A body means the caller meant something else: nothing is ended on a guess.
  if (hasBody(request)) throw new ValidationError(text('bodyNotExpected'), '(body)');
  return signOutEverywhere({ actor, origin });
});
