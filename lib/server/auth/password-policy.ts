import 'server-only';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

export const minPasswordLength = 12;

// zxcvbn-ts with its common dictionaries (leaked-password lists, keyboard patterns): a maintained
// estimate of how guessable a password is, which a plain list lookup would not catch
// ("Password2026!" is not on a list but is one guess away from one).
let checker: ZxcvbnFactory | undefined;

/** Null when the password is acceptable, otherwise why not (for the field's message). */
export function passwordProblem(password: string, personalInputs: string[] = []): string | null {
  if (password.length < minPasswordLength) return `must be at least ${minPasswordLength} characters`;
  checker ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  const { score, sequence } = checker.check(password.slice(0, 256), personalInputs);
  if (sequence.some((match) => match.pattern === 'dictionary' && match.dictionaryName === 'passwords' && match.token.length >= password.length - 2)) {
    return 'is on lists of commonly used passwords; choose another';
  }
  if (score < 3) return 'is too easy to guess (names, e-mail, common words or keyboard patterns); use a longer phrase';
  return null;
}
