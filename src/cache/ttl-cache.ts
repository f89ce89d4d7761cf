/**
 * A small per-process cache keyed by string (an E.164 number, a company id): entries expire
 * after a TTL (misses after a shorter one), and the map never holds more than `maxEntries`
 * (the oldest insertion is evicted first). Pure: the clock is injected.
 *
 * `undefined` from `get` is a miss; `null` is a cached "no company owns this number".
 */
export interface TtlCacheOptions {
  ttlMs?: number;
  negativeTtlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

interface Entry<V> {
  value: V | null;
  expiresAt: number;
}

export interface TtlCache<V> {
  get(key: string): V | null | undefined;
  /**
   * Stores a value read from the database, unless an invalidation happened since
   * `generation` was taken: a read that raced a change must not re-cache the old answer.
   */
  set(key: string, value: V | null, generation: number): void;
  /** Increases on every invalidation; take it before reading the database. */
  generation(): number;
  delete(key: string): void;
  deleteWhere(matches: (value: V) => boolean): void;
  clear(): void;
  readonly size: number;
}

export function createTtlCache<V>(options: TtlCacheOptions = {}): TtlCache<V> {
  const ttlMs = options.ttlMs ?? 30_000;
  const negativeTtlMs = options.negativeTtlMs ?? 5_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry<V>>();
  let generation = 0;

  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= now()) {
        entries.delete(key);
        return undefined;
      }
      return entry.value;
    },

    set(key, value, seen) {
      if (seen !== generation || maxEntries <= 0) return;
      // Re-inserting moves the key to the end, so eviction order stays oldest-first.
      entries.delete(key);
      while (entries.size >= maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
      entries.set(key, { value, expiresAt: now() + (value === null ? negativeTtlMs : ttlMs) });
    },

    generation: () => generation,

    delete(key) {
      generation++;
      entries.delete(key);
    },

    deleteWhere(matches) {
      generation++;
      for (const [key, entry] of entries) {
        if (entry.value !== null && matches(entry.value)) entries.delete(key);
      }
    },

    clear() {
      generation++;
      entries.clear();
    },

    get size() {
      return entries.size;
    },
  };
}
