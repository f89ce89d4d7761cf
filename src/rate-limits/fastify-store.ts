import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { CounterStore } from './counters.ts';

/**
 * @fastify/rate-limit's store over our counters. The plugin's global limit counts under `api:`
 * (one budget per key across every route without its own limit); a route with its own limit
 * (sign-in, the widget) gets a child that counts under its method and path.
 */
export function rateLimitStore(counters: CounterStore): FastifyRateLimitStoreCtor {
  class CountersStore implements FastifyRateLimitStore {
    readonly #prefix: string;
    // The plugin constructs the store with its options, which are of no use here.
    constructor(_options?: unknown, prefix = 'api:') {
      this.#prefix = prefix;
    }

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      counters.hit(this.#prefix + key, timeWindow).then(
        (count) => callback(null, { current: count.hits, ttl: count.ttlMs }),
        (err: Error) => callback(err),
      );
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      // At run time the plugin passes the route's merged limit settings, the route in `routeInfo`.
      const route = (routeOptions as unknown as { routeInfo: { method: string | string[]; url: string } }).routeInfo;
      return new CountersStore(undefined, `route:${String(route.method)}:${route.url}:`);
    }
  }
  return CountersStore;
}
