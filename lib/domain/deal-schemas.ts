import { z } from 'zod';
import { dealStatuses, organisationKinds, platformRoles, sides } from './actor';
import { ZBoundedDate, ZEventId } from './bounded-values';
import { locales } from './locale';
import { say } from './local-text';

const text = (max: number) => z.string().trim().min(1, say('mustNotBeEmpty')).max(max, say('atMostCharacters', { max }));
const year = z.int(say('mustBeWholeYear')).min(1900, say('yearFrom1900')).max(2200, say('yearTo2200'));

export const ZId = z.uuid(say('mustBeId'));

export const ZCreateDeal = z
  .strictObject({
    slug: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{2,62}$/, say('slugFormat')),
    name: text(200),
    nameZh: text(200),
    watershed: text(200),
    watershedZh: text(200),
    startYear: year,
    endYear: year,
    currency: z.literal('CNY', say('mustBeCny')).default('CNY'),
    unit: z.union([z.literal(1), z.literal(1000), z.literal(10000), z.literal(1000000), z.literal(100000000)], say('mustBeUnit')).default(1),
    priceBase: text(120),
    illustrative: z.boolean().default(false),
  })
  .refine((deal) => deal.endYear >= deal.startYear, { path: ['endYear'], ...say('mustNotBeBefore', { other: 'startYear' }) });
export type CreateDealInput = z.infer<typeof ZCreateDeal>;

export const ZChangeDealStatus = z.strictObject({ status: z.enum(dealStatuses, say('mustBeDealStatus')) });

const ZMemberRights = {
  side: z.enum(sides, say('mustBeSide')),
  canEdit: z.boolean().default(false),
  canSign: z.boolean().default(false),
};
export const ZAddMember = z.strictObject({ userId: ZId, ...ZMemberRights });
export type AddMemberInput = z.infer<typeof ZAddMember>;
/** The API takes the invitee by id or, as people know each other, by e-mail. */
export const ZInviteMember = z
  .strictObject({ userId: ZId.optional(), email: z.email(say('mustBeEmail')).optional(), ...ZMemberRights })
  .refine((input) => Number(Boolean(input.userId)) + Number(Boolean(input.email)) === 1, { ...say('oneOfUserIdOrEmail'), path: ['userId'] });

export const ZChangeMember = z
  .strictObject({
    side: z.enum(sides, say('mustBeSide')).optional(),
    canEdit: z.boolean().optional(),
    canSign: z.boolean().optional(),
  })
  .refine((change) => Object.keys(change).length > 0, say('nameOneChange'));
export type ChangeMemberInput = z.infer<typeof ZChangeMember>;

export const ZActivityFilter = z.strictObject({
  action: z.string().trim().max(64).optional(),
  actorId: ZId.optional(),
  from: ZBoundedDate.optional(),
  to: ZBoundedDate.optional(),
  before: ZEventId.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ActivityFilter = z.infer<typeof ZActivityFilter>;

export const ZCreateOrganisation = z.strictObject({
  name: text(200),
  nameZh: text(200),
  kind: z.enum(organisationKinds, say('mustBeOneOf', { options: [...organisationKinds] })),
  region: z.string().trim().max(120).optional(),
});

export const ZCreateUser = z.strictObject({
  email: z.string().trim().toLowerCase().email(say('mustBeEmail')).max(254),
  name: text(120),
  password: z.string().min(12, say('atLeastCharacters', { min: 12 })).max(256, say('atMostCharacters', { max: 256 })),
  role: z.enum(platformRoles, say('mustBeRole')).default('MEMBER'),
  locale: z.enum(locales).default('zh'),
  organisationId: ZId,
});
