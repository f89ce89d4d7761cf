import type { Config } from '../config.ts';
import type { SentryClient } from './sentry-client.ts';
import { currentTrace } from './trace.ts';

/** Ids that say where an error happened; never personal data. */
export interface ErrorTags {
  requestId?: string | undefined;
  companyId?: string | undefined;
  route?: string | undefined;
  job?: string | undefined;
  jobId?: string | undefined;
}

/** Where unexpected errors are reported; the code that catches them knows only this. */
export interface ErrorTracker {
  capture(err: unknown, tags: ErrorTags): void;
  /** Sends what is queued, waiting at most `timeoutMs` (shutdown, tests). */
  flush(timeoutMs: number): Promise<boolean>;
}

export const NO_ERROR_TRACKER: ErrorTracker = { capture: () => {}, flush: async () => true };

/**
 * Sentry (`@sentry/node`) when SENTRY_DSN is set, else nothing. The SDK is loaded only then,
 * in the background: importing it takes seconds, which a process without Sentry never pays.
 * Errors caught while it loads are sent once it has.
 */
export function createErrorTracker(config: Pick<Config, 'sentryDsn' | 'sentryEnvironment' | 'version'>, logger: { warn(obj: object, msg: string): void }): ErrorTracker {
  const { sentryDsn } = config;
  if (!sentryDsn) return NO_ERROR_TRACKER;
  const client: Promise<SentryClient | null> = import('./sentry-client.ts').then(
    (m) => m.createSentryClient({ ...config, sentryDsn }),
    (err: unknown) => {
      logger.warn({ err }, 'error reporting is off: the Sentry SDK could not be loaded');
      return null;
    },
  );
  let sent: Promise<unknown> = Promise.resolve();
  return {
    capture(err, tags) {
      // Read now: the trace is that of the request or job being reported.
      const all = { ...tags, traceId: currentTrace()?.traceId };
      sent = Promise.all([sent, client]).then(([, c]) => c?.capture(err, all));
    },
    async flush(timeoutMs) {
      const c = await client;
      await sent.catch(() => {});
      return c ? c.flush(timeoutMs) : true;
    },
  };
}
