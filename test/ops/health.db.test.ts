import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { readMigrations } from '../../src/db/migrate.ts';
import { createTestApp, testConfig, type TestApp } from '../helpers/app.ts';
import { backend, createTestDatabase } from '../helpers/database.ts';

describe('health and readiness', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('answers /health with status, version and uptime, without credentials', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = res.json();
    expect(body).toEqual({ status: 'ok', version: t.config.version, uptimeSeconds: expect.any(Number) });
    expect(body.uptimeSeconds).toBeGreaterThanOrEqual(0);
  });

  it('is ready when the database answers and every migration is applied', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready', database: 'ok', migrations: { pending: [] } });
  });

  it('is not ready, naming the pending migration, when one is missing', async () => {
    const last = readMigrations().at(-1)!;
    const row = await t.database.db.selectFrom('platform.schema_migrations').selectAll().where('version', '=', last.version).executeTakeFirstOrThrow();
    await t.database.db.deleteFrom('platform.schema_migrations').where('version', '=', last.version).execute();
    try {
      const res = await t.app.inject({ method: 'GET', url: '/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'not_ready', database: 'ok', migrations: { pending: [last.name] } });
    } finally {
      await t.database.db.insertInto('platform.schema_migrations').values(row).execute();
    }
    expect((await t.app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
  });

  it('is not ready when the database cannot be reached, while /health still answers', async () => {
    const database = await createTestDatabase();
    const app = await buildApp({ config: testConfig(), database });
    await app.ready();
    try {
      expect((await app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
      await database.close();
      const res = await app.inject({ method: 'GET', url: '/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'not_ready', database: 'unreachable' });
      expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  // PGlite has one connection: a transaction that never ends starves every other query.
  it.skipIf(backend !== 'pglite')('answers not ready within seconds when the database does not answer', async () => {
    let finish!: () => void;
    const held = new Promise<void>((r) => (finish = r));
    const stuck = t.database.db.transaction().execute(() => held);
    try {
      const startedAt = Date.now();
      const res = await t.app.inject({ method: 'GET', url: '/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'not_ready', database: 'timeout' });
      expect(Date.now() - startedAt).toBeLessThan(10_000);
    } finally {
      finish();
      await stuck;
    }
    expect((await t.app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
  });
});
