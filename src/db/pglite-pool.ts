import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

/**
 * Presents one PGlite instance as a pg-style pool of exactly one connection, so Kysely's
 * PostgresDialect drives both backends. PGlite has a single session: a transaction must own
 * it until commit, so `connect()` waits for the previous holder to release (a FIFO mutex).
 */
export function pglitePool(db: PGlite): PostgresPool {
  let tail: Promise<void> = Promise.resolve();

  return {
    async connect(): Promise<PostgresPoolClient> {
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const previous = tail;
      tail = previous.then(() => held);
      await previous;
      // PGlite answers in-process: without yielding here, a queue of waiting transactions
      // runs back to back and starves timers and socket reads (seconds of p99 under load).
      await new Promise<void>((r) => setImmediate(r));
      let released = false;
      // A bare BEGIN waits for the next statement and, when that one has no parameters, goes
      // in the same simple-protocol call ("BEGIN; SELECT set_config(...)"): one call fewer
      // per transaction. Nothing else can use the session in between: this client holds it.
      let pendingBegin = false;
      const client = {
        async query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
          if (!pendingBegin && parameters.length === 0 && BEGIN.test(sql)) {
            pendingBegin = true;
            return { command: 'SELECT', rowCount: 0, rows: [] };
          }
          const prefix = pendingBegin ? 'BEGIN; ' : '';
          if (pendingBegin && parameters.length > 0) await db.exec('BEGIN');
          pendingBegin = false;
          // Without parameters use the simple protocol, which (like pg) allows several
          // statements in one string: migrations are whole files.
          const result = parameters.length === 0 ? lastOf(await db.exec(prefix + sql)) : await db.query<R>(sql, parameters as unknown[]);
          const command = commandOf(sql);
          const affected = result.affectedRows ?? 0;
          return { command, rowCount: isWrite(command) ? affected : result.rows.length, rows: result.rows as R[] };
        },
        release(): void {
          if (released) return;
          // A BEGIN never followed by a statement opened nothing.
          pendingBegin = false;
          released = true;
          release();
        },
      };
      return client as PostgresPoolClient;
    },
    async end(): Promise<void> {
      await tail;
    },
  };
}

const BEGIN = /^\s*begin\s*;?\s*$/i;

function lastOf<R>(results: Array<{ rows: unknown[]; affectedRows?: number }>): { rows: R[]; affectedRows?: number } {
  const last = results[results.length - 1];
  return { rows: (last?.rows ?? []) as R[], affectedRows: last?.affectedRows ?? 0 };
}

type Command = PostgresQueryResult<unknown>['command'];

function commandOf(sql: string): Command {
  const word = /^\s*(?:with\b[\s\S]*?\)\s*)?(\w+)/i.exec(sql)?.[1]?.toUpperCase() ?? 'SELECT';
  if (word === 'INSERT' || word === 'UPDATE' || word === 'DELETE' || word === 'MERGE') return word;
  if (word === 'COMMIT' || word === 'ROLLBACK') return word;
  return 'SELECT';
}

function isWrite(command: Command): boolean {
  return command === 'INSERT' || command === 'UPDATE' || command === 'DELETE' || command === 'MERGE';
}
