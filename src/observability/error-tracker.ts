import { defaultStackParser, makeNodeTransport, NodeClient, Scope, type ErrorEvent } from '@sentry/node';
import type { Config } from '../config.ts';
import { scrubEvent } from './scrub.ts';
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
 * Sentry (`@sentry/node`) when SENTRY_DSN is set. A client of this app's own, not the SDK's
 * global one: no automatic instrumentation (it would record URLs, bodies and outgoing requests
 * as breadcrumbs), two apps in one process keep apart, and every event passes `scrubEvent`.
 */
export function createErrorTracker(config: Pick<Config, 'sentryDsn' | 'sentryEnvironment' | 'version'>): ErrorTracker {
  if (!config.sentryDsn) return NO_ERROR_TRACKER;
  const client = new NodeClient({
    dsn: config.sentryDsn,
    release: `clientsvia@${config.version}`,
    environment: config.sentryEnvironment,
    transport: makeNodeTransport,
    stackParser: defaultStackParser,
    integrations: [],
    maxBreadcrumbs: 0,
    beforeSend: (event: ErrorEvent) => scrubEvent(event as unknown as Record<string, unknown>) as unknown as ErrorEvent,
  });
  client.init();
  return {
    capture(err, tags) {
      const scope = new Scope();
      scope.setClient(client);
      const trace = currentTrace();
      const all: Record<string, string | undefined> = { ...tags, traceId: trace?.traceId };
      for (const [name, value] of Object.entries(all)) if (value) scope.setTag(name, value);
      scope.captureException(err);
    },
    flush: (timeoutMs) => Promise.resolve(client.flush(timeoutMs)),
  };
}
