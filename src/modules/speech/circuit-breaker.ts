/**
 * A circuit breaker per upstream credential: after `failures` consecutive failures it opens
 * and refuses calls for `cooldownMs`, so a provider that is down costs a call turn nothing.
 * Then one trial call is let through (half-open): success closes it, failure opens it again.
 * Pure: the clock is an argument.
 */
export type CircuitState = 'closed' | 'open' | 'half-open';

interface Entry {
  failures: number;
  openUntil: number;
  /** When the half-open trial started; a trial that never reports expires after a cool-down. */
  trialSince: number | null;
}

export interface CircuitBreakerOptions {
  failures: number;
  cooldownMs: number;
  now?: () => number;
}

export function createCircuitBreaker({ failures, cooldownMs, now = Date.now }: CircuitBreakerOptions) {
  const entries = new Map<string, Entry>();

  function state(id: string): CircuitState {
    const e = entries.get(id);
    if (!e || e.failures < failures) return 'closed';
    return now() < e.openUntil ? 'open' : 'half-open';
  }

  return {
    state,

    /** Whether a call may go out now. In half-open, only one trial at a time. */
    allow(id: string): boolean {
      const s = state(id);
      if (s === 'closed') return true;
      if (s === 'open') return false;
      const e = entries.get(id)!;
      if (e.trialSince !== null && now() - e.trialSince < cooldownMs) return false;
      e.trialSince = now();
      return true;
    },

    success(id: string): void {
      entries.delete(id);
    },

    /** Records a failure; true when this one opened the circuit. */
    failure(id: string): boolean {
      const e = entries.get(id) ?? { failures: 0, openUntil: 0, trialSince: null };
      e.failures += 1;
      e.trialSince = null;
      entries.set(id, e);
      if (e.failures < failures) return false;
      e.openUntil = now() + cooldownMs;
      return true;
    },
  };
}

export type CircuitBreaker = ReturnType<typeof createCircuitBreaker>;
