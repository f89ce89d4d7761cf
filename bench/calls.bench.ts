import { availableParallelism, cpus, loadavg } from 'node:os';
import { startBaseline } from './baseline.ts';
import { runLoad, type LoadJob, type LoadResult, type Target } from './call-load.ts';
import { CALL_SCRIPTS, POLAR_AIR, RAPID_ROOTER } from './call-lines.ts';
import { startCallsApp, type CallsAppUnderTest, type SpeechMode } from './calls-app.ts';
import { serverTurnTimings } from './call-turn-timings.ts';
import { printTable, summarize, type Summary } from './stats.ts';
import { millis, reportTargets, times } from './targets.ts';
import { num } from './knobs.ts';

/**
 * Phone-call benchmark: the real app on a loopback port, the embedded engine (no LLM_BASE_URL),
 * the demo companies seeded, Twilio's webhooks driven over HTTP with keep-alive from a worker
 * thread, signed and followed as Twilio does (see call-load.ts). Reports
 *   1. turn latency with BENCH_CALLS_CALLERS calls each speaking every BENCH_CALLS_PERIOD_MS
 *      (open loop), client side on loopback and the server's own time, plus the call_turns
 *      engine_ms / speech_ms columns;
 *   2. the peak turns per second (closed loop, callers doubled until throughput stops rising);
 *   3. an incoming call to its first TwiML;
 *   4. the number lookup in process, cached and uncached;
 *   5. a bare Fastify route (bench/baseline.ts) under the same schedules, for ratios.
 * Knobs (defaults in brackets):
 *   BENCH_CALLS_CALLERS [100]  BENCH_CALLS_PERIOD_MS [2000]  BENCH_CALLS_DURATION [20] s  BENCH_CALLS_WARMUP [3] s
 *   BENCH_CALLS_INCOMING_RATE [10] new calls/s for BENCH_CALLS_INCOMING_SECONDS [8]
 *   BENCH_CALLS_STEP_SECONDS [3] per closed-loop step, up to BENCH_CALLS_MAX_CONCURRENCY [256]
 *   BENCH_CALLS_SPEECH [cached]: 'cached' = ElevenLabs loopback stub, every clip synthesised once
 *     before measuring (the ElevenLabs company plays cached clips, the other speaks with <Say>);
 *     'say' = no ElevenLabs key, every turn <Say>
 *   BENCH_DATABASE_URL a PostgreSQL server instead of in-memory PGlite; BENCH_LOG_LEVEL [info]
 */

const CALLERS = num('BENCH_CALLS_CALLERS', 100, 1, 2000);
const PERIOD_MS = num('BENCH_CALLS_PERIOD_MS', 2000, 50, 60_000);
const DURATION_S = num('BENCH_CALLS_DURATION', 20, 1, 300);
const WARMUP_S = num('BENCH_CALLS_WARMUP', 3, 0, 60);
const INCOMING_RATE = num('BENCH_CALLS_INCOMING_RATE', 10, 1, 2000);
const INCOMING_S = num('BENCH_CALLS_INCOMING_SECONDS', 8, 1, 120);
const STEP_S = num('BENCH_CALLS_STEP_SECONDS', 3, 1, 60);
const MAX_CONCURRENCY = num('BENCH_CALLS_MAX_CONCURRENCY', 256, 1, 4096);
const SPEECH = (process.env.BENCH_CALLS_SPEECH || 'cached') as SpeechMode;
if (SPEECH !== 'cached' && SPEECH !== 'say') throw new Error("BENCH_CALLS_SPEECH must be 'cached' or 'say'");
const BASELINE_OPEN_S = 4;
const LOOKUPS_CACHED = 20_000;
const LOOKUPS_UNCACHED = 500;
const P99_AIM_MS = 20;
const PEAK_AIM = 500;
const INCOMING_P99_AIM_MS = 20;

// Bounded: whatever happens, the process ends.
const steps = Math.ceil(Math.log2(MAX_CONCURRENCY)) + 1;
const budgetMs = (60 + WARMUP_S + DURATION_S + BASELINE_OPEN_S + 1 + INCOMING_S + 1 + (STEP_S + 0.5) * steps + 2 * (STEP_S + 0.5) + 30) * 1000;
setTimeout(() => {
  console.error(`calls benchmark exceeded ${Math.round(budgetMs / 1000)}s; aborting`);
  process.exit(1);
}, budgetMs).unref();

const ms = (n: number) => (Number.isNaN(n) ? '-' : n < 1 ? n.toFixed(3) : n.toFixed(1));
const ratio = (a: number, b: number) => (Number.isNaN(a) || Number.isNaN(b) || b <= 0 ? '-' : `${(a / b).toFixed(1)}x`);

async function timeLookups(subject: CallsAppUnderTest): Promise<{ cached: Summary; uncached: Summary }> {
  const { phoneNumbers } = subject.app.ctx.services;
  const numbers = [RAPID_ROOTER, POLAR_AIR];
  const time = async (n: number, before?: () => void) => {
    const samples = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      before?.();
      const t = performance.now();
      const route = await phoneNumbers.lookup(numbers[i % 2]!);
      samples[i] = performance.now() - t;
      if (!route) throw new Error(`no company answers ${numbers[i % 2]}`);
    }
    return summarize(samples);
  };
  await time(200, () => phoneNumbers.invalidate());
  const uncached = await time(LOOKUPS_UNCACHED, () => phoneNumbers.invalidate());
  await time(1000);
  const cached = await time(LOOKUPS_CACHED);
  return { cached, uncached };
}

/** Runs a load job; while it measures, the app's own timings are collected for the same window. */
async function measure(subject: CallsAppUnderTest | null, job: LoadJob): Promise<{ load: LoadResult; server: Map<string, number[]>; from: Date }> {
  const handle = runLoad(job);
  let from = new Date();
  void handle.measuring.then(() => {
    from = new Date();
    subject?.serverTimes.clear();
  });
  const load = await handle.done;
  const server = new Map(subject?.serverTimes ?? []);
  subject?.serverTimes.clear();
  return { load, server, from };
}

function checkErrors(name: string, r: LoadResult): void {
  if (r.errors > 0) {
    console.error(`  ! ${name}: ${r.errors} errors, first: ${r.firstError}`);
    process.exitCode = 1;
  }
}

async function main(): Promise<void> {
  const databaseUrl = process.env.BENCH_DATABASE_URL || undefined;
  const logLevel = process.env.BENCH_LOG_LEVEL || 'info';
  console.log(`Setting up calls benchmark: ${databaseUrl ? 'PostgreSQL server' : 'in-memory PGlite'}, demo companies seeded ...`);
  const started = Date.now();
  const subject = await startCallsApp({ databaseUrl, logLevel, speech: SPEECH });
  const baseline = await startBaseline();
  console.log(`Ready in ${((Date.now() - started) / 1000).toFixed(1)}s.`);
  console.log(
    `Node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n` +
      `database: ${subject.database.kind}${databaseUrl ? '' : ' (embedded, in-memory, one connection)'}, engine: embedded, ` +
      `speech: ${SPEECH === 'cached' ? 'ElevenLabs loopback stub, clips cached before measuring (Polar Air speaks with <Say> by its settings)' : '<Say> (no ElevenLabs key)'}, ` +
      `app log level: ${logLevel}\n` +
      `load: one worker thread, HTTP/1.1 keep-alive over loopback; latencies are client-side (request sent to answer read) unless marked server\n`,
  );

  const calls: Target = { kind: 'calls', serverUrl: subject.url, publicUrl: subject.config.publicUrl, authToken: subject.config.twilioAuthToken!, companies: CALL_SCRIPTS };
  const bare: Target = { kind: 'baseline', url: baseline.url };
  try {
    console.log('number lookup (in process, idle server) ...');
    const lookups = await timeLookups(subject);

    console.log('priming: every line once per company (fills the speech cache) ...');
    const primed = await measure(subject, { mode: 'prime', target: calls });
    checkErrors('priming', primed.load);
    const stubBefore = subject.speechStub?.requests.length ?? 0;

    console.log(`open loop: baseline, ${CALLERS} clients each every ${PERIOD_MS} ms, ${BASELINE_OPEN_S}s ...`);
    const baseOpen = await measure(null, { mode: 'open', target: bare, callers: CALLERS, periodMs: PERIOD_MS, warmupMs: 500, durationMs: BASELINE_OPEN_S * 1000 });
    checkErrors('baseline open loop', baseOpen.load);

    console.log(`open loop: ${CALLERS} calls, each caller speaking every ${PERIOD_MS} ms, ${WARMUP_S}s warm-up + ${DURATION_S}s ...`);
    const open = await measure(subject, { mode: 'open', target: calls, callers: CALLERS, periodMs: PERIOD_MS, warmupMs: WARMUP_S * 1000, durationMs: DURATION_S * 1000 });
    checkErrors('calls open loop', open.load);
    const stubMisses = (subject.speechStub?.requests.length ?? 0) - stubBefore;
    const columns = await serverTurnTimings(subject, open.from);

    console.log(`incoming calls: ${INCOMING_RATE} new calls/s, 1s warm-up + ${INCOMING_S}s ...`);
    const inc = await measure(subject, { mode: 'incoming', target: calls, ratePerSecond: INCOMING_RATE, warmupMs: 1000, durationMs: INCOMING_S * 1000 });
    checkErrors('incoming calls', inc.load);

    console.log(`closed loop: concurrent callers doubled from 1 until turns/s stop rising, ${STEP_S}s each ...`);
    const sweep: { n: number; turnsPerSecond: number; p50: number; p99: number }[] = [];
    let best = { n: 0, turnsPerSecond: 0 };
    let flat = 0;
    for (let n = 1; n <= MAX_CONCURRENCY && flat < 2; n *= 2) {
      const r = await measure(subject, { mode: 'closed', target: calls, callers: n, warmupMs: 500, durationMs: STEP_S * 1000 });
      checkErrors(`closed loop ${n}`, r.load);
      const s = summarize(r.load.turn);
      const turnsPerSecond = r.load.turn.length / STEP_S;
      sweep.push({ n, turnsPerSecond, p50: s.p50, p99: s.p99 });
      console.log(`  ${String(n).padStart(4)} callers: ${turnsPerSecond.toFixed(0).padStart(6)} turns/s, p50 ${ms(s.p50)} ms, p99 ${ms(s.p99)} ms`);
      if (turnsPerSecond > best.turnsPerSecond * 1.05) {
        flat = 0;
      } else flat++;
      if (turnsPerSecond > best.turnsPerSecond) best = { n, turnsPerSecond };
    }
    const baseClosed: { n: number; rps: number }[] = [];
    for (const n of [...new Set([best.n, 64])]) {
      const r = await measure(null, { mode: 'closed', target: bare, callers: n, warmupMs: 500, durationMs: STEP_S * 1000 });
      checkErrors(`baseline closed loop ${n}`, r.load);
      baseClosed.push({ n, rps: r.load.turn.length / STEP_S });
    }

    // ---- report ----
    const b = summarize(baseOpen.load.turn);
    const turn = summarize(open.load.turn);
    const turnServer = summarize(open.server.get('/api/twilio/turn') ?? []);
    const incoming = summarize(inc.load.incoming);
    const incomingServer = summarize(inc.server.get('/api/twilio/voice') ?? []);
    const incomingUnderLoad = summarize(open.load.incoming);
    const statusCb = summarize(open.load.status);
    console.log(`\nLatency (ms; the baseline is a bare Fastify GET / under the same schedule: ${b.n} requests)`);
    const rows: string[][] = [
      ['baseline: bare Fastify GET /, open loop', `${CALLERS} / ${PERIOD_MS} ms`, String(b.n), ms(b.p50), ms(b.p99), ms(b.max), '-', '-', '1.0x', '1.0x'],
      [`turn: POST /api/twilio/turn, open loop`, `${CALLERS} / ${PERIOD_MS} ms`, String(turn.n), ms(turn.p50), ms(turn.p99), ms(turn.max), ms(turnServer.p50), ms(turnServer.p99), ratio(turn.p50, b.p50), ratio(turn.p99, b.p99)],
      ['  engine_ms (call_turns, same turns)', '', String(columns.engine.n), ms(columns.engine.p50), ms(columns.engine.p99), ms(columns.engine.max), '', '', '', ''],
      ['  speech_ms (call_turns, same turns)', '', String(columns.speech.n), ms(columns.speech.p50), ms(columns.speech.p99), ms(columns.speech.max), '', '', '', ''],
      [`incoming call -> first TwiML (POST /voice)`, `${INCOMING_RATE} new/s`, String(incoming.n), ms(incoming.p50), ms(incoming.p99), ms(incoming.max), ms(incomingServer.p50), ms(incomingServer.p99), ratio(incoming.p50, b.p50), ratio(incoming.p99, b.p99)],
      ...(incomingUnderLoad.n > 0 ? [[`incoming call, restarts during the open loop`, '', String(incomingUnderLoad.n), ms(incomingUnderLoad.p50), ms(incomingUnderLoad.p99), ms(incomingUnderLoad.max), '', '', '', '']] : []),
      ...(statusCb.n > 0 ? [[`status callback, during the open loop`, '', String(statusCb.n), ms(statusCb.p50), ms(statusCb.p99), ms(statusCb.max), '', '', '', '']] : []),
      ['number lookup, cached (in process)', 'sequential', String(lookups.cached.n), ms(lookups.cached.p50), ms(lookups.cached.p99), ms(lookups.cached.max), '', '', '', ''],
      ['number lookup, uncached (in process)', 'sequential', String(lookups.uncached.n), ms(lookups.uncached.p50), ms(lookups.uncached.p99), ms(lookups.uncached.max), '', '', '', ''],
    ];
    printTable(['measure', 'load', 'n', 'p50', 'p99', 'max', 'server p50', 'server p99', 'p50 vs base', 'p99 vs base'], rows);
    const o = open.load;
    console.log(
      `open loop: ${(o.turn.length / DURATION_S).toFixed(1)} turns/s measured; ${o.late} sends left late (previous answer still out); ` +
        `load generator timer lag p50 ${ms(summarize(o.timerLag).p50)} ms, p99 ${ms(summarize(o.timerLag).p99)} ms (counted in the client latencies); ` +
        `${o.restarts} calls ended by the agent and restarted; next steps ${JSON.stringify(o.nextKinds)}; speech cache misses while measuring: ${subject.speechStub ? stubMisses : 'n/a'}`,
    );
    console.log(`aim: turn p99 under ${P99_AIM_MS} ms -> ${turn.p99 < P99_AIM_MS ? 'met' : 'NOT met'} (client ${ms(turn.p99)} ms, server ${ms(turnServer.p99)} ms)`);
    const offered = (CALLERS * 1000) / PERIOD_MS;
    if (offered > best.turnsPerSecond) {
      console.log(`  the open loop offers ${offered.toFixed(0)} turns/s, more than the ${best.turnsPerSecond.toFixed(0)} turns/s peak below: the server is over capacity and latency is queueing`);
    }

    console.log('\nThroughput (closed loop: each caller speaks again as soon as the answer arrives)');
    const baseAtBest = baseClosed.find((x) => x.n === best.n)?.rps ?? Number.NaN;
    const baseBest = Math.max(...baseClosed.map((x) => x.rps));
    printTable(
      ['target', 'best/s', 'at concurrency', 'baseline req/s same N', 'ratio', 'baseline best req/s'],
      [[`turns (POST /api/twilio/turn)`, best.turnsPerSecond.toFixed(0), String(best.n), baseAtBest.toFixed(0), `${(best.turnsPerSecond / baseAtBest).toFixed(3)}x`, `${baseBest.toFixed(0)} (N=${baseClosed.find((x) => x.rps === baseBest)?.n})`]],
    );
    const offeredRate = `${offered.toFixed(0)} turns/s offered`;
    reportTargets(`phone calls, ${subject.database.kind}, engine embedded, speech ${SPEECH}`, [
      { target: `call turn p99 (${offeredRate})`, measured: `p99 ${millis(turn.p99)} (server ${millis(turnServer.p99)}), ${(o.turn.length / DURATION_S).toFixed(0)} turns/s`, goal: `p99 <= ${P99_AIM_MS} ms`, pass: turn.p99 <= P99_AIM_MS, vsBaseline: `${times(turn.p99, b.p99)} p99 (baseline ${millis(b.p99)})` },
      { target: 'call turns, peak (closed loop)', measured: `${best.turnsPerSecond.toFixed(0)} turns/s at ${best.n} callers`, goal: `>= ${PEAK_AIM} turns/s`, pass: best.turnsPerSecond >= PEAK_AIM, vsBaseline: `${times(best.turnsPerSecond, baseAtBest)} of baseline req/s at the same N` },
      { target: `incoming call -> first TwiML (${INCOMING_RATE} new/s)`, measured: `p99 ${millis(incoming.p99)} (server ${millis(incomingServer.p99)})`, goal: `p99 <= ${INCOMING_P99_AIM_MS} ms`, pass: incoming.p99 <= INCOMING_P99_AIM_MS, vsBaseline: `${times(incoming.p99, b.p99)} p99` },
    ]);
    // Tail latencies move with whatever else the machine runs: say what that was.
    console.log(`\nload average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (${availableParallelism()} cores; the app, the load generator and any database share them)`);
  } finally {
    await baseline.app.close();
    await subject.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
