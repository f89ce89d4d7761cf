import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.ts';
import type { Database } from '../../src/db/connect.ts';
import type { DB } from '../../src/db/schema.ts';
import { seedDemo } from '../../src/seed/demo.ts';
import { testConfig } from '../helpers/app.ts';
import { businessMorning, phoneCall } from '../helpers/calls.ts';
import { backend, createTestDatabase } from '../helpers/database.ts';

const RAPID_ROOTER = '+13125550142';

/**
 * Transactions the app opens on a real pool: an explicit BEGIN ... COMMIT counts once, and so
 * does every statement sent outside one (autocommit). The pool is PostgreSQL's own, wrapped.
 */
function countingPool(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 5 });
  let transactions = 0;
  const open = new WeakSet<object>();
  const wrapped = new WeakSet<object>();
  const connect = pool.connect.bind(pool);
  (pool as unknown as { connect: () => Promise<pg.PoolClient> }).connect = async () => {
    const client = await connect();
    // The pool hands the same client out again: wrap each once.
    if (wrapped.has(client)) return client;
    wrapped.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
    (client as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = (text: unknown, ...rest: unknown[]) => {
      const sql = (typeof text === 'string' ? text : String((text as { text?: string }).text)).trim().toLowerCase();
      if (sql === 'begin' || sql.startsWith('begin ')) {
        transactions++;
        open.add(client);
      } else if (sql === 'commit' || sql === 'rollback') open.delete(client);
      else if (!open.has(client)) transactions++;
      return query(text, ...rest);
    };
    return client;
  };
  return { pool, count: () => transactions };
}

describe.runIf(backend === 'postgres')('a call turn', () => {
  let database: Database;
  let counting: ReturnType<typeof countingPool>;
  let app: App;
  let config: ReturnType<typeof testConfig>;
  beforeAll(async () => {
    database = await createTestDatabase();
    counting = countingPool(database.url!);
    config = testConfig();
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: counting.pool }) });
    app = await buildApp({ config, database: { ...database, db }, clock: () => businessMorning('America/Chicago') });
    await app.ready();
    await seedDemo(app.ctx.services, config, { onlyIfEmpty: true });
  });
  afterAll(async () => {
    await app?.close();
    await counting?.pool.end();
    await database?.close();
  });

  // Issue 13 aims for two; a turn takes 4 or 5 today (the call and its turn, the company's trade
  // categories, the knowledge search, an unanswered question, the turn's record). This holds the
  // line against more; lower MAX_TRANSACTIONS as turns are merged.
  const MAX_TRANSACTIONS = 5;
  it(`runs in at most ${MAX_TRANSACTIONS} transactions (issue 13's aim: 2)`, async () => {
    const call = phoneCall(app, config, RAPID_ROOTER, '+13125550199');
    await call.start();
    const counts: number[] = [];
    for (const line of ['what are your hours on saturday', 'do you fix water heaters', 'how much is a drain cleaning']) {
      if (!call.listening) break;
      const before = counting.count();
      await call.say(line);
      counts.push(counting.count() - before);
    }
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.every((n) => n <= MAX_TRANSACTIONS), `transactions per turn: ${counts.join(', ')}`).toBe(true);
  });
});
