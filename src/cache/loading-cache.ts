import { createTtlCache, type TtlCacheOptions } from './ttl-cache.ts';

/**
 * A TTL cache that loads what it misses, one load per key at a time (concurrent misses share
 * it), and never re-caches a value loaded across an invalidation. For per-company data read on
 * every call turn and changed rarely (settings): a change made in this process is seen at once
 * (`invalidate`), one made in another process within the TTL.
 */
export function createLoadingCache<V>(load: (key: string) => Promise<V>, options: TtlCacheOptions = {}) {
  const cache = createTtlCache<{ value: V }>(options);
  const loading = new Map<string, Promise<V>>();

  return {
    async get(key: string): Promise<V> {
      const hit = cache.get(key);
      if (hit) return hit.value;
      const pending = loading.get(key);
      if (pending) return pending;
      const generation = cache.generation();
      const work = load(key)
        .then((value) => {
          cache.set(key, { value }, generation);
          return value;
        })
        .finally(() => loading.delete(key));
      loading.set(key, work);
      return work;
    },

    invalidate(key: string): void {
      cache.delete(key);
      loading.delete(key);
    },

    /** Every key is loaded again on next use. */
    clear(): void {
      cache.clear();
      loading.clear();
    },
  };
}

export type LoadingCache<V> = ReturnType<typeof createLoadingCache<V>>;
