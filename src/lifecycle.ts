import type { pino } from 'pino';
import { describeKnownError } from './known-errors.ts';

export interface Lifecycle {
  /**
   * Runs one start step; what it opened is closed on the way out (in reverse order). When a
   * signal came during the step, the process stops here instead of going on starting.
   */
  step<T>(open: () => Promise<T>, close?: (opened: T) => Promise<void>): Promise<T>;
  /** The start is complete: a signal now shuts down at once. */
  running(): void;
  /** A start step failed: says why on stderr, closes what was opened and exits 1. */
  failed(err: unknown): Promise<never>;
  /** Exits with `code` once buffered log lines are handed over (waiting a bounded time). */
  exit(code: number): Promise<never>;
}

export interface LifecycleOptions {
  log: pino.Logger;
  /** SHUTDOWN_TIMEOUT_MS: the process has ended by then, whatever it waits for. */
  timeoutMs: number;
  /** Writes out buffered log lines, waiting at most this long for their reader. */
  drainLog: (withinMs: number) => Promise<void>;
}

/**
 * Start and stop of the server process. SIGTERM and SIGINT close, in reverse order of opening,
 * everything a start step opened (the HTTP server finishing in-flight requests, then the job
 * queue, then the database), then exit 0; a close that fails exits 1.
 *
 * The deadline is a timer that is *not* unref'd: whatever a close waits for, the process ends
 * by `timeoutMs` with code 1, and while closes are pending the loop cannot run dry and end
 * the process early with code 0 and half of them undone. Its last slice is kept for handing
 * the log over, since an exit that waits on a reader who stopped reading would never end.
 */
export function manageLifecycle({ log, timeoutMs, drainLog }: LifecycleOptions): Lifecycle {
  const drainMs = Math.min(1000, Math.floor(timeoutMs / 5));
  const closers: Array<() => Promise<void>> = [];
  let started = false;
  let stopRequested = false;
  let stopping: Promise<never> | undefined;
  let exiting: Promise<never> | undefined;
  let deadline: NodeJS.Timeout | undefined;

  // The first exit decides the code; the log gets the deadline's last slice.
  const exit = (code: number): Promise<never> => {
    exiting ??= (async () => {
      clearTimeout(deadline);
      await drainLog(drainMs);
      process.exit(code);
    })();
    return exiting;
  };

  const armDeadline = () => {
    deadline = setTimeout(() => {
      log.error({ timeoutMs }, 'shutdown did not finish within SHUTDOWN_TIMEOUT_MS; exiting');
      void exit(1);
    }, timeoutMs - drainMs);
  };

  const stop = (exitCode = 0): Promise<never> => {
    stopping ??= (async () => {
      let clean = true;
      for (const close of closers.reverse()) {
        try {
          await close();
        } catch (err) {
          clean = false;
          log.error({ err }, 'error during shutdown');
        }
      }
      if (clean && exitCode === 0) log.info('shut down cleanly');
      return exit(clean ? exitCode : 1);
    })();
    return stopping;
  };

  const onSignal = (signal: NodeJS.Signals) => {
    if (stopRequested) {
      log.warn({ signal, timeoutMs }, 'already shutting down');
      return;
    }
    stopRequested = true;
    armDeadline();
    if (!started) {
      log.info({ signal }, 'shutting down once the start step in progress is done');
      return;
    }
    log.info({ signal }, 'shutting down: no new connections, finishing in-flight requests');
    void stop();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  return {
    async step(open, close) {
      const opened = await open();
      if (close) closers.push(() => close(opened));
      if (stopRequested) await stop();
      return opened;
    },
    running() {
      started = true;
    },
    async failed(err) {
      // A known cause is one line; anything else is a bug and keeps its stack.
      process.stderr.write(`Failed to start: ${describeKnownError(err) ?? (err instanceof Error ? (err.stack ?? err.message) : String(err))}\n`);
      if (!stopRequested) {
        stopRequested = true;
        armDeadline();
      }
      return stop(1);
    },
    exit,
  };
}
