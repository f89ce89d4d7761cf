import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectDatabase } from '../../src/db/connect.ts';
import { SYSTEM_ACTOR } from '../../src/modules/auth/principal.ts';
import { rotateAllSecrets } from '../../src/modules/secrets/rotate-all.ts';
import type { SecretName } from '../../src/modules/secrets/secrets.names.ts';
import { createServices } from '../../src/services.ts';
import { createTestApp, testConfig, type TestApp } from '../helpers/app.ts';
import { backend } from '../helpers/database.ts';
import { createCompany, createUserSession } from '../helpers/factories.ts';
import { loadPgliteTemplate } from '../helpers/template.ts';

const newKey = () => randomBytes(32).toString('base64');
const OLD = newKey();
const NEW = newKey();
// Operators roll a new key out in two steps: every process gets the new key with the old one
// as previous, then the rotation runs; afterwards the old key can go.
const oldOnly = { SECRETS_KEY: OLD };
const during = { SECRETS_KEY: NEW, SECRETS_KEY_VERSION: '2', SECRETS_KEY_PREVIOUS: `1:${OLD}` };
const newOnly = { SECRETS_KEY: NEW, SECRETS_KEY_VERSION: '2' };

const plaintextsFor = () => ({ elevenlabs_api_key: `sk_${randomBytes(20).toString('hex')}`, twilio_auth_token: randomBytes(16).toString('hex'), llm_api_key: `sk-${randomBytes(24).toString('base64url')}`, twilio_account_sid: `AC${randomBytes(16).toString('hex')}` });

describe('secret key rotation', () => {
  let t: TestApp;
  const companies: Array<{ id: string; plaintexts: Record<SecretName, string> }> = [];
  const ciphertexts = async () =>
    (await sql<{ company_id: string; name: string; ciphertext: string; last4: string; updated_at: Date }>`
      SELECT company_id, name, ciphertext, last4, updated_at FROM company_secrets ORDER BY company_id, name`.execute(t.database.db)).rows;

  beforeAll(async () => {
    t = await createTestApp({ env: oldOnly });
    for (let i = 0; i < 2; i++) {
      const id = (await createCompany(t.app)).id;
      const owner = await createUserSession(t.app, id, 'owner');
      const plaintexts = plaintextsFor();
      const res = await t.app.inject({
        method: 'PATCH', url: `/api/companies/${id}/secrets`, headers: owner.headers,
        payload: { elevenLabsApiKey: plaintexts.elevenlabs_api_key, twilioAuthToken: plaintexts.twilio_auth_token, llmApiKey: plaintexts.llm_api_key, twilioAccountSid: plaintexts.twilio_account_sid },
      });
      expect(res.statusCode).toBe(200);
      companies.push({ id, plaintexts });
    }
    // A company without secrets is visited and left alone.
    await createCompany(t.app);
  });
  afterAll(async () => t?.close());

  it('re-encrypts every secret under the new key, after which the old key is no longer needed', async () => {
    const before = await ciphertexts();
    expect(before.every((r) => r.ciphertext.startsWith('v1:'))).toBe(true);
    const ids = await t.app.ctx.services.companies.listIds();

    const rotating = createServices(testConfig(during), t.database.db);
    // While both keys are configured, secrets under either open.
    expect(await rotating.secrets.reveal(companies[0]!.id, 'llm_api_key')).toBe(companies[0]!.plaintexts.llm_api_key);
    expect(await rotateAllSecrets(rotating.secrets, ids)).toEqual({ companies: 3, reencrypted: 8, alreadyCurrent: 0, unreadable: [] });

    const after = await ciphertexts();
    expect(after.every((r) => r.ciphertext.startsWith('v2:'))).toBe(true);
    // Same values: what the API shows and when the value last changed stay as they were.
    expect(after.map((r) => [r.company_id, r.name, r.last4, r.updated_at.toISOString()])).toEqual(before.map((r) => [r.company_id, r.name, r.last4, r.updated_at.toISOString()]));

    const withNewKeyOnly = createServices(testConfig(newOnly), t.database.db);
    const withOldKeyOnly = createServices(testConfig(oldOnly), t.database.db);
    for (const c of companies) {
      for (const [name, plaintext] of Object.entries(c.plaintexts) as Array<[SecretName, string]>) {
        expect(await withNewKeyOnly.secrets.reveal(c.id, name)).toBe(plaintext);
        await expect(withOldKeyOnly.secrets.reveal(c.id, name)).rejects.toMatchObject({ code: 'SECRET_UNREADABLE' });
      }
    }

    // Idempotent: a second run has nothing to do.
    expect(await rotateAllSecrets(withNewKeyOnly.secrets, ids)).toEqual({ companies: 3, reencrypted: 0, alreadyCurrent: 8, unreadable: [] });
    expect(await ciphertexts()).toEqual(after);

    const audit = await sql<{ company_id: string; actor_type: string; changes: unknown }>`
      SELECT company_id, actor_type, changes FROM audit_log WHERE action = 'secrets.reencrypted' ORDER BY company_id`.execute(t.database.db);
    expect(audit.rows).toEqual(companies.map((c) => ({ company_id: c.id, actor_type: 'system', changes: { names: ['elevenlabs_api_key', 'llm_api_key', 'twilio_account_sid', 'twilio_auth_token'], keyVersion: 2 } })).sort((a, b) => a.company_id.localeCompare(b.company_id)));
  });
});

interface Run {
  code: number | null;
  output: string;
}

function runCli(dataDir: string, env: Record<string, string>): Promise<Run> {
  const child = spawn(process.execPath, ['src/cli/rotate-secrets.ts'], {
    cwd: resolve(import.meta.dirname, '../..'),
    env: { ...process.env, NODE_ENV: 'development', DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((ok) => child.on('exit', (code) => ok({ code, output })));
}

const finished = (run: Run) => JSON.parse(run.output.trim().split('\n').find((l) => l.includes('secret rotation finished'))!) as Record<string, unknown>;

// The command runs against embedded PGlite in a data directory; once per run is enough.
describe.skipIf(backend !== 'pglite')('npm run secrets:rotate', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'clientsvia-rotate-'));
  let companyId: string;
  const plaintexts = plaintextsFor();
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  beforeAll(async () => {
    // A data directory as the server leaves it, with one company's secrets under the old key.
    const database = await connectDatabase({ dataDir, loadDataDir: loadPgliteTemplate(inject('pgliteTemplate')) });
    try {
      const services = createServices(testConfig(oldOnly), database.db);
      companyId = (await services.companies.create(SYSTEM_ACTOR, { name: 'Rotation Co', timeZone: 'America/Chicago' })).id;
      await services.secrets.update(SYSTEM_ACTOR, companyId, (Object.entries(plaintexts) as Array<[SecretName, string]>).map(([name, value]) => ({ name, value, field: name })));
    } finally {
      await database.close();
    }
  });

  it('re-encrypts under the new key, is idempotent, and prints no secret', async () => {
    const first = await runCli(dataDir, during);
    expect(first.code, first.output).toBe(0);
    expect(finished(first)).toMatchObject({ keyVersion: 2, companies: 1, reencrypted: 4, alreadyCurrent: 0, unreadable: 0 });

    const again = await runCli(dataDir, newOnly);
    expect(again.code, again.output).toBe(0);
    expect(finished(again)).toMatchObject({ reencrypted: 0, alreadyCurrent: 4, unreadable: 0 });

    // With a key that opens nothing, it says so and fails, naming no value.
    const wrong = await runCli(dataDir, { SECRETS_KEY: newKey(), SECRETS_KEY_VERSION: '3' });
    expect(wrong.code).toBe(1);
    expect(finished(wrong)).toMatchObject({ reencrypted: 0, unreadable: 1 });
    expect(wrong.output).toContain(companyId);

    for (const run of [first, again, wrong]) {
      for (const secret of [...Object.values(plaintexts), OLD, NEW]) expect(run.output).not.toContain(secret);
    }

    const database = await connectDatabase({ dataDir });
    try {
      const services = createServices(testConfig(newOnly), database.db);
      for (const [name, plaintext] of Object.entries(plaintexts) as Array<[SecretName, string]>) {
        expect(await services.secrets.reveal(companyId, name)).toBe(plaintext);
      }
    } finally {
      await database.close();
    }
  }, 120_000);
});
