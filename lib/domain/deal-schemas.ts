import { z } from 'zod';
import { periodPlanFindings, type PeriodPlanFinding } from '@/lib/engine/spans';
import { dealStatuses, organisationKinds, platformRoles, sides } from './actor';
import { ZBoundedDate, ZEventId } from './bounded-values';
import { locales } from './locale';
import { codeNames, say, text as localText } from './local-text';

const text = (max: number) => z.string().trim().min(1, say('mustNotBeEmpty')).max(max, say('atMostCharacters', { max }));
const year = z.int(say('mustBeWholeYear')).min(1900, say('yearFrom1900')).max(2200, say('yearTo2200'));

export const ZId = z.uuid(say('mustBeId'));

const sideNames = codeNames(sides, { upstream: 'UPSTREAM', downstream: 'DOWNSTREAM', fund: 'FUND', observer: 'OBSERVER' });
const ZMemberRights = {
  side: z.enum(sides, say('mustBeSide', sideNames)),
  canEdit: z.boolean().default(false),
  canSign: z.boolean().default(false),
};

/** A reporting period of a deal; without a label it is named by its years ("2011–2013"). */
export const ZDealPeriod = z.strictObject({
  label: z
    .string()
    .trim()
    .max(60, say('atMostCharacters', { max: 60 }))
    .optional(),
  from: year,
  to: year,
});

/** A first member of a new deal, known by e-mail as people know each other (as on the members page). */
export const ZNewDealMember = z.strictObject({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email(say('mustBeEmail'))),
  ...ZMemberRights,
});

const periodFinding = (finding: PeriodPlanFinding, deal: { startYear: number; endYear: number }, count: number): { path: (string | number)[]; error: string } => {
  const at = (field: 'from' | 'to') => ['periods', finding.index, field];
  switch (finding.kind) {
    case 'backwards':
      return { path: at('to'), ...say('mustNotBeBefore', { other: localText('field.from') }) };
    case 'outside':
      return { path: at('from'), ...say('periodOutsideDeal', { from: String(deal.startYear), to: String(deal.endYear) }) };
    case 'overlap':
      return { path: at('from'), ...say('periodOverlaps', { year: String(finding.year) }) };
    case 'gap': {
      const range = { from: String(finding.from), to: String(finding.to) };
      // A gap at the end is the last period's to fix; any other, the period after it.
      return finding.index === count - 1 && finding.from > deal.startYear && finding.to === deal.endYear
        ? { path: at('to'), ...say('periodGapAfter', range) }
        : { path: at('from'), ...say('periodGapBefore', range) };
    }
  }
};

// Consecutive periods over the deal's years; none = one period over them all (decision 0042).
const ZDealPeriods = z
  .array(ZDealPeriod)
  .max(50, say('atMostPeriods', { max: 50 }))
  .default([]);

function refinePeriods(periods: readonly { from: number; to: number }[], deal: { startYear: number; endYear: number }, ctx: z.RefinementCtx) {
  for (const finding of periodPlanFindings(periods, { from: deal.startYear, to: deal.endYear })) {
    const { path, error } = periodFinding(finding, deal, periods.length);
    ctx.addIssue({ code: 'custom', path, message: error });
  }
}

/** A deal's periods changed after it was opened (decision 0083): the shape here, the plan against its years below. */
export const ZChangeDealPeriods = z.strictObject({ periods: ZDealPeriods });
export type ChangeDealPeriodsInput = z.infer<typeof ZChangeDealPeriods>;

/** The same, checked against the deal's years: the form's schema, and the use case's once it has read the deal. */
export const dealPeriodsFor = (deal: { startYear: number; endYear: number }) => ZChangeDealPeriods.superRefine((input, ctx) => refinePeriods(input.periods, deal, ctx));

/** The units a deal's amounts may be in (yuan, thousand, ten thousand, million, hundred million yuan). */
export const dealUnits = [1, 1000, 10000, 1000000, 100000000] as const;

export const ZCreateDeal = z
  .strictObject({
    slug: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{2,62}$/, say('slugFormat')),
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
    periods: ZDealPeriods,
    members: z
      .array(ZNewDealMember)
      .max(100, say('zod.atMostItems', { max: 100 }))
      .default([]),
  })
  .superRefine((deal, ctx) => {
    if (deal.endYear < deal.startYear) {
      ctx.addIssue({ code: 'custom', path: ['endYear'], message: say('mustNotBeBefore', { other: localText('field.startYear') }).error });
      return;
    }
    refinePeriods(deal.periods, deal, ctx);
    const seen = new Set<string>();
    deal.members.forEach((member, i) => {
      if (seen.has(member.email)) ctx.addIssue({ code: 'custom', path: ['members', i, 'email'], message: say('memberListedTwice').error });
      seen.add(member.email);
    });
  });
export type CreateDealInput = z.infer<typeof ZCreateDeal>;

export const ZChangeDealStatus = z.strictObject({
  status: z.enum(dealStatuses, say('mustBeDealStatus', codeNames(dealStatuses, { draft: 'DRAFT', negotiating: 'NEGOTIATING', agreed: 'AGREED', archived: 'ARCHIVED' }))),
});
export const ZAddMember = z.strictObject({ userId: ZId, ...ZMemberRights });
export type AddMemberInput = z.infer<typeof ZAddMember>;
/** The API takes the invitee by id or, as people know each other, by e-mail. */
export const ZInviteMember = z
  .strictObject({ userId: ZId.optional(), email: z.email(say('mustBeEmail')).optional(), ...ZMemberRights })
  .refine((input) => Number(Boolean(input.userId)) + Number(Boolean(input.email)) === 1, { ...say('oneOfUserIdOrEmail', { userId: 'userId', email: 'email' }), path: ['userId'] });

export const ZChangeMember = z
  .strictObject({
    side: z.enum(sides, say('mustBeSide', sideNames)).optional(),
    canEdit: z.boolean().optional(),
    canSign: z.boolean().optional(),
  })
  .refine((change) => Object.keys(change).length > 0, say('nameOneChange', { side: 'side', canEdit: 'canEdit', canSign: 'canSign' } satisfies Record<string, keyof typeof ZMemberRights>));
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
  password: z
    .string()
    .min(12, say('atLeastCharacters', { min: 12 }))
    .max(256, say('atMostCharacters', { max: 256 })),
  role: z.enum(platformRoles, say('mustBeRole', codeNames(platformRoles, { admin: 'ADMIN', fundAdmin: 'FUND_ADMIN', member: 'MEMBER' }))).default('MEMBER'),
  locale: z.enum(locales).default('zh'),
  organisationId: ZId,
});
