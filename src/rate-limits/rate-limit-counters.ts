import type { Config } from '../config.ts';
import type { Database } from '../db/connect.ts';
import type { JobLogger } from '../jobs/types.ts';
import type { AppMetrics } from '../observability/metrics.ts';
import type { CounterStore } from './counters.ts';
import { withLocalFallback } from './local-fallback.ts';
import { createMemoryCounters } from './memory-counters.ts';
import { createPostgresCounters } from './postgres-counters.ts';
import { createRedisCounters } from './redis-counters.ts';

export interface RateLimitCounters extends CounterStore {
  /** Resolves when the counters can be used (Redis: connected, or given up waiting and said so). */
  ready(): Promise<void>;
}

/**
 * Where this app's rate-limit counters live, so that every process behind one load balancer
 * counts against the same limits:
 * - REDIS_URL set: Redis, whatever the database;
 * - else a PostgreSQL server: its platform.rate_limit_counters table;
 * - else (PGlite, which one process holds) this process's memory.
 * A shared store that fails is replaced hit by hit by memory (local-fallback.ts).
 */
export function createRateLimitCounters(config: Pick<Config, 'redisUrl'>, database: Pick<Database, 'db' | 'kind'>, deps: { log: JobLogger; metrics: Pick<AppMetrics, 'rateLimitFallbacks'> }): RateLimitCounters {
  if (config.redisUrl) {
    const redis = createRedisCounters(config.redisUrl);
    return {
      ...withLocalFallback(redis, deps),
      async ready() {
        if (!(await redis.connected())) deps.log.error('Redis (REDIS_URL) does not answer: each process counts rate limits alone until it does');
      },
    };
  }
  const store = database.kind === 'postgres' ? withLocalFallback(createPostgresCounters(database.db), deps) : createMemoryCounters();
  return { ...store, ready: async () => {} };
}
