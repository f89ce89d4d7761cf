import { parentPort, workerData } from 'node:worker_threads';
import { setTimeout as sleep } from 'node:timers/promises';
import { createSimulatedCall, type CallStep, type SimulatedCall, type WebhookTransport } from '../src/cli/call/simulated-call.ts';
import type { LoadJob, LoadResult, Target } from './call-load.ts';

/** The load generator's thread: see call-load.ts. */
const job = workerData as LoadJob;
const REQUEST_TIMEOUT_MS = 10_000;

const fresh = (): LoadResult => ({ turn: [], incoming: [], status: [], late: 0, timerLag: [], restarts: 0, errors: 0, firstError: null, nextKinds: {}, measuredMs: 0 });
let result = fresh();
let measureFrom = Number.POSITIVE_INFINITY;
let measureTo = Number.POSITIVE_INFINITY;
const measured = (t: number) => t >= measureFrom && t < measureTo;

function fail(message: string): void {
  result.errors++;
  result.firstError ??= message;
}

function transportTo(target: Extract<Target, { kind: 'calls' }>): WebhookTransport {
  return {
    async post(url, params, signature) {
      // Signed over the public URL, as Twilio signs; sent to where the app listens.
      const to = url.startsWith(target.publicUrl) ? `${target.serverUrl}${url.slice(target.publicUrl.length)}` : url;
      const res = await fetch(to, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
        body: new URLSearchParams(params).toString(),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      return { status: res.status, body: await res.text() };
    },
  };
}

/** One phone line: a caller who keeps calling the same company, asking its lines in turn. */
function callerOf(target: Target, index: number, fromNumber: () => string) {
  if (target.kind !== 'calls') {
    // A GET each time: the bare baseline, or the next of a dashboard user's reads.
    const user = target.kind === 'reads' ? target.users[index % target.users.length]! : { cookie: '', urls: [target.url] };
    let next = 0;
    return {
      async act(): Promise<{ kind: 'turn' | 'incoming'; ok: boolean; step?: CallStep }> {
        const url = user.urls[next++ % user.urls.length]!;
        const res = await fetch(url, { headers: user.cookie ? { cookie: user.cookie } : {}, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
        await res.arrayBuffer();
        if (res.status !== 200) fail(`${target.kind === 'reads' ? `GET ${new URL(url).pathname}` : 'baseline'} answered ${res.status}`);
        return { kind: 'turn', ok: res.status === 200 };
      },
      end(): void {},
    };
  }
  const transport = transportTo(target);
  const company = target.companies[index % target.companies.length]!;
  let line = Math.floor(index / target.companies.length);
  let call: SimulatedCall | null = null;
  let turns = 0;

  const check = (step: CallStep, what: string) => {
    if (step.status !== 200) fail(`${what} answered HTTP ${step.status}: ${step.raw.slice(0, 160)}`);
    return step.status === 200;
  };

  /** Twilio reports the end of a call right after it: the status callback, timed on its own. */
  function hangUp(ended: SimulatedCall): void {
    const started = performance.now();
    ended.hangUp().then(
      (status) => {
        if (status !== 204 && status !== 200) fail(`status callback answered HTTP ${status}`);
        else if (measured(started)) result.status.push(performance.now() - started);
      },
      (err: unknown) => fail(`status callback: ${String(err)}`),
    );
  }

  return {
    async act(): Promise<{ kind: 'turn' | 'incoming'; ok: boolean; step?: CallStep }> {
      if (call?.listening && target.turnsPerCall !== undefined && turns >= target.turnsPerCall) {
        // The caller has heard enough and hangs up; the next act is a new call.
        hangUp(call);
        call = null;
      }
      if (!call?.listening) {
        turns = 0;
        call = createSimulatedCall({ publicUrl: target.publicUrl, authToken: target.authToken, transport, from: fromNumber(), to: company.to });
        const step = await call.start();
        return { kind: 'incoming', ok: check(step, 'incoming call'), step };
      }
      const text = company.lines[line++ % company.lines.length]!;
      const step = await call.say(text);
      turns++;
      const ok = check(step, `turn "${text}"`);
      if (!call.listening) {
        result.restarts++;
        hangUp(call);
      }
      return { kind: 'turn', ok, step };
    },
    /** For the incoming-call mode: the call ends right after its greeting. */
    end(): void {
      if (call) hangUp(call);
      call = null;
    },
  };
}

function record(kind: 'turn' | 'incoming', started: number, ms: number, step: CallStep | undefined): void {
  if (!measured(started)) return;
  result[kind].push(ms);
  if (kind === 'turn' && step) result.nextKinds[step.next.kind] = (result.nextKinds[step.next.kind] ?? 0) + 1;
}

async function actSafely(caller: ReturnType<typeof callerOf>): Promise<{ kind: 'turn' | 'incoming'; ok: boolean; step?: CallStep }> {
  try {
    return await caller.act();
  } catch (err) {
    fail(String((err as Error)?.cause ?? err));
    return { kind: 'turn', ok: false };
  }
}

function startClock(warmupMs: number, durationMs: number): number {
  const t0 = performance.now();
  measureFrom = t0 + warmupMs;
  measureTo = measureFrom + durationMs;
  setTimeout(() => parentPort!.postMessage({ type: 'measuring' }), warmupMs);
  return t0;
}

async function sleepUntil(t: number): Promise<void> {
  const wait = t - performance.now();
  if (wait > 0) await sleep(wait);
  // Timers may fire a fraction of a millisecond early (the loop's cached clock).
  while (performance.now() < t) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Each caller acts every period; latency from the scheduled moment (no coordinated omission). */
async function openLoop(j: Extract<LoadJob, { mode: 'open' }>): Promise<void> {
  const t0 = startClock(j.warmupMs, j.durationMs);
  await Promise.all(
    Array.from({ length: j.callers }, async (_, i) => {
      const caller = callerOf(j.target, i, () => `+1312555${String(3000 + i).padStart(4, '0')}`);
      for (let due = t0 + (i * j.periodMs) / j.callers; due < measureTo; due += j.periodMs) {
        const behind = performance.now() > due;
        await sleepUntil(due);
        const sent = performance.now();
        if (behind) result.late++;
        else if (measured(due)) result.timerLag.push(sent - due);
        const r = await actSafely(caller);
        if (r.ok) record(r.kind, due, performance.now() - due, r.step);
      }
    }),
  );
}

/**
 * Each caller acts again as soon as the answer arrives. Every call is answered (its first
 * webhook) before the clock starts, so the window measures calls in progress, not a crowd of
 * calls all ringing at once.
 */
async function closedLoop(j: Extract<LoadJob, { mode: 'closed' }>): Promise<void> {
  const callers = Array.from({ length: j.callers }, (_, i) => callerOf(j.target, i, () => `+1312555${String(3000 + i).padStart(4, '0')}`));
  await Promise.all(callers.map((caller) => actSafely(caller)));
  startClock(j.warmupMs, j.durationMs);
  await Promise.all(
    callers.map(async (caller) => {
      while (performance.now() < measureTo) {
        const started = performance.now();
        const r = await actSafely(caller);
        // Counted when the answer arrives inside the window.
        const ended = performance.now();
        if (r.ok && measured(ended)) {
          result[r.kind].push(ended - started);
          if (r.kind === 'turn' && r.step) result.nextKinds[r.step.next.kind] = (result.nextKinds[r.step.next.kind] ?? 0) + 1;
        }
      }
    }),
  );
}

/** New calls at a fixed rate, each from a new caller: the greeting, then the call ends. */
async function incoming(j: Extract<LoadJob, { mode: 'incoming' }>): Promise<void> {
  const t0 = startClock(j.warmupMs, j.durationMs);
  const interval = 1000 / j.ratePerSecond;
  const pending: Promise<void>[] = [];
  let n = 0;
  for (let due = t0; due < measureTo; due += interval) {
    await sleepUntil(due);
    const caller = callerOf(j.target, n, () => `+1312556${String(n % 10_000).padStart(4, '0')}`);
    n++;
    pending.push(
      actSafely(caller).then((r) => {
        if (r.ok) record(r.kind, due, performance.now() - due, r.step);
        caller.end();
      }),
    );
  }
  await Promise.all(pending);
}

/** Every line of every company once, one call per company (fills the speech cache). */
async function prime(j: Extract<LoadJob, { mode: 'prime' }>): Promise<void> {
  if (j.target.kind !== 'calls') return;
  measureFrom = 0;
  measureTo = Number.POSITIVE_INFINITY;
  const { target } = j;
  await Promise.all(
    target.companies.map(async (company, i) => {
      const one: Target = { ...target, companies: [company] };
      const caller = callerOf(one, 0, () => `+1312555${String(1990 + i).padStart(4, '0')}`);
      for (let k = 0; k <= company.lines.length + 1; k++) {
        const started = performance.now();
        const r = await actSafely(caller);
        if (r.ok) record(r.kind, started, performance.now() - started, r.step);
      }
    }),
  );
}

const started = performance.now();
let reporter: NodeJS.Timeout | undefined;
if (job.mode === 'open' && job.reportEveryMs) {
  const every = job.reportEveryMs;
  reporter = setInterval(() => {
    parentPort!.postMessage({ type: 'report', result: { ...result, measuredMs: every } });
    result = fresh();
  }, every);
}
if (job.mode === 'open') await openLoop(job);
else if (job.mode === 'closed') await closedLoop(job);
else if (job.mode === 'incoming') await incoming(job);
else await prime(job);
clearInterval(reporter);
// Let the last status callbacks land.
await sleep(50);
result.measuredMs = job.mode === 'prime' ? performance.now() - started : job.durationMs;
parentPort!.postMessage({ type: 'done', result });
