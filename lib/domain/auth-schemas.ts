import { z } from 'zod';
import { say } from './local-text';

/** The sign-in form: what the browser checks before sending and the server checks again. */
export const ZSignIn = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, say('mustNotBeEmpty'))
    .pipe(z.email(say('mustBeEmail')).max(254, say('atMostCharacters', { max: 254 }))),
  password: z
    .string()
    .min(1, say('mustNotBeEmpty'))
    .max(1024, say('atMostCharacters', { max: 1024 })),
});
export type SignInInput = z.infer<typeof ZSignIn>;
