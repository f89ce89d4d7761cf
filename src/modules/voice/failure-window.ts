/**
 * Counts failures per key (a client address) in fixed windows: once a key has failed `max`
 * times in its window it is refused until the window ends. Memory is bounded by `maxKeys`
 * (the oldest key is forgotten first). Pure: the clock is injected.
 */
export interface FailureWindowOptions {
  max: number;
  windowMs: number;
  maxKeys?: number;
  now?: () => number;
}

export interface FailureWindow {
  blocked(key: string): boolean;
  fail(key: string): void;
}

export function createFailureWindow(options: FailureWindowOptions): FailureWindow {
  const { max, windowMs } = options;
  const maxKeys = options.maxKeys ?? 10_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { count: number; resetAt: number }>();

  const live = (key: string) => {
    const entry = entries.get(key);
    if (entry && entry.resetAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };

  return {
    blocked: (key) => (live(key)?.count ?? 0) >= max,
    fail(key) {
      const entry = live(key);
      if (entry) {
        entry.count++;
        return;
      }
      while (entries.size >= maxKeys) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
      entries.set(key, { count: 1, resetAt: now() + windowMs });
    },
  };
}
