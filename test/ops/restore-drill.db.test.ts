import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.ts';
import { connectDatabase, type Database } from '../../src/db/connect.ts';
import { migrate } from '../../src/db/migrate.ts';
import type { DB } from '../../src/db/schema.ts';
import { assertAppRoleIsRestricted, withTenant } from '../../src/db/tenant.ts';
import { BACKUP_JOB } from '../../src/jobs/handlers/backup.ts';
import { SYSTEM_ACTOR } from '../../src/modules/auth/principal.ts';
import { createDemoApp, type TestApp } from '../helpers/app.ts';
import { businessMorning, phoneCall } from '../helpers/calls.ts';
import { backend } from '../helpers/database.ts';
import { withDatabase } from '../helpers/template.ts';
import { runCli } from '../helpers/server-process.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { tablesIn, tenantTables } from '../isolation/tenant-catalog.ts';
import { TENANCY_RULES } from '../isolation/tenancy-rules.ts';

/**
 * The restore drill: a database with two companies, calls, bookings, messages and secrets is
 * backed up by the daily job, restored by `npm run restore` into a fresh database, and the copy
 * must hold the same rows in every table, pass the tenancy catalog and policy checks, open the
 * secrets with the same key, and answer a whole phone call.
 */
const RAPID_ROOTER = '+13125550142';
const KEY = randomBytes(32).toString('base64');
const SECRET = 'sk-drill-language-model-key-0042';
const lines = (text: string) => text.trim().split('\n').filter(Boolean);

async function say(call: ReturnType<typeof phoneCall>, words: string[]): Promise<string[]> {
  const heard = [...(await call.start()).said];
  for (const w of words) if (call.listening) heard.push(...(await call.say(w)).said);
  return heard;
}

/** Rows per table in the application's schemas, as the connecting role sees them. */
async function rowCounts(db: Kysely<DB>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const schema of ['public', 'platform'] as const) {
    for (const table of await tablesIn(db, schema)) {
      const name = schema === 'public' ? table : `${schema}.${table}`;
      counts[name] = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(name)}`.execute(db)).rows[0]!.n;
    }
  }
  return counts;
}

let source: TestApp;
let backupFile: string;
let countsAtBackup: Record<string, number>;
let companies: { id: string; name: string }[];
beforeAll(async () => {
  const clock = () => businessMorning('America/Chicago');
  source = await createDemoApp({ jobs: true, clock, env: { BACKUP_KEY: KEY, BACKUP_DIR: mkdtempSync(join(tmpdir(), 'clientsvia-drill-')) } });
  companies = await source.database.db.selectFrom('platform.companies').select(['id', 'name']).orderBy('name').execute();
  expect(companies).toHaveLength(2);
  for (const c of companies) await source.app.ctx.services.secrets.update(SYSTEM_ACTOR, c.id, [{ name: 'llm_api_key', field: 'llmApiKey', value: `${SECRET}-${c.name.length}` }]);
  // A booking made on the phone, and a message taken on the phone.
  await say(phoneCall(source.app, source.config, RAPID_ROOTER, '+13125550188'), [
    'Hi, my kitchen sink is clogged and I need someone to come out and fix it.', "Sure, it's Dana Whitfield.", 'yes',
    '1450 North Dearborn Street', 'six oh six one oh', 'tomorrow morning', 'the second one', "Yes, that's right.", "No, that's all. Thanks, bye!",
  ]);
  await say(phoneCall(source.app, source.config, '+13035550175', '+17205550101'), ['do you sell gift cards for the holidays', 'yes please', 'Morgan Lee', 'yes', 'please call me back about gift cards']);
  countsAtBackup = await rowCounts(source.database.db);
  expect(countsAtBackup).toMatchObject({ bookings: expect.any(Number), calls: 2, messages: 1, company_secrets: 2 });
  expect(countsAtBackup.bookings).toBeGreaterThan(0);

  const id = (await source.app.ctx.jobs.send(BACKUP_JOB))!;
  const job = await waitFor('the backup job', async () => {
    const j = await source.app.ctx.jobs.findJob(BACKUP_JOB, id);
    return j?.state === 'completed' || j?.state === 'failed' ? j : undefined;
  }, 90_000);
  expect(job.state).toBe('completed');
  backupFile = join(source.config.backup.dir, (job.output as { file: string }).file);
}, 240_000);
afterAll(async () => source?.close());

/** A fresh target: an empty DATA_DIR, or a new empty database on the server (dropped afterwards). */
async function freshTarget(): Promise<{ env: Record<string, string>; open(): Promise<Database>; drop(): Promise<void> }> {
  if (backend === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'clientsvia-restored-'));
    return { env: { DATA_DIR: dataDir, DATABASE_URL: '' }, open: () => connectDatabase({ dataDir }), drop: async () => {} };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const name = `clientsvia_restore_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    env: { DATA_DIR: mkdtempSync(join(tmpdir(), 'clientsvia-restored-')), DATABASE_URL: withDatabase(url, name) },
    open: () => connectDatabase({ databaseUrl: withDatabase(url, name), poolMax: 3 }),
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

describe(`restore drill (${backend})`, () => {
  let target: Awaited<ReturnType<typeof freshTarget>>;
  let restored: Database | undefined;
  let app: App | undefined;
  beforeAll(async () => {
    target = await freshTarget();
    const result = await runCli('restore.ts', { args: [backupFile], env: { ...target.env, BACKUP_KEY: KEY } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(lines(result.stdout)).toEqual([expect.stringMatching(/^Restored clientsvia-\d{8}T\d+Z\.(pglite\.tar\.gz|pgdump)\.enc: \d+ tables/)]);
    restored = await target.open();
    expect(await migrate(restored.db)).toEqual([]);
    app = await buildApp({ config: source.config, database: restored, clock: () => businessMorning('America/Chicago') });
    await app.ready();
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await restored?.close();
    await target?.drop();
  });

  it('holds the same number of rows in every table', async () => {
    expect(await rowCounts(restored!.db)).toEqual(countsAtBackup);
  });

  it('passes every tenancy catalog rule and the runtime-role check', async () => {
    for (const check of Object.values(TENANCY_RULES)) expect(await check(restored!.db)).toEqual([]);
    await expect(assertAppRoleIsRestricted(restored!.db)).resolves.toBeUndefined();
  });

  it("shows each company exactly its own rows in every tenant table, and refuses a write as the other company", async () => {
    const [a, b] = [companies[0]!, companies[1]!];
    for (const table of await tenantTables(restored!.db)) {
      const own = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE company_id = ${a.id}`.execute(restored!.db)).rows[0]!.n;
      const seen = await withTenant(restored!.db, a.id, async (tx) => (await sql<{ n: number; other: number }>`
        SELECT count(*)::int AS n, count(*) FILTER (WHERE company_id <> ${a.id})::int AS other FROM ${sql.table(table)}`.execute(tx)).rows[0]!);
      expect({ table, ...seen }).toEqual({ table, n: own, other: 0 });
    }
    const refused = await withTenant(restored!.db, a.id, (tx) => sql`INSERT INTO contacts (company_id, name) VALUES (${b.id}, 'Intruder')`.execute(tx)).catch((e: { code?: string }) => e.code);
    expect(refused).toBe('42501');
  });

  it('opens the secrets with the same key', async () => {
    for (const c of companies) expect(await app!.ctx.services.secrets.reveal(c.id, 'llm_api_key')).toBe(`${SECRET}-${c.name.length}`);
  });

  it('answers a whole phone call and records it', async () => {
    const before = countsAtBackup.calls!;
    const call = phoneCall(app!, source.config, RAPID_ROOTER, '+13125550133');
    const heard = await say(call, ['do you sell gift cards for the holidays', 'yes please', 'Morgan Lee', 'yes', 'please call me back about gift cards']);
    expect(heard[0]).toMatch(/Rapid Rooter/);
    const rows = await restored!.db.selectFrom('messages').select(['caller_name', 'callback_number']).where('caller_name', '=', 'Morgan Lee').execute();
    expect(rows).toContainEqual({ caller_name: 'Morgan Lee', callback_number: '+13125550133' });
    expect((await rowCounts(restored!.db)).calls).toBe(before + 1);
  });

  it('refuses to restore over the data it now holds without --force, and replaces it with --force', async () => {
    // Stopped first, as an operator would: PGlite's data directory is one process's at a time.
    await app!.close();
    await restored!.close();
    app = restored = undefined;
    const refused = await runCli('restore.ts', { args: [backupFile], env: { ...target.env, BACKUP_KEY: KEY } });
    expect(refused.code).toBe(1);
    expect(lines(refused.stderr)).toEqual([expect.stringMatching(backend === 'pglite' ? /already holds a database: restore into an empty DATA_DIR, or add --force/ : /already has \d+ tables: restore into an empty database, or add --force/)]);
    const forced = await runCli('restore.ts', { args: [backupFile, '--force'], env: { ...target.env, BACKUP_KEY: KEY } });
    expect(forced.stderr).toBe('');
    expect(forced.stdout).toMatch(backend === 'pglite' ? /the previous database was moved to .*pglite\.before-restore-/ : /^Restored /);
    const again = await target.open();
    try {
      expect(await rowCounts(again.db)).toEqual(countsAtBackup);
    } finally {
      await again.close();
    }
  }, 120_000);
});

describe('restore refuses a bad backup in one line', () => {
  const env = () => ({ DATA_DIR: mkdtempSync(join(tmpdir(), 'clientsvia-badrestore-')), DATABASE_URL: '' });

  it('names a wrong key', async () => {
    const result = await runCli('restore.ts', { args: [backupFile], env: { ...env(), BACKUP_KEY: randomBytes(32).toString('base64') } });
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toEqual(['this backup was encrypted under another BACKUP_KEY']);
  });

  it('names a corrupt file', async () => {
    const damaged = Buffer.from(readFileSync(backupFile));
    damaged[damaged.length - 10] = damaged[damaged.length - 10]! ^ 0xff;
    const copy = join(mkdtempSync(join(tmpdir(), 'clientsvia-damaged-')), 'clientsvia-20260101T000000Z.pgdump.enc');
    writeFileSync(copy, damaged);
    const result = await runCli('restore.ts', { args: [copy], env: { ...env(), BACKUP_KEY: KEY } });
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toEqual(['the backup file is corrupt (its content does not match its authentication tag)']);
  });
});
