import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggerOptions } from '../../src/plugins/logging.ts';
import { createTestApp, testConfig, type TestApp } from '../helpers/app.ts';
import { createApiToken, createCompany, createUserSession, loginAdmin, type Session } from '../helpers/factories.ts';

/** The production logger configuration at its most talkative, writing to memory. */
function memoryLogger() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: pino({ ...(loggerOptions(testConfig()) as pino.LoggerOptions), level: 'trace' }, stream), text: () => chunks.join('') };
}

/** Realistic-looking secrets, unique per run so a hit cannot come from anywhere else. */
const fresh = (prefix: string) => `${prefix}${randomBytes(18).toString('base64url')}`;

describe('secrets at rest', () => {
  const log = memoryLogger();
  let t: TestApp;
  const companies: Array<{ id: string; owner: Session; plaintexts: string[] }> = [];
  /** Every response body the test received. */
  const bodies: string[] = [];

  const call = async (method: 'GET' | 'PUT' | 'PATCH', url: string, headers: Record<string, string>, payload?: object) => {
    const res = await t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    bodies.push(res.body);
    return res;
  };

  beforeAll(async () => {
    t = await createTestApp({ logger: log.logger });
    for (let i = 0; i < 2; i++) {
      const id = (await createCompany(t.app)).id;
      const owner = await createUserSession(t.app, id, 'owner');
      const eleven = fresh('sk_');
      const twilio = randomBytes(16).toString('hex');
      const llm = fresh('sk-proj-');
      const base = `/api/companies/${id}`;
      expect((await call('PUT', `${base}/voice-settings`, owner.headers, { settings: { useOwnKey: true }, elevenLabsApiKey: eleven })).statusCode).toBe(200);
      expect((await call('PATCH', `${base}/secrets`, owner.headers, { twilioAuthToken: twilio, llmApiKey: llm })).statusCode).toBe(200);
      // A refused value must not be echoed either.
      const refused = fresh('bad key ');
      expect((await call('PATCH', `${base}/secrets`, owner.headers, { llmApiKey: refused })).statusCode).toBe(400);
      companies.push({ id, owner, plaintexts: [eleven, twilio, llm, refused.slice(8)] });
    }
  });
  afterAll(async () => t?.close());

  const allPlaintexts = () => companies.flatMap((c) => c.plaintexts);

  it('lists which secrets are set with their last four characters, to owners only', async () => {
    const [a] = companies;
    const res = await call('GET', `/api/companies/${a!.id}/secrets`, a!.owner.headers);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      { name: 'elevenlabs_api_key', set: true, last4: a!.plaintexts[0]!.slice(-4), updatedAt: expect.any(String) },
      { name: 'twilio_auth_token', set: true, last4: a!.plaintexts[1]!.slice(-4), updatedAt: expect.any(String) },
      { name: 'llm_api_key', set: true, last4: a!.plaintexts[2]!.slice(-4), updatedAt: expect.any(String) },
      { name: 'twilio_account_sid', set: false, last4: null, updatedAt: null },
    ]);
    const staff = await createUserSession(t.app, a!.id, 'staff');
    const token = await createApiToken(t.app, a!.id);
    for (const headers of [staff.headers, token.headers]) {
      expect((await call('GET', `/api/companies/${a!.id}/secrets`, headers)).statusCode).toBe(403);
      expect((await call('PATCH', `/api/companies/${a!.id}/secrets`, headers, { llmApiKey: null })).statusCode).toBe(403);
    }
    expect(await t.app.ctx.services.secrets.reveal(a!.id, 'llm_api_key')).toBe(a!.plaintexts[2]);
  });

  it('clears a secret with null and keeps the ones left out', async () => {
    const id = (await createCompany(t.app)).id;
    const owner = await createUserSession(t.app, id, 'owner');
    const url = `/api/companies/${id}/secrets`;
    await call('PATCH', url, owner.headers, { twilioAuthToken: 'a'.repeat(32), llmApiKey: 'sk-local-12345678' });
    const res = await call('PATCH', url, owner.headers, { llmApiKey: null });
    expect(res.json().items.map((s: { name: string; set: boolean }) => [s.name, s.set])).toEqual([['elevenlabs_api_key', false], ['twilio_auth_token', true], ['llm_api_key', false], ['twilio_account_sid', false]]);
    expect(await t.app.ctx.services.secrets.reveal(id, 'llm_api_key')).toBeNull();
    expect(await t.app.ctx.services.secrets.reveal(id, 'twilio_auth_token')).toBe('a'.repeat(32));
  });

  it('keeps no plaintext secret anywhere in the database', async () => {
    const { db } = t.database;
    const tables = await sql<{ name: string }>`
      SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND c.relkind IN ('r', 'p') ORDER BY 1`.execute(db);
    expect(tables.rows.map((r) => r.name)).toEqual(expect.arrayContaining(['public.company_secrets', 'public.audit_log', 'platform.companies']));
    let dump = '';
    for (const { name } of tables.rows) {
      const rows = await sql<{ row: string }>`SELECT t::text AS row FROM ${sql.raw(name)} t`.execute(db);
      dump += rows.rows.map((r) => r.row).join('\n');
    }
    // The connecting role sees every company's rows (superuser), so the dump is complete.
    expect(dump).toContain(companies[1]!.id);
    const stored = await sql<{ ciphertext: string }>`SELECT ciphertext FROM company_secrets`.execute(db);
    expect(stored.rows.length).toBeGreaterThanOrEqual(6);
    expect(stored.rows.every((r) => /^v1:/.test(r.ciphertext))).toBe(true);
    expect(dump).toContain(stored.rows[0]!.ciphertext);
    expect(allPlaintexts().filter((p) => dump.includes(p))).toEqual([]);
  });

  it('never sends a secret back, in any response, the audit log included', async () => {
    const admin = await loginAdmin(t.app);
    for (const c of companies) {
      for (const path of ['voice-settings', 'secrets', 'audit-log', 'agent-settings']) {
        expect((await call('GET', `/api/companies/${c.id}/${path}`, admin.headers)).statusCode).toBe(200);
      }
    }
    const audit = JSON.parse(bodies.at(-2)!) as { items: Array<{ action: string }> };
    expect(audit.items.map((e) => e.action)).toEqual(expect.arrayContaining(['secret.set', 'voice_settings.updated']));
    const all = bodies.join('\n');
    expect(allPlaintexts().filter((p) => all.includes(p))).toEqual([]);
  });

  it('never writes a secret to the logs', () => {
    const text = log.text();
    expect(text).toContain('request completed');
    expect(allPlaintexts().filter((p) => text.includes(p))).toEqual([]);
  });

  it("does not decrypt a ciphertext copied into another company's row or another name, and says so without internals", async () => {
    const [a, b] = companies;
    const { db } = t.database;
    const ciphertextOf = async (companyId: string, name: string) =>
      (await sql<{ ciphertext: string }>`SELECT ciphertext FROM company_secrets WHERE company_id = ${companyId} AND name = ${name}`.execute(db)).rows[0]!.ciphertext;
    const stolen = await ciphertextOf(a!.id, 'llm_api_key');
    // Someone with database access copies A's key into B's row, and into another name of A's.
    await sql`UPDATE company_secrets SET ciphertext = ${stolen} WHERE company_id = ${b!.id} AND name = 'llm_api_key'`.execute(db);
    await sql`UPDATE company_secrets SET ciphertext = ${stolen} WHERE company_id = ${a!.id} AND name = 'twilio_auth_token'`.execute(db);

    const { secrets } = t.app.ctx.services;
    for (const [companyId, name] of [[b!.id, 'llm_api_key'], [a!.id, 'twilio_auth_token']] as const) {
      const err = await secrets.reveal(companyId, name).then(() => null, (e: unknown) => e as { code: string; status: number; message: string });
      expect(err).toMatchObject({ code: 'SECRET_UNREADABLE', status: 409, message: `The stored ${name} cannot be decrypted with the configured keys; set it again.` });
      expect(JSON.stringify(err)).not.toContain(stolen.slice(3, 20));
    }
    // The original still opens where it belongs.
    expect(await secrets.reveal(a!.id, 'llm_api_key')).toBe(a!.plaintexts[2]);

    // The API keeps answering (it never decrypts to describe a secret), and setting the value again heals it.
    expect((await call('GET', `/api/companies/${b!.id}/secrets`, b!.owner.headers)).statusCode).toBe(200);
    expect((await call('GET', `/api/companies/${b!.id}/voice-settings`, b!.owner.headers)).statusCode).toBe(200);
    expect((await call('PATCH', `/api/companies/${b!.id}/secrets`, b!.owner.headers, { llmApiKey: b!.plaintexts[2] })).statusCode).toBe(200);
    expect(await secrets.reveal(b!.id, 'llm_api_key')).toBe(b!.plaintexts[2]);

    // Rotation reports it rather than failing or guessing.
    expect(await secrets.rotate(a!.id)).toEqual({ reencrypted: [], alreadyCurrent: ['elevenlabs_api_key', 'llm_api_key'], unreadable: ['twilio_auth_token'] });
  });
});
