import { availableParallelism, loadavg } from 'node:os';
import { runLoad, type LoadResult, type Target } from './call-load.ts';
import { CALL_SCRIPTS } from './call-lines.ts';
import { startCallsApp, type SpeechMode } from './calls-app.ts';
import { signInDashboardUsers } from './dashboard-users.ts';
import { printTable, summarize } from './stats.ts';
import { num } from './knobs.ts';

/**
 * Soak: dashboard users and phone calls at once, for minutes, on one app (npm run soak; not
 * part of the tests). The real app listens on loopback, built as server.ts builds it, with the
 * demo companies seeded and its job queue running: PGlite on disk in a fresh DATA_DIR, or a
 * scratch database on the PostgreSQL server of SOAK_DATABASE_URL (dropped at the end). Two
 * worker threads drive it over HTTP (bench/call-load.ts, open loop: latency counts from each
 * request's scheduled moment): SOAK_USERS signed-in dashboard users, each reading one of its
 * company's pages every SOAK_READ_PERIOD_MS, and SOAK_CALLS concurrent calls, each speaking a
 * line every SOAK_TURN_PERIOD_MS and hanging up after SOAK_TURNS_PER_CALL turns to call again.
 * Every SOAK_PERIOD_SECONDS (a minute) it prints p50/p99 of reads and turns, errors, and the
 * process's RSS and V8 heap after a full GC (run with --expose-gc; RSS includes the two load
 * threads). At the end it judges memory: the last minutes against the second (the first is
 * warm-up); flat means neither grew more than 10 %. Exit code 1 on any error or growth.
 * Knobs [defaults]: SOAK_MINUTES [10] SOAK_USERS [100] SOAK_CALLS [100] SOAK_READ_PERIOD_MS [1000]
 * SOAK_TURN_PERIOD_MS [2000] SOAK_TURNS_PER_CALL [20] SOAK_PERIOD_SECONDS [60]
 * SOAK_SPEECH [cached]: ElevenLabs loopback stub, clips cached first; 'say': <Say> only
 * SOAK_DATABASE_URL, SOAK_LOG_LEVEL [info]
 */
const MINUTES = num('SOAK_MINUTES', 10, 1, 24 * 60);
const USERS = num('SOAK_USERS', 100, 1, 5000);
const CALLS = num('SOAK_CALLS', 100, 1, 5000);
const READ_PERIOD_MS = num('SOAK_READ_PERIOD_MS', 1000, 50, 600_000);
const TURN_PERIOD_MS = num('SOAK_TURN_PERIOD_MS', 2000, 50, 600_000);
const TURNS_PER_CALL = num('SOAK_TURNS_PER_CALL', 20, 1, 10_000);
const PERIOD_MS = num('SOAK_PERIOD_SECONDS', 60, 5, 3600) * 1000;
const SPEECH = (process.env.SOAK_SPEECH || 'cached') as SpeechMode;
if (SPEECH !== 'cached' && SPEECH !== 'say') throw new Error("SOAK_SPEECH must be 'cached' or 'say'");
const DATABASE_URL = process.env.SOAK_DATABASE_URL || undefined;
const LOG_LEVEL = process.env.SOAK_LOG_LEVEL || 'info';
/** Memory may grow this much from the second minute to the last ones and still count as flat. */
const FLAT_WITHIN = 0.1;
/** How many of the last minutes are compared with the second. */
const LAST_MINUTES = 3;

const runMs = MINUTES * PERIOD_MS;
setTimeout(() => {
  console.error(`soak exceeded its time (${MINUTES} x ${PERIOD_MS / 1000}s plus 10 minutes of setup); aborting`);
  process.exit(1);
}, runMs + 600_000).unref();

const collectGarbage = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const ms = (n: number) => (Number.isNaN(n) ? '-' : n.toFixed(1));

interface Row {
  reads: LoadResult;
  calls: LoadResult;
  rss: number;
  heap: number;
}

/** Memory now, after a full collection when --expose-gc allows it (else a noisier reading). */
function memoryNow(): { rss: number; heap: number } {
  collectGarbage?.();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed };
}

function printRow(minute: number, row: Row): void {
  const r = summarize(row.reads.turn);
  const t = summarize(row.calls.turn);
  const errors = row.reads.errors + row.calls.errors;
  console.log(
    `${String(minute).padStart(3)}  reads ${String(r.n).padStart(6)} p50 ${ms(r.p50).padStart(7)} p99 ${ms(r.p99).padStart(7)}  ` +
      `turns ${String(t.n).padStart(6)} p50 ${ms(t.p50).padStart(7)} p99 ${ms(t.p99).padStart(7)}  new calls ${String(row.calls.incoming.length).padStart(5)}  ` +
      `errors ${String(errors).padStart(4)}  rss ${mb(row.rss).padStart(7)} MB  heap ${mb(row.heap).padStart(7)} MB`,
  );
  for (const [what, res] of [['reads', row.reads], ['calls', row.calls]] as const) if (res.firstError) console.log(`     ! ${what}: ${res.errors} errors, first: ${res.firstError}`);
}

/** Growth of the last minutes over the second, the larger of RSS and heap; null if too short to judge. */
function memoryGrowth(rows: Row[]): { rss: number; heap: number } | null {
  if (rows.length < 3) return null;
  const base = rows[1]!;
  const last = rows.slice(Math.max(2, rows.length - LAST_MINUTES));
  return {
    rss: Math.max(...last.map((r) => r.rss)) / base.rss - 1,
    heap: Math.max(...last.map((r) => r.heap)) / base.heap - 1,
  };
}

async function main(): Promise<void> {
  console.log(`Setting up the soak: ${DATABASE_URL ? 'PostgreSQL server (scratch database)' : 'PGlite on disk'}, demo companies seeded, jobs running ...`);
  const subject = await startCallsApp({ databaseUrl: DATABASE_URL, logLevel: LOG_LEVEL, speech: SPEECH, pgliteOnDisk: true, env: { RATE_LIMIT_AUTH_PER_MINUTE: '100000' } });
  try {
    await subject.app.ctx.jobs.start();
    const accounts = ['owner@rapidrooter.example', 'owner@polarair.example'].map((email) => ({ email, password: subject.config.demoPassword }));
    const users = await signInDashboardUsers(subject.url, accounts, USERS);
    const calls: Target = { kind: 'calls', serverUrl: subject.url, publicUrl: subject.config.publicUrl, authToken: subject.config.twilioAuthToken!, companies: CALL_SCRIPTS, turnsPerCall: TURNS_PER_CALL };
    if (SPEECH === 'cached') await runLoad({ mode: 'prime', target: calls }).done;
    console.log(
      `Node ${process.version}, ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}; database ${subject.database.kind}; app log level ${LOG_LEVEL}; ` +
        `heap after a full GC: ${collectGarbage ? 'yes' : 'no (run with --expose-gc)'}\n` +
        `${USERS} dashboard users, a read each every ${READ_PERIOD_MS} ms; ${CALLS} calls, a turn each every ${TURN_PERIOD_MS} ms, ${TURNS_PER_CALL} turns a call; ` +
        `${MINUTES} x ${PERIOD_MS / 1000}s; latencies client-side (ms) from each request's scheduled moment\n`,
    );

    const reports: { reads: LoadResult[]; calls: LoadResult[] } = { reads: [], calls: [] };
    const rows: Row[] = [];
    // A minute is printed once both loads have reported it; the last one once both have ended
    // (what they measured after their last report belongs to it).
    const settle = (ended = false) => {
      while (rows.length < Math.min(reports.reads.length, reports.calls.length) && (ended || rows.length < MINUTES - 1)) {
        const i = rows.length;
        rows.push({ reads: reports.reads[i]!, calls: reports.calls[i]!, ...memoryNow() });
        printRow(i + 1, rows[i]!);
      }
    };
    const job = (target: Target, callers: number, periodMs: number, into: LoadResult[]) => {
      const handle = runLoad({ mode: 'open', target, callers, periodMs, warmupMs: 0, durationMs: runMs, reportEveryMs: PERIOD_MS }, (r) => {
        into.push(r);
        settle();
      });
      // What arrives after the last report is the tail of the last minute.
      return handle.done.then((rest) => {
        const last = into.at(-1);
        if (into.length < MINUTES || !last) into.push(rest);
        else Object.assign(last, { turn: [...last.turn, ...rest.turn], incoming: [...last.incoming, ...rest.incoming], errors: last.errors + rest.errors, firstError: last.firstError ?? rest.firstError });
      });
    };
    await Promise.all([job({ kind: 'reads', users }, USERS, READ_PERIOD_MS, reports.reads), job(calls, CALLS, TURN_PERIOD_MS, reports.calls)]);
    settle(true);

    const all = (pick: (r: Row) => number[]) => rows.flatMap(pick);
    const errors = rows.reduce((n, r) => n + r.reads.errors + r.calls.errors, 0);
    console.log('\nWhole run (ms)');
    const reads = summarize(all((r) => r.reads.turn));
    const turns = summarize(all((r) => r.calls.turn));
    printTable(['measure', 'n', 'p50', 'p99', 'max'], [
      ['dashboard reads', String(reads.n), ms(reads.p50), ms(reads.p99), ms(reads.max)],
      ['call turns', String(turns.n), ms(turns.p50), ms(turns.p99), ms(turns.max)],
    ]);
    const growth = memoryGrowth(rows);
    const flat = growth === null ? null : growth.rss <= FLAT_WITHIN && growth.heap <= FLAT_WITHIN;
    console.log(`errors: ${errors}`);
    console.log(
      growth === null
        ? `memory: not judged (needs at least 3 minutes: the first is warm-up, the second the reference)`
        : `memory: ${flat ? 'flat' : 'NOT flat'} within ${FLAT_WITHIN * 100} % (last ${Math.min(LAST_MINUTES, rows.length - 2)} minutes vs the second: rss ${(growth.rss * 100).toFixed(1)} %, heap ${(growth.heap * 100).toFixed(1)} %)`,
    );
    console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    if (errors > 0 || flat === false) process.exitCode = 1;
  } finally {
    await subject.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
