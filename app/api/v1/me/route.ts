import { apiRoute } from '@/lib/server/http/api-route';

export const GET = apiRoute(async (_request, { actor }) => ({
  id: actor.id,
  email: actor.email,
  name: actor.name,
  role: actor.role,
  locale: actor.locale,
  organisation: actor.organisation,
}));
