import { z } from 'zod';
import { parseDecimal } from '@/lib/engine';
import { agreementStatuses } from './agreement-state';

export const ZSignAgreement = z.strictObject({
  // Re-entered at the moment of signing: a session left open is not a signature.
  password: z.string('enter your password to sign').min(1, 'enter your password to sign').max(1024, 'must be at most 1024 characters'),
});
export type SignAgreementInput = z.infer<typeof ZSignAgreement>;

const amount = z.string().trim().refine((value) => {
  const parsed = parseDecimal(value);
  return parsed.ok && !parsed.value.isNegative();
}, 'must be a non-negative decimal amount in whole currency');

/** The fund archive's filters; amounts are whole currency (CNY), not a scenario's unit. */
export const ZAgreementArchiveFilter = z.strictObject({
  watershed: z.string().trim().min(1).max(200).optional(),
  status: z.enum(agreementStatuses, 'must be DRAFT, ARCHIVED or VOID').optional(),
  year: z.coerce.number('must be a year').int('must be a whole year').min(1900).max(2200).optional(),
  minAmount: amount.optional(),
  maxAmount: amount.optional(),
});
export type AgreementArchiveFilter = z.infer<typeof ZAgreementArchiveFilter>;
