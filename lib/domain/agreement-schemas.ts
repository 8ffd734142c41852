import { z } from 'zod';
import { parseDecimal } from '@/lib/engine/decimal';
import { agreementStatuses, agreementStatusNames } from './agreement-state';
import { say } from './local-text';

export const ZSignAgreement = z.strictObject({
  // Re-entered at the moment of signing: a session left open is not a signature.
  password: z
    .string(say('enterPasswordToSign'))
    .min(1, say('enterPasswordToSign'))
    .max(1024, say('atMostCharacters', { max: 1024 })),
});
export type SignAgreementInput = z.infer<typeof ZSignAgreement>;

const amount = z
  .string()
  .trim()
  .refine((value) => {
    const parsed = parseDecimal(value);
    return parsed.ok && !parsed.value.isNegative();
  }, say('nonNegativeAmount'));

/** The fund archive's filters; amounts are whole currency (CNY), not a scenario's unit. */
export const ZAgreementArchiveFilter = z.strictObject({
  watershed: z.string().trim().min(1).max(200).optional(),
  status: z.enum(agreementStatuses, say('mustBeAgreementStatus', agreementStatusNames)).optional(),
  year: z.coerce.number(say('mustBeYear')).int(say('mustBeWholeYear')).min(1900).max(2200).optional(),
  minAmount: amount.optional(),
  maxAmount: amount.optional(),
});
export type AgreementArchiveFilter = z.infer<typeof ZAgreementArchiveFilter>;
