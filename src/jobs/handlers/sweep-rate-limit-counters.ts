import type { CounterStore } from '../../rate-limits/counters.ts';

export const SWEEP_RATE_LIMITS_JOB = 'sweep-rate-limit-counters';
/** Every five minutes: windows last a minute, so at most a few minutes' keys are ever kept. */
export const SWEEP_RATE_LIMITS_CRON = '*/5 * * * *';

/** Deletes the rows of ended rate-limit windows (PostgreSQL counters; a no-op for the others). */
export function sweepRateLimitCounters(counters: Pick<CounterStore, 'sweep'>) {
  return async (): Promise<{ swept: number }> => ({ swept: await counters.sweep() });
}
