import type { JobLogger } from '../jobs/types.ts';
import { createCircuitBreaker } from '../modules/speech/circuit-breaker.ts';
import type { AppMetrics } from '../observability/metrics.ts';
import type { CounterStore } from './counters.ts';
import { createMemoryCounters } from './memory-counters.ts';

export interface FallbackOptions {
  log: Pick<JobLogger, 'warn' | 'error'>;
  metrics: Pick<AppMetrics, 'rateLimitFallbacks'>;
  /** The longest a hit waits for the shared store before this process counts it alone. */
  timeoutMs?: number;
  /** Consecutive failures that send every hit to memory for `cooldownMs`, then one is tried again. */
  failures?: number;
  cooldownMs?: number;
  now?: () => number;
}

const STORE = 'shared';

/**
 * Shared counters that neither lock everyone out nor open the gates when they fail. A hit the
 * shared store cannot count (an error, or no answer within `timeoutMs`) is counted in this
 * process's memory instead: every limit still holds per process (N processes allow up to N
 * times it), never unlimited, never a 5xx or a 429 for everyone. Each such hit is counted in
 * `clientsvia_rate_limit_fallbacks_total` (alert RateLimitCountersDown) and logged; after
 * `failures` in a row the shared store is left alone for `cooldownMs` (one error line says so),
 * so an outage costs requests no waiting.
 */
export function withLocalFallback(shared: CounterStore, options: FallbackOptions): CounterStore {
  const { log, metrics, timeoutMs = 1_000, failures = 3, cooldownMs = 5_000 } = options;
  const local = createMemoryCounters(options.now ? { now: options.now } : {});
  const breaker = createCircuitBreaker({ failures, cooldownMs, ...(options.now ? { now: options.now } : {}) });

  async function attempt<T>(op: 'hit' | 'peek', viaShared: () => Promise<T>, viaLocal: () => Promise<T>): Promise<T> {
    if (breaker.allow(STORE)) {
      try {
        const value = await within(viaShared(), timeoutMs);
        breaker.success(STORE);
        return value;
      } catch (err) {
        if (breaker.failure(STORE)) {
          log.error({ err, store: shared.kind, cooldownMs }, 'rate-limit counters unreachable: each process counts alone until they answer again');
        } else {
          log.warn({ err, store: shared.kind, op }, 'rate-limit counter failed; counted in this process');
        }
      }
    }
    metrics.rateLimitFallbacks.inc({ store: shared.kind });
    return viaLocal();
  }

  return {
    kind: shared.kind,
    hit: (key, windowMs) => attempt('hit', () => shared.hit(key, windowMs), () => local.hit(key, windowMs)),
    peek: (key) => attempt('peek', () => shared.peek(key), () => local.peek(key)),
    sweep: () => shared.sweep(),
    async close() {
      await local.close();
      await shared.close();
    },
  };
}

/** Rejects when `promise` has not settled within `ms`; its own late failure is then ignored. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  promise.catch(() => {});
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
