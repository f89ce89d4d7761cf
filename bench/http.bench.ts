import { startAppUnderTest } from './app-under-test.ts';
import { startBaseline } from './baseline.ts';
import { measure, type LoadOptions, type LoadResult } from './load.ts';
import { machine, millis, reportTargets, reqs, times, type TargetRow } from './targets.ts';
import { num } from './knobs.ts';

/**
 * HTTP benchmark: the real app in-process against a bare Fastify baseline, with autocannon.
 *   BENCH_DURATION   seconds per target (default 5), after BENCH_WARMUP seconds (default 1)
 *   BENCH_CONNECTIONS concurrent connections (default 100)
 *   BENCH_WORKERS    load-generator threads (default 1; 0 = on the server's own thread)
 *   BENCH_DATABASE_URL a PostgreSQL server instead of in-memory PGlite
 *   BENCH_LOG_LEVEL  the app's log level (default info; lines go to the null device)
 */

const load: LoadOptions = {
  durationSeconds: num('BENCH_DURATION', 5, 1, 120),
  warmupSeconds: num('BENCH_WARMUP', 1, 0, 30),
  connections: num('BENCH_CONNECTIONS', 100, 1, 1000),
  workers: num('BENCH_WORKERS', 1, 0, 8),
};
const CONTACTS = 200;

// Bounded: whatever happens, the process ends.
const budgetMs = (3 * (load.durationSeconds + load.warmupSeconds) + 180) * 1000;
setTimeout(() => {
  console.error(`benchmark exceeded ${budgetMs / 1000}s; aborting`);
  process.exit(1);
}, budgetMs).unref();

const fmt = (n: number, digits = 1) => n.toFixed(digits);

function printTable(results: LoadResult[]): void {
  const [base] = results;
  if (!base) return;
  const rows = results.map((r) => [
    r.name,
    fmt(r.requestsPerSecond, 0),
    fmt(r.p50Ms),
    fmt(r.p99Ms),
    `${fmt(r.requestsPerSecond / base.requestsPerSecond, 2)}x`,
    `${fmt(r.p99Ms / Math.max(base.p99Ms, 0.001), 1)}x`,
    fmt(r.cpuUsPerRequest, 0),
    String(r.total),
    String(r.failures),
  ]);
  const header = ['target', 'req/s', 'p50 ms', 'p99 ms', 'req/s vs base', 'p99 vs base', 'main-thread CPU µs/req', 'requests', 'non-2xx/err'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

/** The issue's targets for these measurements; `postgres` raises the contacts list's aim. */
function targetRows(results: LoadResult[], postgres: boolean): TargetRow[] {
  const [base, health, contacts, availability] = results;
  if (!base || !health || !contacts || !availability) return [];
  const load = (r: LoadResult) => `${reqs(r.requestsPerSecond)}, p99 ${millis(r.p99Ms)} (${fmt(r.cpuUsPerRequest, 0)} µs CPU/req)`;
  const vs = (r: LoadResult) => `${times(r.requestsPerSecond, base.requestsPerSecond)} req/s, ${times(r.p99Ms, base.p99Ms)} p99`;
  const contactsAim = postgres ? 3000 : 1500;
  return [
    { target: 'bare Fastify GET / (baseline)', measured: load(base), goal: '', pass: null, vsBaseline: '1.00x' },
    { target: 'GET /health', measured: load(health), goal: '>= 0.5x baseline req/s', pass: health.requestsPerSecond >= 0.5 * base.requestsPerSecond, vsBaseline: vs(health) },
    {
      target: 'contacts list (signed in)',
      measured: load(contacts),
      goal: `>= ${contactsAim} req/s${postgres ? '' : ', p99 <= 100 ms'}`,
      pass: contacts.requestsPerSecond >= contactsAim && (postgres || contacts.p99Ms <= 100),
      vsBaseline: vs(contacts),
    },
    { target: 'availability over HTTP (7 days, 3 technicians)', measured: load(availability), goal: '>= 1000 req/s, p99 <= 150 ms', pass: availability.requestsPerSecond >= 1000 && availability.p99Ms <= 150, vsBaseline: vs(availability) },
  ];
}

async function main(): Promise<void> {
  const databaseUrl = process.env.BENCH_DATABASE_URL || undefined;
  const logLevel = process.env.BENCH_LOG_LEVEL || 'info';
  console.log(`Setting up: ${databaseUrl ? 'PostgreSQL server' : 'in-memory PGlite'}, 1 company, ${CONTACTS} contacts ...`);
  const started = Date.now();
  const subject = await startAppUnderTest({ databaseUrl, contacts: CONTACTS, logLevel });
  const baseline = await startBaseline();
  console.log(`Ready in ${((Date.now() - started) / 1000).toFixed(1)}s.`);
  console.log(
    `Node ${process.version}, ${machine()}, database backend: ${subject.database.kind}${databaseUrl ? '' : ' (embedded, in-memory, one connection)'}, ` +
      `app log level: ${logLevel}, ${load.connections} connections, ${load.warmupSeconds}s warm-up + ${load.durationSeconds}s per target, ` +
      `load generator on ${load.workers > 0 ? `${load.workers} worker thread(s)` : 'the main thread'}\n`,
  );

  const results: LoadResult[] = [];
  try {
    results.push(await measure('baseline: bare Fastify GET /', baseline.url, {}, load));
    results.push(await measure('GET /health', `${subject.url}/health`, {}, load));
    results.push(
      await measure(`GET /api/companies/:id/contacts?limit=20`, `${subject.url}/api/companies/${subject.companyId}/contacts?limit=20`, { cookie: subject.cookie }, load),
    );
    results.push(
      await measure(
        'GET /api/companies/:id/availability (7 days, 3 technicians)',
        `${subject.url}/api/companies/${subject.companyId}/availability?serviceId=${subject.serviceId}&zip=60614`,
        { cookie: subject.cookie },
        load,
      ),
    );
  } finally {
    await baseline.app.close();
    await subject.close();
  }
  printTable(results);
  reportTargets(`HTTP, ${databaseUrl ? 'PostgreSQL' : 'PGlite'}, ${load.connections} connections`, targetRows(results, Boolean(databaseUrl)));
  const failed = results.filter((r) => r.failures > 0);
  if (failed.length > 0) {
    console.error(`\nnon-2xx responses or errors in: ${failed.map((r) => r.name).join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
