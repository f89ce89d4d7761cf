import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect.ts';
import { createTestDatabase } from '../../test/helpers/database.ts';
import { redisUnreachable, reportSkip, TEST_REDIS_URL } from '../../test/helpers/redis.ts';
import type { CounterStore } from './counters.ts';
import { createMemoryCounters } from './memory-counters.ts';
import { createPostgresCounters } from './postgres-counters.ts';
import { createRedisCounters } from './redis-counters.ts';

const redisProblem = await redisUnreachable();
reportSkip('Redis counters', redisProblem);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What every store promises, whichever holds the counts. */
function behavesAsCounters(open: () => Promise<CounterStore>) {
  let counters: CounterStore;
  // Keys of their own per run: Redis is shared with whatever else runs on this machine.
  const key = (name: string) => `test-${randomBytes(6).toString('hex')}:${name}`;
  beforeAll(async () => {
    counters = await open();
  });

  it('counts hits that arrive at once exactly: each reads back its own place', async () => {
    const k = key('burst');
    const counts = await Promise.all(Array.from({ length: 40 }, () => counters.hit(k, 60_000)));
    expect(counts.map((c) => c.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    for (const c of counts) expect(c.ttlMs).toBeGreaterThan(50_000);
    for (const c of counts) expect(c.ttlMs).toBeLessThanOrEqual(60_000);
  });

  it('starts a window that has ended again at one', async () => {
    const k = key('window');
    await counters.hit(k, 150);
    expect((await counters.hit(k, 150)).hits).toBe(2);
    await sleep(250);
    expect(await counters.peek(k)).toBeNull();
    expect((await counters.hit(k, 150)).hits).toBe(1);
  });

  it('peeks without counting, and knows nothing of a key never hit', async () => {
    const k = key('peek');
    expect(await counters.peek(k)).toBeNull();
    await counters.hit(k, 60_000);
    await counters.hit(k, 60_000);
    expect((await counters.peek(k))?.hits).toBe(2);
    expect((await counters.peek(k))?.hits).toBe(2);
  });
}

describe('memory counters', () => {
  behavesAsCounters(async () => createMemoryCounters());
});

describe('PostgreSQL counters (platform.rate_limit_counters)', () => {
  let database: Database;
  behavesAsCounters(async () => {
    database = await createTestDatabase();
    return createPostgresCounters(database.db);
  });
  afterAll(async () => database?.close());

  it('sweeps the rows of ended windows and keeps the live ones', async () => {
    const counters = createPostgresCounters(database.db);
    await counters.hit('sweep:ended', 60_000);
    await counters.hit('sweep:live', 60_000);
    await sql`UPDATE platform.rate_limit_counters SET ends_at = now() - interval '1 second' WHERE key = 'sweep:ended'`.execute(database.db);
    expect(await counters.sweep()).toBeGreaterThanOrEqual(1);
    const keys = (await database.db.selectFrom('platform.rate_limit_counters').select('key').where('key', 'like', 'sweep:%').execute()).map((r) => r.key);
    expect(keys).toEqual(['sweep:live']);
  });
});

describe.skipIf(redisProblem !== null)('Redis counters', () => {
  let counters: ReturnType<typeof createRedisCounters>;
  behavesAsCounters(async () => {
    counters = createRedisCounters(TEST_REDIS_URL);
    expect(await counters.connected()).toBe(true);
    return counters;
  });
  afterAll(async () => counters?.close());
});
