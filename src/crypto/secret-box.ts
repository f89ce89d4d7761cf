import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Per-company secrets at rest: AES-256-GCM under a master key from config.
 * Format: `v<keyVersion>:<iv b64url>:<ciphertext b64url>:<tag b64url>`. The associated data
 * binds a ciphertext to its company and field, so one copied into another company's row (or
 * another column) fails authentication instead of decrypting.
 */
export interface SecretKeyring {
  current: { version: number; key: Buffer };
  /** Older keys still accepted for decryption during a rotation. */
  previous?: ReadonlyArray<{ version: number; key: Buffer }>;
}

export interface SecretBinding {
  companyId: string;
  field: string;
}

export class SecretDecryptionError extends Error {
  constructor(reason: string) {
    super(`Secret could not be decrypted: ${reason}`);
    this.name = 'SecretDecryptionError';
  }
}

const aadOf = (b: SecretBinding): Buffer => Buffer.from(`clientsvia:${b.companyId}:${b.field}`, 'utf8');

export function encryptSecret(keyring: SecretKeyring, binding: SecretBinding, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyring.current.key, iv);
  cipher.setAAD(aadOf(binding));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v' + keyring.current.version, iv.toString('base64url'), ciphertext.toString('base64url'), cipher.getAuthTag().toString('base64url')].join(':');
}

export function decryptSecret(keyring: SecretKeyring, binding: SecretBinding, stored: string): string {
  const parts = stored.split(':');
  if (parts.length !== 4 || !/^v\d+$/.test(parts[0]!)) throw new SecretDecryptionError('unrecognised format');
  const version = Number(parts[0]!.slice(1));
  const key = [keyring.current, ...(keyring.previous ?? [])].find((k) => k.version === version)?.key;
  if (!key) throw new SecretDecryptionError(`no key for version ${version}`);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(parts[1]!, 'base64url'));
    decipher.setAAD(aadOf(binding));
    decipher.setAuthTag(Buffer.from(parts[3]!, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(parts[2]!, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretDecryptionError('authentication failed (wrong key, company or field)');
  }
}

/** The version a stored value was encrypted under, for rotation. */
export function keyVersionOf(stored: string): number | undefined {
  const m = /^v(\d+):/.exec(stored);
  return m ? Number(m[1]) : undefined;
}

/** What the API may show of a secret: whether it is set and its last four characters. */
export function describeSecret(plaintext: string | null | undefined): { set: boolean; lastFour: string | null } {
  return plaintext ? { set: true, lastFour: plaintext.slice(-4) } : { set: false, lastFour: null };
}
