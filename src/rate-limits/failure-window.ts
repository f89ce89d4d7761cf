import type { CounterStore } from './counters.ts';

export interface FailureWindow {
  /** Whether `key` has failed `max` times in its current window. */
  blocked(key: string): Promise<boolean>;
  fail(key: string): Promise<void>;
}

/**
 * Failures per key (a client address) in fixed windows, counted in the shared counters under
 * `name`: once a key has failed `max` times in its window it is refused until the window ends,
 * by every app process alike.
 */
export function createFailureWindow(counters: CounterStore, name: string, { max, windowMs }: { max: number; windowMs: number }): FailureWindow {
  const keyOf = (key: string) => `${name}:${key}`;
  return {
    blocked: async (key) => ((await counters.peek(keyOf(key)))?.hits ?? 0) >= max,
    fail: async (key) => void (await counters.hit(keyOf(key), windowMs)),
  };
}
