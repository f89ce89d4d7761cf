import type { ConstructorOptions } from 'pg-boss';
import type { Database } from '../db/connect.ts';

// Workers fetch one job at a time and maintenance runs one statement at a time: a few connections do.
const POOL_MAX = 4;

/**
 * A server: pg-boss's own small pool plus one LISTEN connection, as pg-boss is built to run.
 * PGlite: every statement through the single session's mutex (see `database.executeSql`).
 */
export function connectionFor(database: Database): ConstructorOptions {
  if (database.url) return { connectionString: database.url, max: POOL_MAX, application_name: 'clientsvia-jobs' };
  const { executeSql, listen } = database;
  return {
    backend: 'pglite',
    db: {
      executeSql,
      ...(listen && {
        async listen(channel: string, onNotification: (payload: string) => void, onReconnect: () => void) {
          const unlisten = await listen(channel, onNotification);
          // Nothing can drop an in-process session; pg-boss still expects one catch-up fetch.
          onReconnect();
          return { close: unlisten };
        },
      }),
    },
  };
}
