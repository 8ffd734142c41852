import { z } from 'zod';
import { dealStatuses, organisationKinds, platformRoles, sides } from './actor';
import { locales } from './locale';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const year = z.int('must be a whole year').min(1900, 'must be 1900 or later').max(2200, 'must be 2200 or earlier');

export const ZId = z.uuid('must be an id (UUID)');

export const ZCreateDeal = z
  .strictObject({
    slug: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{2,62}$/, 'use 3–63 lower-case letters, digits and hyphens'),
    name: text(200),
    nameZh: text(200),
    watershed: text(200),
    watershedZh: text(200),
    startYear: year,
    endYear: year,
    currency: z.literal('CNY', 'must be CNY').default('CNY'),
    unit: z.union([z.literal(1), z.literal(1000), z.literal(10000), z.literal(1000000), z.literal(100000000)], 'must be 1, 1000, 10000, 1000000 or 100000000').default(1),
    priceBase: text(120),
    illustrative: z.boolean().default(false),
  })
  .refine((deal) => deal.endYear >= deal.startYear, { path: ['endYear'], message: 'must not be before startYear' });
export type CreateDealInput = z.infer<typeof ZCreateDeal>;

export const ZChangeDealStatus = z.strictObject({ status: z.enum(dealStatuses, 'must be DRAFT, NEGOTIATING, AGREED or ARCHIVED') });

const ZMemberRights = {
  side: z.enum(sides, 'must be UPSTREAM, DOWNSTREAM, FUND or OBSERVER'),
  canEdit: z.boolean().default(false),
  canSign: z.boolean().default(false),
};
export const ZAddMember = z.strictObject({ userId: ZId, ...ZMemberRights });
export type AddMemberInput = z.infer<typeof ZAddMember>;
/** The API takes the invitee by id or, as people know each other, by e-mail. */
export const ZInviteMember = z
  .strictObject({ userId: ZId.optional(), email: z.email('must be an e-mail address').optional(), ...ZMemberRights })
  .refine((input) => Number(Boolean(input.userId)) + Number(Boolean(input.email)) === 1, { message: 'give exactly one of userId or email', path: ['userId'] });

export const ZChangeMember = z
  .strictObject({
    side: z.enum(sides, 'must be UPSTREAM, DOWNSTREAM, FUND or OBSERVER').optional(),
    canEdit: z.boolean().optional(),
    canSign: z.boolean().optional(),
  })
  .refine((change) => Object.keys(change).length > 0, { message: 'name at least one of side, canEdit, canSign' });
export type ChangeMemberInput = z.infer<typeof ZChangeMember>;

export const ZActivityFilter = z.strictObject({
  action: z.string().trim().max(64).optional(),
  actorId: ZId.optional(),
  from: z.coerce.date('must be a date').optional(),
  to: z.coerce.date('must be a date').optional(),
  before: z.coerce.bigint('must be an event id').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ActivityFilter = z.infer<typeof ZActivityFilter>;

export const ZCreateOrganisation = z.strictObject({
  name: text(200),
  nameZh: text(200),
  kind: z.enum(organisationKinds, `must be one of ${organisationKinds.join(', ')}`),
  region: z.string().trim().max(120).optional(),
});

export const ZCreateUser = z.strictObject({
  email: z.string().trim().toLowerCase().email('must be an e-mail address').max(254),
  name: text(120),
  password: z.string().min(12, 'must be at least 12 characters').max(256, 'must be at most 256 characters'),
  role: z.enum(platformRoles, 'must be ADMIN, FUND_ADMIN or MEMBER').default('MEMBER'),
  locale: z.enum(locales).default('zh'),
  organisationId: ZId,
});
