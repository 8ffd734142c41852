import { signOutEverywhere } from '@/lib/server/auth/sign-out-everywhere';
import { apiRoute } from '@/lib/server/http/api-route';

/** Sign out everywhere: every session of the user ends, on every device and server. */
export const DELETE = apiRoute(async (_request, { actor, origin }) => signOutEverywhere({ actor, origin }));
