import { hash, verify } from '@node-rs/argon2';
import { createHash, createHmac, randomBytes } from 'node:crypto';

// argon2id (algorithm 2) at OWASP's recommended minimum: 19 MiB, 2 passes, 1 lane.
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** The shortest password a user may set. */
export const MIN_PASSWORD_LENGTH = 10;

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2);

// Verifying against a throwaway hash when the account does not exist keeps the response time
// the same, so login does not reveal which emails are registered.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

/** A new high-entropy secret for a cookie or API token. */
export const newSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** Session ids stored in the database are keyed HMACs of the cookie value. */
export const sessionIdOf = (token: string, sessionSecret: string): string =>
  createHmac('sha256', sessionSecret).update(token).digest('base64url');

/** API tokens are 256-bit random values, so a plain SHA-256 is a sound lookup key. */
export const apiTokenHashOf = (token: string): string => createHash('sha256').update(token).digest('base64url');

export const API_TOKEN_PREFIX = 'cvt_';

export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
