import { sql } from 'kysely';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from './connect.ts';
import { pendingMigrations } from './migrate.ts';

// A probe must answer even when the database does not: a pool waiting on a dead server (or
// PGlite's single connection held by a long transaction) would otherwise hang it.
const READY_TIMEOUT_MS = 3_000;

export type Readiness = { database: 'ok'; pending: string[] } | { database: 'unreachable' | 'timeout'; error?: unknown };

/** Whether the database answers (within a bound) and which migrations it still lacks. */
export async function checkReadiness(db: Db): Promise<Readiness> {
  const abort = new AbortController();
  const check = (async (): Promise<Readiness> => {
    await sql`SELECT 1`.execute(db);
    return { database: 'ok', pending: await pendingMigrations(db) };
  })();
  const timeout = sleep(READY_TIMEOUT_MS, { database: 'timeout' } as const, { signal: abort.signal }).catch(() => undefined);
  try {
    return (await Promise.race([check, timeout])) ?? { database: 'timeout' };
  } catch (error) {
    return { database: 'unreachable', error };
  } finally {
    abort.abort();
    check.catch(() => {});
  }
}
