import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Every Prometheus metric the application records, defined in one place. The code that counts
 * depends on the small interfaces below (a counter, a timing), not on prom-client or Fastify.
 * No label carries a company id, a phone number or any other unbounded value: per-company
 * figures belong to the analytics API, and a label set that grows with tenants would exhaust
 * Prometheus.
 */
export interface Count<L extends string = never> {
  inc(labels: Partial<Record<L, string>>, value?: number): void;
}
export interface Timing<L extends string = never> {
  observe(labels: Partial<Record<L, string>>, seconds: number): void;
}

export interface AppMetrics {
  /** One conversation turn on the server, engine and speech together, by engine and channel. */
  callTurnSeconds: Timing<'engine' | 'channel'>;
  /** An incoming call's webhook until its first TwiML is ready. */
  callFirstTwimlSeconds: Timing<'outcome'>;
  speechSynthesisSeconds: Timing<'outcome'>;
  speechCache: Count<'result'>;
  modelCalls: Count<'outcome'>;
  modelFallbacks: Count<'reason'>;
  bookingsCreated: Count<'source' | 'status'>;
  bookingsCancelled: Count;
  bookingSlotTaken: Count<'stage'>;
  jobsProcessed: Count<'queue'>;
  jobsFailed: Count<'queue'>;
  webhookSignatureRefusals: Count<'route'>;
  rateLimitRefusals: Count<'route'>;
  /** Rate-limit hits counted in one process because the shared counters (PostgreSQL, Redis) failed. */
  rateLimitFallbacks: Count<'store'>;
  dbTransactionSeconds: Timing<'kind' | 'outcome'>;
  httpRequestSeconds: Timing<'method' | 'route' | 'status_code'>;
}

export interface MetricsRegistry {
  registry: Registry;
  metrics: AppMetrics;
  /** Reports the database's state at each scrape (the `clientsvia_database_up` gauge). */
  watchDatabase(probe: () => Promise<boolean>): void;
}

const FAST_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
// A turn's budget is seconds (TURN_BUDGET_MS, 9 s by default; Twilio waits 15 s).
const TURN_BUCKETS = [0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 5, 7, 9, 12, 15];

/** One registry per app instance, so two apps in one process (tests) never share counts. */
export function createMetrics({ processDefaults = false }: { processDefaults?: boolean } = {}): MetricsRegistry {
  const registry = new Registry();
  // Process figures, event-loop lag included (nodejs_eventloop_lag_seconds, _p99 ...).
  if (processDefaults) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const histogram = <L extends string>(name: string, help: string, labelNames: readonly L[], buckets = FAST_BUCKETS) =>
    new Histogram<L>({ name, help, labelNames, buckets, registers });
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[] = []) => new Counter<L>({ name, help, labelNames, registers });

  let probe: (() => Promise<boolean>) | undefined;
  new Gauge({
    name: 'clientsvia_database_up',
    help: '1 when the database answered a probe at this scrape, 0 when it did not',
    registers,
    async collect() {
      if (probe) this.set((await probe().catch(() => false)) ? 1 : 0);
    },
  });

  const metrics: AppMetrics = {
    callTurnSeconds: histogram('clientsvia_call_turn_seconds', 'One conversation turn on the server (engine, speech, recording), by engine and channel', ['engine', 'channel'], TURN_BUCKETS),
    callFirstTwimlSeconds: histogram('clientsvia_call_first_twiml_seconds', 'Incoming call webhook until its first TwiML, by outcome (answered, unknown_number, suspended, apology)', ['outcome'], TURN_BUCKETS),
    speechSynthesisSeconds: histogram('clientsvia_speech_synthesis_seconds', 'ElevenLabs synthesis requests, by outcome (ok or the failure reason)', ['outcome'], TURN_BUCKETS),
    speechCache: counter('clientsvia_speech_cache_total', 'Speech clips asked for during calls, by result (hit: already stored, miss: to synthesise)', ['result']),
    modelCalls: counter('clientsvia_model_calls_total', 'Language-model turns attempted, by outcome (ok, timeout, error)', ['outcome']),
    modelFallbacks: counter('clientsvia_model_fallbacks_total', 'Turns the embedded engine answered instead of the language model, by reason (timeout, error, breaker)', ['reason']),
    bookingsCreated: counter('clientsvia_bookings_created_total', 'Bookings written, by source and status (held, confirmed)', ['source', 'status']),
    bookingsCancelled: counter('clientsvia_bookings_cancelled_total', 'Bookings cancelled'),
    bookingSlotTaken: counter('clientsvia_booking_slot_taken_total', 'Bookings refused with SLOT_TAKEN, by stage (recheck: the slot re-check under the lock; constraint: the database refused a race)', ['stage']),
    jobsProcessed: counter('clientsvia_jobs_processed_total', 'Job attempts finished (succeeded or failed), by queue', ['queue']),
    jobsFailed: counter('clientsvia_jobs_failed_total', 'Job attempts that failed (pg-boss retries them), by queue', ['queue']),
    webhookSignatureRefusals: counter('clientsvia_webhook_signature_refusals_total', 'Twilio webhooks refused for a bad or missing signature, by route', ['route']),
    rateLimitRefusals: counter('clientsvia_rate_limit_refusals_total', 'Requests answered 429 (rate limits, bad-signature floods), by route', ['route']),
    rateLimitFallbacks: counter('clientsvia_rate_limit_fallbacks_total', 'Rate-limit hits counted in this process alone because the shared counters did not answer, by store (postgres, redis)', ['store']),
    dbTransactionSeconds: histogram('clientsvia_db_transaction_seconds', 'Database transactions, by kind (tenant, platform) and outcome (commit, rollback)', ['kind', 'outcome']),
    httpRequestSeconds: histogram('http_request_duration_seconds', 'HTTP request duration in seconds, by method, route and status code', ['method', 'route', 'status_code']),
  };
  return { registry, metrics, watchDatabase: (p) => void (probe = p) };
}

/** For code built outside an app (CLIs, unit tests): counts into a registry nobody reads. */
export const unreadMetrics = (): AppMetrics => createMetrics().metrics;
