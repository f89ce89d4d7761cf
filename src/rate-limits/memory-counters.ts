import type { Count, CounterStore } from './counters.ts';

export interface MemoryCounterOptions {
  /** Keys kept at most; beyond it the oldest window is forgotten first. */
  maxKeys?: number;
  now?: () => number;
}

/**
 * Counters in this process's memory: right where the process is the only one (PGlite locks its
 * data directory), and the fallback of the shared stores. Bounded by `maxKeys`; the clock is
 * injected.
 */
export function createMemoryCounters(options: MemoryCounterOptions = {}): CounterStore {
  const maxKeys = options.maxKeys ?? 10_000;
  const now = options.now ?? Date.now;
  const windows = new Map<string, { hits: number; endsAt: number }>();

  const live = (key: string) => {
    const w = windows.get(key);
    if (w && w.endsAt <= now()) {
      windows.delete(key);
      return undefined;
    }
    return w;
  };
  const countOf = (w: { hits: number; endsAt: number }): Count => ({ hits: w.hits, ttlMs: w.endsAt - now() });

  return {
    kind: 'memory',
    async hit(key, windowMs) {
      const w = live(key);
      if (w) {
        w.hits++;
        return countOf(w);
      }
      while (windows.size >= maxKeys) {
        const oldest = windows.keys().next();
        if (oldest.done) break;
        windows.delete(oldest.value);
      }
      const opened = { hits: 1, endsAt: now() + windowMs };
      windows.set(key, opened);
      return countOf(opened);
    },
    async peek(key) {
      const w = live(key);
      return w ? countOf(w) : null;
    },
    async sweep() {
      let n = 0;
      for (const key of [...windows.keys()]) if (!live(key)) n++;
      return n;
    },
    close: async () => windows.clear(),
  };
}
