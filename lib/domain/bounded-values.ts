import { z } from 'zod';
import { say } from './local-text';

// Dates and ids from requests, bounded to what the database stores: an unbounded date or bigint
// passed validation and then failed in PostgreSQL (timestamptz, bigint) as a 500.

/** A date (or date-time) in the years the platform deals in, 1900–2200. */
export const ZBoundedDate = z.coerce.date(say('mustBeDate')).min(new Date('1900-01-01T00:00:00Z'), say('dateFrom1900')).max(new Date('2200-12-31T23:59:59.999Z'), say('dateTo2200'));

/** An audit event id: a positive PostgreSQL bigint. */
export const ZEventId = z.coerce.bigint(say('mustBeEventId')).min(1n, say('mustBeEventId')).max(9_223_372_036_854_775_807n, say('mustBeEventId'));
