import { z } from 'zod';
import { setUserDisabled } from '@/lib/server/admin/set-user-disabled';
import { apiRoute } from '@/lib/server/http/api-route';

const ZUserChange = z.strictObject({ disabled: z.boolean('must be true or false') });

export const PATCH = apiRoute<{ userId: string }>(async (_request, { actor, origin, body }, { userId }) => setUserDisabled({ actor, origin, userId, disabled: (await body(ZUserChange)).disabled }));
