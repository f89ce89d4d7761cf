import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { keyringFromConfig } from '../../src/crypto/keyring.ts';
import { decryptSecret, encryptSecret } from '../../src/crypto/secret-box.ts';
import { problemsOf } from '../helpers/config-problems.ts';

const base = () => ({ DATA_DIR: mkdtempSync(join(tmpdir(), 'clientsvia-keys-')), SECRETS_KEY: randomBytes(32).toString('base64') });

describe('secrets key configuration', () => {
  it('is version 1 with no previous keys by default', () => {
    const c = loadConfig(base());
    expect(c.secretsKeyVersion).toBe(1);
    expect(c.secretsKeysPrevious).toEqual([]);
  });

  it('reads previous keys as base64 or hex, and a keyring built from them opens old ciphertexts', () => {
    const v1 = randomBytes(32);
    const v2 = randomBytes(32);
    const c = loadConfig({ ...base(), SECRETS_KEY_VERSION: '3', SECRETS_KEY_PREVIOUS: ` 1:${v1.toString('base64')} , 2:${v2.toString('hex')}` });
    expect(c.secretsKeysPrevious).toEqual([{ version: 1, key: v1 }, { version: 2, key: v2 }]);

    const binding = { companyId: '11111111-1111-4111-8111-111111111111', field: 'llm_api_key' };
    const old = encryptSecret({ current: { version: 2, key: v2 } }, binding, 'sk-old-value');
    const ring = keyringFromConfig(c);
    expect(decryptSecret(ring, binding, old)).toBe('sk-old-value');
    expect(encryptSecret(ring, binding, 'sk-new-value').startsWith('v3:')).toBe(true);
  });

  it('names each bad previous key without repeating any key material', () => {
    const key = randomBytes(32).toString('base64');
    const short = randomBytes(16).toString('base64');
    const problems = problemsOf({ ...base(), SECRETS_KEY_VERSION: '2', SECRETS_KEY_PREVIOUS: `${key},1:${short},2:${key},1:${key},1:${key}` });
    expect(problems).toEqual([
      'SECRETS_KEY_PREVIOUS entry 1 must be <version>:<32-byte key as base64 or 64 hex characters>',
      'SECRETS_KEY_PREVIOUS entry 2 must be <version>:<32-byte key as base64 or 64 hex characters>',
      'SECRETS_KEY_PREVIOUS entry 3 reuses key version 2 (each version names one key; SECRETS_KEY is version 2)',
      'SECRETS_KEY_PREVIOUS entry 5 reuses key version 1 (each version names one key; SECRETS_KEY is version 2)',
    ]);
    expect(problems.join('\n')).not.toContain(key.slice(0, 10));
    expect(problemsOf({ ...base(), SECRETS_KEY_VERSION: '0' })).toEqual(['SECRETS_KEY_VERSION must be an integer between 1 and 1000000 (got "0")']);
  });
});
