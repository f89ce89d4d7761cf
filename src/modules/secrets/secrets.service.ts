import type { Db } from '../../db/connect.ts';
import { withTenant, type TenantTx } from '../../db/tenant.ts';
import { decryptSecret, encryptSecret, keyVersionOf, SecretDecryptionError, type SecretKeyring } from '../../crypto/secret-box.ts';
import { AppError } from '../../errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { SYSTEM_ACTOR, type Actor } from '../auth/principal.ts';
import { SECRET_NAMES, SECRET_VALUE_PATTERN, type SecretChange, type SecretName } from './secrets.names.ts';
import { secretsRepository as repo } from './secrets.repository.ts';

/** All the API ever shows of a secret. */
export interface SecretStatus {
  name: SecretName;
  set: boolean;
  last4: string | null;
  updatedAt: Date | null;
}

export interface RotationResult {
  reencrypted: SecretName[];
  alreadyCurrent: SecretName[];
  /** Encrypted under a key that is not configured, or not for this company and name. */
  unreadable: SecretName[];
}

const VALUE = new RegExp(SECRET_VALUE_PATTERN);

// The message names the field and the rule, never the value.
function assertSecretValue(value: string, field: string): string {
  if (!VALUE.test(value)) {
    const message = 'must be 8 to 512 printable characters without spaces';
    throw new AppError('VALIDATION_FAILED', `${field} ${message}`, { fields: [{ field, message }] });
  }
  return value.trim();
}

const unreadable = (name: SecretName) =>
  new AppError('SECRET_UNREADABLE', `The stored ${name} cannot be decrypted with the configured keys; set it again.`, { name });

export function createSecretsService(db: Db, audit: AuditService, keyring: SecretKeyring) {
  const bindingOf = (companyId: string, name: SecretName) => ({ companyId, field: name });

  async function statusesIn(tx: TenantTx, companyId: string): Promise<SecretStatus[]> {
    const rows = await repo.list(tx, companyId);
    return SECRET_NAMES.map((name) => {
      const row = rows.find((r) => r.name === name);
      return { name, set: row !== undefined, last4: row?.last4 ?? null, updatedAt: row?.updated_at ?? null };
    });
  }

  /** Sets (a string) or clears (null) one secret inside the caller's transaction; audited by name only. */
  async function setIn(tx: TenantTx, actor: Actor, companyId: string, name: SecretName, value: string | null, field: string = name): Promise<void> {
    if (value === null) {
      if (await repo.delete(tx, companyId, name)) await audit.record(tx, companyId, actor, { action: 'secret.cleared', entityType: 'secret', changes: { name } });
      return;
    }
    const plaintext = assertSecretValue(value, field);
    await repo.upsert(tx, companyId, name, encryptSecret(keyring, bindingOf(companyId, name), plaintext), plaintext.slice(-4));
    await audit.record(tx, companyId, actor, { action: 'secret.set', entityType: 'secret', changes: { name } });
  }

  return {
    statusesIn,
    setIn,

    async statusOf(tx: TenantTx, companyId: string, name: SecretName): Promise<SecretStatus> {
      return (await statusesIn(tx, companyId)).find((s) => s.name === name)!;
    },

    list(companyId: string): Promise<SecretStatus[]> {
      return withTenant(db, companyId, (tx) => statusesIn(tx, companyId));
    },

    /** Several secrets at once, all or nothing: a string sets, null clears, absent keeps. */
    update(actor: Actor, companyId: string, changes: readonly SecretChange[]): Promise<SecretStatus[]> {
      return withTenant(db, companyId, async (tx) => {
        for (const c of changes) await setIn(tx, actor, companyId, c.name, c.value, c.field);
        return statusesIn(tx, companyId);
      });
    },

    /**
     * The plaintext, for server-side use only (calling ElevenLabs, checking Twilio signatures);
     * null when not set. A value that does not decrypt is a SECRET_UNREADABLE error, never a guess.
     */
    async reveal(companyId: string, name: SecretName): Promise<string | null> {
      const row = await withTenant(db, companyId, (tx) => repo.findCiphertext(tx, companyId, name));
      if (!row) return null;
      try {
        return decryptSecret(keyring, bindingOf(companyId, name), row.ciphertext);
      } catch (err) {
        if (err instanceof SecretDecryptionError) throw unreadable(name);
        throw err;
      }
    },

    /**
     * Re-encrypts the company's secrets under the current key version, in one tenant
     * transaction. Idempotent: values already under the current key are left alone.
     */
    async rotate(companyId: string): Promise<RotationResult> {
      const result: RotationResult = { reencrypted: [], alreadyCurrent: [], unreadable: [] };
      await withTenant(db, companyId, async (tx) => {
        for (const row of await repo.listForRewrite(tx, companyId)) {
          // Decrypted even when already current, so the report also finds values that never will.
          let plaintext: string;
          try {
            plaintext = decryptSecret(keyring, bindingOf(companyId, row.name), row.ciphertext);
          } catch (err) {
            if (!(err instanceof SecretDecryptionError)) throw err;
            result.unreadable.push(row.name);
            continue;
          }
          if (keyVersionOf(row.ciphertext) === keyring.current.version) {
            result.alreadyCurrent.push(row.name);
            continue;
          }
          await repo.replaceCiphertext(tx, companyId, row.name, encryptSecret(keyring, bindingOf(companyId, row.name), plaintext));
          result.reencrypted.push(row.name);
        }
        if (result.reencrypted.length > 0) {
          await audit.record(tx, companyId, SYSTEM_ACTOR, {
            action: 'secrets.reencrypted', entityType: 'secret', changes: { names: result.reencrypted, keyVersion: keyring.current.version },
          });
        }
      });
      return result;
    },
  };
}

export type SecretsService = ReturnType<typeof createSecretsService>;
