import { Worker } from 'node:worker_threads';

/**
 * Load for the call benchmark, generated on a worker thread (the app under test keeps the main
 * thread to itself) over real HTTP with keep-alive (Node's fetch). What is driven:
 *   calls    phone calls through the Twilio webhooks, signed and followed as Twilio does
 *   baseline a bare GET, with the same schedule, for the same-run comparison
 *   reads    signed-in dashboard users, each GETting its own list of API URLs in turn
 * and how:
 *   open     `callers` each act every `periodMs` (a call speaks its next line `periodMs` after
 *            the previous one was sent, not after the answer); latency counts from the
 *            scheduled moment, so a late answer also delays (and counts against) the next one
 *   closed   `callers` each act again as soon as the answer arrives (throughput)
 *   incoming new calls at `ratePerSecond`: the first webhook only, then the status callback
 *   prime    one call per company through all its lines, one at a time (speech clips cached)
 */
export interface CompanyScript {
  to: string;
  lines: string[];
}

export interface DashboardUser {
  /** The session cookie. */
  cookie: string;
  urls: string[];
}

export type Target =
  /** `turnsPerCall`: the caller hangs up after so many turns and calls again (unset: only the agent ends a call). */
  | { kind: 'calls'; serverUrl: string; publicUrl: string; authToken: string; companies: CompanyScript[]; turnsPerCall?: number }
  | { kind: 'baseline'; url: string }
  | { kind: 'reads'; users: DashboardUser[] };

export type LoadJob =
  /** `reportEveryMs`: what was measured so far is reported (and started afresh) that often. */
  | { mode: 'open'; target: Target; callers: number; periodMs: number; warmupMs: number; durationMs: number; reportEveryMs?: number }
  | { mode: 'closed'; target: Target; callers: number; warmupMs: number; durationMs: number }
  | { mode: 'incoming'; target: Target; ratePerSecond: number; warmupMs: number; durationMs: number }
  | { mode: 'prime'; target: Target };

/** Client-side latencies in ms (loopback, request sent to answer read), measured window only. */
export interface LoadResult {
  /** /api/twilio/turn, or the baseline GET. */
  turn: number[];
  /** /api/twilio/voice: the incoming call to its first TwiML. */
  incoming: number[];
  status: number[];
  /** Open loop: sends that left later than scheduled because the previous answer was still out. */
  late: number;
  /** Open loop, the other sends: how late the generator's own timer let them leave (its lag counts in the latency). */
  timerLag: number[];
  /** Calls the agent ended (hangup or transfer), each followed by a new call. */
  restarts: number;
  /** Transport errors and non-2xx answers (of the whole run, warm-up included). */
  errors: number;
  firstError: string | null;
  /** What the agent did with the measured turns, by the TwiML's next step. */
  nextKinds: Record<string, number>;
  measuredMs: number;
}

export interface RunHandle {
  /** Resolves when the warm-up ends and measurement starts. */
  measuring: Promise<void>;
  done: Promise<LoadResult>;
}

/** `onReport` hears the periodic reports of an open job with `reportEveryMs` (done carries the rest). */
export function runLoad(job: LoadJob, onReport?: (result: LoadResult) => void): RunHandle {
  const worker = new Worker(new URL('./call-load-worker.ts', import.meta.url), { workerData: job });
  let onMeasuring!: () => void;
  const measuring = new Promise<void>((resolve) => (onMeasuring = resolve));
  const done = new Promise<LoadResult>((resolve, reject) => {
    worker.on('message', (m: { type: 'measuring' } | { type: 'report' | 'done'; result: LoadResult }) => {
      if (m.type === 'measuring') onMeasuring();
      else if (m.type === 'report') onReport?.(m.result);
      else {
        resolve(m.result);
        // Idle keep-alive sockets would keep the thread alive.
        void worker.terminate();
      }
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`load worker exited (${code}) before reporting`)));
  });
  done.finally(() => onMeasuring()).catch(() => {});
  return { measuring, done };
}
