import type { ReaderUnit } from './format';
import type { AppLocale } from './locale';

export const platformRoles = ['ADMIN', 'FUND_ADMIN', 'MEMBER'] as const;
export type PlatformRole = (typeof platformRoles)[number];

export const organisationKinds = ['UPSTREAM_GOVERNMENT', 'DOWNSTREAM_AUTHORITY', 'WATER_FUND', 'CENTRAL_GOVERNMENT', 'OBSERVER'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const sides = ['UPSTREAM', 'DOWNSTREAM', 'FUND', 'OBSERVER'] as const;
export type Side = (typeof sides)[number];

export const dealStatuses = ['DRAFT', 'NEGOTIATING', 'AGREED', 'ARCHIVED'] as const;
export type DealStatus = (typeof dealStatuses)[number];

/** The signed-in user as re-read from the database for this request. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: PlatformRole;
  locale: AppLocale;
  /** The unit the reader sees amounts in. */
  amountUnit: ReaderUnit;
  organisation: { id: string; name: string; nameZh: string; kind: OrganisationKind };
}

export function isPlatformRole(value: unknown): value is PlatformRole {
  return typeof value === 'string' && (platformRoles as readonly string[]).includes(value);
}
