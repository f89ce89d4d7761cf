import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { connectDatabase, type Database } from '../../src/db/connect.ts';
import { loadPgliteTemplate, withDatabase } from './template.ts';

export type Backend = 'pglite' | 'postgres';

export const backend: Backend = process.env.TEST_BACKEND === 'postgres' ? 'postgres' : 'pglite';

/**
 * A fresh, migrated database for one test file: PGlite loaded from the shared template, or
 * a new PostgreSQL database cloned from the template database (dropped on close).
 */
export async function createTestDatabase(options: { poolMax?: number } = {}): Promise<Database> {
  if (backend === 'pglite') {
    return connectDatabase({ loadDataDir: loadPgliteTemplate(inject('pgliteTemplate')) });
  }
  const url = process.env.TEST_DATABASE_URL;
  const template = inject('postgresTemplate');
  if (!url || !template) throw new Error('TEST_DATABASE_URL is required for the postgres backend');
  const name = `clientsvia_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  const database = await connectDatabase({ databaseUrl: withDatabase(url, name), poolMax: options.poolMax ?? 5 });
  return {
    ...database,
    async close() {
      await database.close();
      const drop = new pg.Client({ connectionString: url });
      await drop.connect();
      // pg's pool.end() resolves before its sockets have closed; forcing the drop while they
      // close would make the server kill them and their clients throw, uncaught.
      for (let i = 0; i < 100; i++) {
        const open = await drop.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
        if (open.rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}
