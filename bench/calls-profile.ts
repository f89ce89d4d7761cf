import { PGlite } from '@electric-sql/pglite';
import { runLoad } from './call-load.ts';
import { CALL_SCRIPTS } from './call-lines.ts';
import { startCallsApp } from './calls-app.ts';
import { printTable, summarize } from './stats.ts';

/**
 * Where a call turn's time goes on embedded PGlite: one caller, one turn at a time (closed
 * loop, N=1) after priming, with every statement PGlite runs counted and timed (PGlite runs on
 * the app's own thread, so its time is the app's). Prints per turn: transactions, statements,
 * time inside PGlite, and the statements that cost most. Add `--cpu-prof` to node for the rest.
 *   BENCH_PROFILE_SECONDS [5]  BENCH_PROFILE_CALLERS [1]  BENCH_CALLS_SPEECH [cached]  BENCH_DATABASE_URL
 *   BENCH_PROFILE_WHATIF=cache-config  an experiment, not a fix: the company's read-mostly
 *     configuration (company, agent and booking settings, services, voice settings, secrets,
 *     vocabulary hints) memoised in process, to see what the turn would cost without reading it
 *     from the database every turn
 */
const SECONDS = Number(process.env.BENCH_PROFILE_SECONDS || 5);
const CALLERS = Number(process.env.BENCH_PROFILE_CALLERS || 1);
const speech = process.env.BENCH_CALLS_SPEECH === 'say' ? 'say' : 'cached';

setTimeout(() => {
  console.error('profile exceeded its time budget; aborting');
  process.exit(1);
}, (SECONDS + 90) * 1000).unref();

interface Stat {
  count: number;
  ms: number;
}
const statements = new Map<string, Stat>();
let counting = false;
const shape = (sql: string) =>
  sql
    .replace(/\s+/g, ' ')
    .replace(/'[^']*'/g, "'?'")
    .replace(/\$\d+(, \$\d+)*/g, '$n')
    .trim()
    .slice(0, 110);

function instrument(name: 'query' | 'exec'): void {
  const proto = PGlite.prototype as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const original = proto[name]!;
  proto[name] = async function (this: unknown, ...args: unknown[]) {
    if (!counting) return original.apply(this, args);
    const t = performance.now();
    try {
      return await original.apply(this, args);
    } finally {
      const key = shape(String(args[0]));
      const s = statements.get(key) ?? { count: 0, ms: 0 };
      s.count++;
      s.ms += performance.now() - t;
      statements.set(key, s);
    }
  };
}
instrument('query');
instrument('exec');

const WHATIF = process.env.BENCH_PROFILE_WHATIF ?? '';
if (WHATIF !== '' && WHATIF !== 'cache-config') throw new Error("BENCH_PROFILE_WHATIF must be 'cache-config' or empty");

/** Replaces `obj[name]` by a version that remembers each resolved answer by its arguments. */
function memoise(obj: object, name: string): void {
  const target = obj as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const original = target[name]!.bind(obj);
  const seen = new Map<string, unknown>();
  target[name] = async (...args: unknown[]) => {
    const key = JSON.stringify(args);
    if (seen.has(key)) return seen.get(key);
    const value = await original(...args);
    seen.set(key, value);
    return value;
  };
}

const subject = await startCallsApp({ databaseUrl: process.env.BENCH_DATABASE_URL || undefined, logLevel: process.env.BENCH_LOG_LEVEL || 'info', speech });
if (WHATIF === 'cache-config') {
  const s = subject.app.ctx.services;
  memoise(s.companies, 'get');
  memoise(s.agentSettings, 'current');
  memoise(s.bookingConfig, 'getSettings');
  memoise(s.bookingConfig, 'listServices');
  memoise(s.voiceSettings, 'get');
  memoise(s.secrets, 'reveal');
  memoise(s.knowledge, 'vocabularyHints');
}
try {
  const target = { kind: 'calls' as const, serverUrl: subject.url, publicUrl: subject.config.publicUrl, authToken: subject.config.twilioAuthToken!, companies: CALL_SCRIPTS };
  await runLoad({ mode: 'prime', target }).done;
  const handle = runLoad({ mode: 'closed', target, callers: CALLERS, warmupMs: 1000, durationMs: SECONDS * 1000 });
  await handle.measuring;
  subject.serverTimes.clear();
  counting = true;
  const result = await handle.done;
  counting = false;
  const requests = [...subject.serverTimes.values()].reduce((n, l) => n + l.length, 0);
  const turns = subject.serverTimes.get('/api/twilio/turn')?.length ?? 0;
  const server = summarize(subject.serverTimes.get('/api/twilio/turn') ?? []);
  const all = [...statements.entries()].sort((a, b) => b[1].ms - a[1].ms);
  const total = all.reduce((acc, [, s]) => ({ count: acc.count + s.count, ms: acc.ms + s.ms }), { count: 0, ms: 0 });
  const begins = statements.get('BEGIN')?.count ?? statements.get('begin')?.count ?? 0;
  console.log(`${subject.database.kind}${WHATIF ? ` [what-if: ${WHATIF}]` : ''}, ${CALLERS} caller(s), ${SECONDS}s: ${turns} turns (${requests} webhooks), ${(turns / SECONDS).toFixed(1)} turns/s, ${result.errors} errors`);
  console.log(`server time per turn: p50 ${server.p50.toFixed(1)} ms, p99 ${server.p99.toFixed(1)} ms`);
  if (subject.database.kind !== 'pglite') {
    console.log('statements are counted on PGlite only (it runs in this process); use --cpu-prof for the app thread');
  } else {
    console.log(`per webhook: ${(begins / requests).toFixed(1)} transactions, ${(total.count / requests).toFixed(1)} statements, ${(total.ms / requests).toFixed(1)} ms inside PGlite\n`);
    printTable(
      ['statement (shape)', 'per webhook', 'ms per webhook', 'ms each'],
      all.slice(0, 40).map(([sql, s]) => [sql, (s.count / requests).toFixed(2), (s.ms / requests).toFixed(2), (s.ms / s.count).toFixed(3)]),
    );
  }
} finally {
  await subject.close();
}
