import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectDatabase, type Database } from '../../src/db/connect.ts';
import { createServices } from '../../src/services.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, testConfig } from '../helpers/app.ts';
import { backend } from '../helpers/database.ts';
import { loadPgliteTemplate, withDatabase } from '../helpers/template.ts';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `npm run admin:reset-password` against the database `npm start` would use: a PGlite data
 * directory, or a PostgreSQL database named by DATABASE_URL, set up as the server leaves it.
 */
describe('npm run admin:reset-password', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'h-auth-reset-'));
  const secret = randomBytes(32).toString('base64url');
  let databaseUrl = '';
  const open = (): Promise<Database> => (databaseUrl ? connectDatabase({ databaseUrl }) : connectDatabase({ dataDir }));
  const services = (database: Database) => createServices(testConfig({ SESSION_SECRET: secret }), database.db);

  beforeAll(async () => {
    let database: Database;
    if (backend === 'postgres') {
      const name = `clientsvia_reset_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplate')}`);
      await admin.end();
      databaseUrl = withDatabase(process.env.TEST_DATABASE_URL!, name);
      database = await open();
    } else {
      database = await connectDatabase({ dataDir, loadDataDir: loadPgliteTemplate(inject('pgliteTemplate')) });
    }
    try {
      await services(database).users.ensurePlatformAdmin(ADMIN_EMAIL, ADMIN_PASSWORD);
      await services(database).auth.login(ADMIN_EMAIL, ADMIN_PASSWORD, '127.0.0.1');
    } finally {
      await database.close();
    }
  });
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    if (!databaseUrl) return;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${new URL(databaseUrl).pathname.slice(1)} WITH (FORCE)`);
    await admin.end();
  });

  function run(args: string[] = []): Promise<Run> {
    const child = spawn(process.execPath, ['src/cli/reset-admin-password.ts', ...args], {
      cwd: resolve(import.meta.dirname, '../..'),
      env: { ...process.env, NODE_ENV: 'development', DATA_DIR: dataDir, DATABASE_URL: databaseUrl, SESSION_SECRET: secret, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    return new Promise((ok) => child.on('exit', (code) => ok({ code, stdout, stderr })));
  }

  async function signsIn(password: string): Promise<boolean> {
    const database = await open();
    try {
      return await services(database).auth.login(ADMIN_EMAIL, password, '198.51.100.1').then(() => true, () => false);
    } finally {
      await database.close();
    }
  }

  it('generates a new password, prints it once in one line, and signs the admin out everywhere', async () => {
    const r = await run();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const m = /^Platform admin admin@test\.example: new password (\S+) \(shown once; 1 session signed out\)\n$/.exec(r.stdout);
    expect(m, r.stdout).not.toBeNull();
    const database = await open();
    try {
      expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM platform.sessions`.execute(database.db)).rows[0]!.n).toBe(0);
    } finally {
      await database.close();
    }
    expect(await signsIn(ADMIN_PASSWORD)).toBe(false);
    expect(await signsIn(m![1]!)).toBe(true);
  }, 60_000);

  it('sets the password given, and refuses a short one with one line and no stack trace', async () => {
    const r = await run(['--password', 'operator-chosen-password']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Platform admin admin@test\.example: password changed \(1 session signed out\)\n$/);
    expect(r.stdout).not.toContain('operator-chosen-password');
    expect(await signsIn('operator-chosen-password')).toBe(true);

    const short = await run(['--password', 'short']);
    expect(short.code).toBe(1);
    expect(short.stdout).toBe('');
    expect(short.stderr).toBe('admin:reset-password failed: The new password must be at least 10 characters.\n');
  }, 60_000);
});
