import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * One backup file: `CVBK` 1 | key check (8) | IV (12) | GCM tag (16) | AES-256-GCM ciphertext.
 * The key check (an HMAC of a constant under the key) tells "another key" from "damaged" before
 * any decryption; the tag proves the content whole. Pure.
 */
const MAGIC = Buffer.from('CVBK\x01', 'latin1');
const CHECK_LENGTH = 8;
const IV_LENGTH = 12;
const TAG_LENGTH = 16;
const HEADER = MAGIC.length + CHECK_LENGTH + IV_LENGTH + TAG_LENGTH;

/** Why a backup file cannot be opened, in one line an operator can act on. */
export class BackupFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupFileError';
  }
}

const keyCheck = (key: Buffer) => createHmac('sha256', key).update('clientsvia backup key check').digest().subarray(0, CHECK_LENGTH);

export function encryptBackup(plain: Buffer, key: Buffer): Buffer {
  const iv = randomBytes(IV_LENGTH);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(MAGIC);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([MAGIC, keyCheck(key), iv, cipher.getAuthTag(), body]);
}

export function decryptBackup(file: Buffer, key: Buffer): Buffer {
  if (file.length < HEADER || !file.subarray(0, MAGIC.length).equals(MAGIC)) throw new BackupFileError('not a ClientsVia backup file (or a truncated one)');
  let at = MAGIC.length;
  const check = file.subarray(at, (at += CHECK_LENGTH));
  if (!check.equals(keyCheck(key))) throw new BackupFileError('this backup was encrypted under another BACKUP_KEY');
  const iv = file.subarray(at, (at += IV_LENGTH));
  const tag = file.subarray(at, (at += TAG_LENGTH));
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(MAGIC);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(file.subarray(at)), decipher.final()]);
  } catch {
    throw new BackupFileError('the backup file is corrupt (its content does not match its authentication tag)');
  }
}

export const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');
