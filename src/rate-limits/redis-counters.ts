import { Redis } from 'ioredis';
import type { Count, CounterStore } from './counters.ts';

const KEY_PREFIX = 'clientsvia:rate:';
const CONNECT_TIMEOUT_MS = 2_000;

// One round trip, atomic on the server: the first hit of a window sets its expiry (a key left
// without one, which cannot happen unless written by hand, gets it too).
const HIT = `
local hits = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if hits == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {hits, ttl}`;
const PEEK = `
local hits = redis.call('GET', KEYS[1])
if not hits then return false end
return {tonumber(hits), redis.call('PTTL', KEYS[1])}`;

type Scripted = Redis & {
  rateHit(key: string, windowMs: number): Promise<[number, number]>;
  ratePeek(key: string): Promise<[number, number] | null>;
};

export interface RedisCounters extends CounterStore {
  /** Resolves once connected, or after a short wait when Redis does not answer (it keeps trying). */
  connected(): Promise<boolean>;
}

/**
 * Counters in Redis (REDIS_URL), shared by every app process using it, whatever the database.
 * Keys expire with their window, so nothing is swept. Commands fail at once while the
 * connection is down (no offline queue: a queue would hold every request until Redis is back);
 * the caller falls back (local-fallback.ts) while ioredis reconnects.
 */
export function createRedisCounters(url: string): RedisCounters {
  const redis = new Redis(url, {
    keyPrefix: KEY_PREFIX,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: CONNECT_TIMEOUT_MS,
    // Reconnect quickly at first, then every 2 s for as long as it takes.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  }) as Scripted;
  redis.defineCommand('rateHit', { numberOfKeys: 1, lua: HIT });
  redis.defineCommand('ratePeek', { numberOfKeys: 1, lua: PEEK });
  // Failures surface on the commands (and in local-fallback.ts's log); unheard, an 'error'
  // event would be printed by ioredis on every reconnect attempt.
  redis.on('error', () => {});
  const ready = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), CONNECT_TIMEOUT_MS + 500);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });

  const countOf = ([hits, ttlMs]: [number, number]): Count => ({ hits, ttlMs: Math.max(ttlMs, 0) });
  return {
    kind: 'redis',
    connected: () => ready,
    hit: async (key, windowMs) => countOf(await redis.rateHit(key, windowMs)),
    async peek(key) {
      const found = await redis.ratePeek(key);
      return found ? countOf(found) : null;
    },
    sweep: async () => 0,
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
