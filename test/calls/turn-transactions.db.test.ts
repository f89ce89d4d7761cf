import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.ts';
import type { Database } from '../../src/db/connect.ts';
import { seedDemo } from '../../src/seed/demo.ts';
import { testConfig } from '../helpers/app.ts';
import { businessMorning, phoneCall } from '../helpers/calls.ts';
import { backend, createTestDatabase } from '../helpers/database.ts';

const RAPID_ROOTER = '+13125550142';

type Query = (this: object, text: unknown, ...rest: unknown[]) => Promise<unknown>;

/**
 * Transactions sent to the database, by whatever connection (the app's own pool on PostgreSQL,
 * the one PGlite session): an explicit BEGIN ... COMMIT counts once, and so does every
 * statement sent outside one (autocommit). Each is one wait in PGlite's queue of sessions.
 * Counted where the drivers send SQL, so nothing of ours can go uncounted.
 */
function countTransactions() {
  let transactions = 0;
  const open = new WeakSet<object>();
  const restore: (() => void)[] = [];
  const wrap = (proto: Record<string, unknown>, name: string) => {
    const original = proto[name] as Query;
    proto[name] = function (this: object, text: unknown, ...rest: unknown[]) {
      const sql = (typeof text === 'string' ? text : String((text as { text?: string }).text)).trim().toLowerCase();
      if (/^begin\b/.test(sql)) {
        transactions++;
        open.add(this);
      } else if (open.has(this)) {
        if (sql === 'commit' || sql === 'rollback') open.delete(this);
      } else transactions++;
      return original.call(this, text, ...rest);
    };
    restore.push(() => (proto[name] = original));
  };
  wrap(pg.Client.prototype as unknown as Record<string, unknown>, 'query');
  // The pool sends "BEGIN; SELECT set_config(...)" as one exec, statements with values as a query.
  wrap(PGlite.prototype as unknown as Record<string, unknown>, 'exec');
  wrap(PGlite.prototype as unknown as Record<string, unknown>, 'query');
  return { count: () => transactions, restore: () => restore.forEach((r) => r()) };
}

describe('a call turn', () => {
  let database: Database;
  let counting: ReturnType<typeof countTransactions>;
  let app: App;
  let config: ReturnType<typeof testConfig>;
  beforeAll(async () => {
    database = await createTestDatabase();
    config = testConfig();
    app = await buildApp({ config, database, clock: () => businessMorning('America/Chicago') });
    await app.ready();
    await seedDemo(app.ctx.services, config, { onlyIfEmpty: true });
    counting = countTransactions();
  });
  afterAll(async () => {
    counting?.restore();
    await app?.close();
    await database?.close();
  });

  // Issue 13 aims for two. A turn loads its call and turn (one), searches the knowledge when
  // the caller asks something (one), and records itself with what it left to write, such as an
  // unanswered question (one); the profile and the emergency rules come from per-company caches,
  // loaded by the company's first turn in the process (the greeting loads the profile). On
  // PostgreSQL the webhook's rate limit reads the shared counters too (one statement).
  const MAX_TRANSACTIONS = backend === 'postgres' ? 4 : 3;
  it(`runs in at most ${MAX_TRANSACTIONS} transactions once the company's caches are warm (issue 13's aim: 2)`, async () => {
    const call = phoneCall(app, config, RAPID_ROOTER, '+13125550199');
    await call.start();
    await call.say('what are your hours on saturday');
    const counts: number[] = [];
    for (const line of ['do you fix water heaters', 'how much is a drain cleaning', 'do you sell gift cards', 'what are your hours on sunday']) {
      if (!call.listening) break;
      const before = counting.count();
      await call.say(line);
      counts.push(counting.count() - before);
    }
    expect(counts.length).toBeGreaterThan(2);
    expect(counts.every((n) => n <= MAX_TRANSACTIONS), `transactions per turn: ${counts.join(', ')}`).toBe(true);
  });
});
