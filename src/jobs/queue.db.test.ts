import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers/database.ts';
import { waitFor } from '../../test/helpers/wait-for.ts';
import { tablesIn } from '../../test/isolation/tenant-catalog.ts';
import type { Database } from '../db/connect.ts';
import { createJobQueue, JOBS_SCHEMA } from './queue.ts';
import type { JobQueue, JobTiming } from './types.ts';

// Short intervals keep the suite quick; production uses pg-boss's defaults.
const FAST: JobTiming = { pollingIntervalSeconds: 0.5, cronMonitorIntervalSeconds: 1, cronWorkerIntervalSeconds: 1, stopTimeoutMs: 3_000 };
const logger = pino({ level: 'silent' });

let database: Database;
const queues: JobQueue[] = [];

function newQueue(options: { jobsEnabled?: boolean; timing?: JobTiming; on?: Database } = {}): JobQueue {
  const queue = createJobQueue({ database: options.on ?? database, logger, config: { jobsEnabled: options.jobsEnabled ?? true }, timing: options.timing ?? FAST });
  queues.push(queue);
  return queue;
}

const completed = (queue: JobQueue, name: string, id: string) => async () => ((await queue.findJob(name, id))?.state === 'completed' ? true : undefined);

beforeAll(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await Promise.all(queues.splice(0).map((q) => q.stop()));
});
afterAll(async () => database?.close());

describe('job queue', () => {
  it('works each sent job exactly once, even with two processes polling the same queue', async () => {
    const worked: string[] = [];
    const [a, b] = [newQueue(), newQueue()];
    for (const queue of [a, b]) {
      queue.register<{ n: number }>('test-once', async (_data, job) => {
        worked.push(job.id);
      });
    }
    await a.start();
    await b.start();

    const ids: string[] = [];
    for (let n = 0; n < 6; n++) ids.push((await a.send('test-once', { n }))!);
    await waitFor('every job completed', async () => {
      for (const id of ids) if ((await a.findJob('test-once', id))?.state !== 'completed') return undefined;
      return true;
    });

    expect([...worked].sort()).toEqual([...ids].sort());
  });

  it('hands the handler the data it was sent', async () => {
    const queue = newQueue();
    const received: unknown[] = [];
    queue.register<{ greeting: string }>('test-data', async (data) => {
      received.push(data);
    });
    await queue.start();
    const id = (await queue.send('test-data', { greeting: 'hello' }))!;
    await waitFor('job completed', completed(queue, 'test-data', id));
    expect(received).toEqual([{ greeting: 'hello' }]);
  });

  it('drains a burst of jobs back to back instead of one per polling interval', async () => {
    const queue = newQueue({ timing: { ...FAST, pollingIntervalSeconds: 30 } });
    let done = 0;
    queue.register('test-burst', async () => {
      done += 1;
    });
    await queue.start();
    await Promise.all(Array.from({ length: 20 }, (_, n) => queue.send('test-burst', { n })));
    await waitFor('20 jobs done', () => done === 20, 5_000);
  });

  it('runs a scheduled job', async () => {
    const queue = newQueue();
    const runs: unknown[] = [];
    queue.register('test-cron', async (data) => {
      runs.push(data);
    });
    // Every minute: an occurrence always falls inside the schedule pass's one-minute window.
    queue.schedule('test-cron', '* * * * *', { source: 'schedule' });
    await queue.start();
    await waitFor('a scheduled run', () => runs.length > 0);
    expect(runs[0]).toEqual({ source: 'schedule' });
  });

  it('retries a failing handler as many times as its options allow, then marks the job failed', async () => {
    const queue = newQueue();
    const attempts: number[] = [];
    queue.register(
      'test-failing',
      async (_data, job) => {
        attempts.push(job.retryCount);
        throw new Error('provider unavailable');
      },
      { retryLimit: 2, retryDelay: 0, retryBackoff: false },
    );
    await queue.start();
    const id = (await queue.send('test-failing', {}))!;
    const failed = await waitFor('job failed', async () => {
      const job = await queue.findJob('test-failing', id);
      return job?.state === 'failed' ? job : undefined;
    });
    expect(attempts).toEqual([0, 1, 2]);
    expect(failed.output).toMatchObject({ message: 'provider unavailable' });
  });

  it('completes a job whose handler succeeds on a retry', async () => {
    const queue = newQueue();
    let calls = 0;
    queue.register(
      'test-flaky',
      async () => {
        calls += 1;
        if (calls === 1) throw new Error('first attempt fails');
      },
      { retryLimit: 3, retryDelay: 0, retryBackoff: false },
    );
    await queue.start();
    const id = (await queue.send('test-flaky', {}))!;
    await waitFor('job completed', completed(queue, 'test-flaky', id));
    expect(calls).toBe(2);
    expect((await queue.findJob('test-flaky', id))?.retryCount).toBe(1);
  });

  it('stop() waits for a running handler to finish and records its completion', async () => {
    const queue = newQueue();
    let running = false;
    let finished = false;
    queue.register('test-slow', async () => {
      running = true;
      await new Promise((r) => setTimeout(r, 400));
      finished = true;
    });
    await queue.start();
    const id = (await queue.send('test-slow', {}))!;
    await waitFor('handler running', () => running);

    await queue.stop();

    expect(finished).toBe(true);
    const r = await sql<{ state: string }>`SELECT state::text FROM pgboss.job WHERE id = ${id}`.execute(database.db);
    expect(r.rows).toEqual([{ state: 'completed' }]);
  });

  it('with JOBS_ENABLED=false enqueues without working; a working process picks the job up', async () => {
    const producer = newQueue({ jobsEnabled: false });
    let worked = 0;
    producer.register('test-producer', async () => {
      worked += 1;
    });
    await producer.start();
    const id = (await producer.send('test-producer', {}))!;
    // Two polling intervals of a worker, had there been one.
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await producer.findJob('test-producer', id))?.state).toBe('created');

    const worker = newQueue();
    worker.register('test-producer', async () => {
      worked += 1;
    });
    await worker.start();
    await waitFor('job completed', completed(worker, 'test-producer', id));
    expect(worked).toBe(1);
  });

  it('refuses to send to an unregistered queue or before it starts, and refuses a bad cron at declaration', async () => {
    const queue = newQueue();
    queue.register('test-refusals', async () => {});
    await expect(queue.send('test-refusals', {})).rejects.toThrow(/not started/);
    expect(() => queue.schedule('test-refusals', 'every tuesday-ish')).toThrow();
    expect(() => queue.schedule('test-unknown', '* * * * *')).toThrow(/no job queue named "test-unknown"/);
    await queue.start();
    await expect(queue.send('test-unknown', {})).rejects.toThrow(/no job queue named/);
    expect(() => queue.register('test-late', async () => {})).toThrow(/before the job queue starts/);
  });

  it('keeps its tables in its own schema, none in public (where every table must be a tenant table)', async () => {
    const fresh = await createTestDatabase();
    try {
      const publicBefore = await tablesIn(fresh.db, 'public');
      const queue = newQueue({ on: fresh });
      await queue.start();
      await queue.stop();
      expect(await tablesIn(fresh.db, 'public')).toEqual(publicBefore);
      const r = await sql<{ schema: string }>`
        SELECT DISTINCT n.nspname AS schema FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND c.relname IN ('job', 'queue', 'schedule', 'version')`.execute(fresh.db);
      expect(r.rows).toEqual([{ schema: JOBS_SCHEMA }]);
    } finally {
      await fresh.close();
    }
  });
});

describe('database.executeSql (the queue adapter)', () => {
  it('returns the rows of every statement of a multi-statement block', async () => {
    expect(await database.executeSql('BEGIN; SELECT 1 AS a; SELECT 2 AS b; COMMIT;')).toEqual({ rows: [{ a: 1 }, { b: 2 }] });
  });

  it('leaves the database usable after a block fails inside its transaction', async () => {
    await expect(database.executeSql('BEGIN; SELECT 1; SELECT 1/0; COMMIT;')).rejects.toThrow(/division by zero/);
    expect(await database.executeSql('SELECT $1::int AS n', [7])).toEqual({ rows: [{ n: 7 }] });
    expect((await sql<{ n: number }>`SELECT 8 AS n`.execute(database.db)).rows).toEqual([{ n: 8 }]);
  });

  it('never runs inside a transaction Kysely holds open', async () => {
    // On PGlite both share one session: the statement must wait for the commit, not join the transaction.
    let outside: Promise<unknown> | undefined;
    await database.db.transaction().execute(async (trx) => {
      await sql`CREATE TEMP TABLE tx_probe (x int) ON COMMIT DROP`.execute(trx);
      outside = database.executeSql(`SELECT to_regclass('pg_temp.tx_probe') IS NOT NULL AS visible`);
      await sql`SELECT 1`.execute(trx);
    });
    expect(await outside).toEqual({ rows: [{ visible: false }] });
  });
});
