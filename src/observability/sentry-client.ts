import { defaultStackParser, makeNodeTransport, NodeClient, Scope, type ErrorEvent } from '@sentry/node';
import type { Config } from '../config.ts';
import { scrubEvent } from './scrub.ts';

export interface SentryClient {
  capture(err: unknown, tags: Record<string, string | undefined>): void;
  flush(timeoutMs: number): Promise<boolean>;
}

/**
 * A Sentry client of this app's own, not the SDK's global one: no automatic instrumentation
 * (it would record URLs, bodies and outgoing requests as breadcrumbs), two apps in one process
 * keep apart, and every event passes `scrubEvent` before it leaves.
 */
export function createSentryClient(config: Pick<Config, 'sentryEnvironment' | 'version'> & { sentryDsn: string }): SentryClient {
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
      for (const [name, value] of Object.entries(tags)) if (value) scope.setTag(name, value);
      scope.captureException(err);
    },
    flush: (timeoutMs) => Promise.resolve(client.flush(timeoutMs)),
  };
}
