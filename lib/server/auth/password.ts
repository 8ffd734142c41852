import 'server-only';
import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (19 MiB, 2 passes), OWASP's recommended minimum.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verifying against a fixed hash when the e-mail is unknown keeps both failures equally slow,
// so timing does not tell which of e-mail or password was wrong.
const decoyHash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$0xH3bzNrm7R+3h6RVdmKQ0vWm0u3Jk3Rsp1t2sJX2Mg';

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash ?? decoyHash, password);
  } catch {
    return false;
  }
}
