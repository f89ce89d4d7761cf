import { describe, expect, it } from 'vitest';
import { createTtlCache } from './ttl-cache.ts';

function clockedCache(options: { ttlMs?: number; negativeTtlMs?: number; maxEntries?: number } = {}) {
  let time = 1_000;
  const cache = createTtlCache<{ companyId: string }>({ ttlMs: 30_000, negativeTtlMs: 5_000, ...options, now: () => time });
  return { cache, advance: (ms: number) => (time += ms) };
}

describe('number cache', () => {
  it('answers from memory until the TTL passes, then misses', () => {
    const { cache, advance } = clockedCache();
    cache.set('+13125550142', { companyId: 'a' }, cache.generation());
    advance(29_999);
    expect(cache.get('+13125550142')).toEqual({ companyId: 'a' });
    advance(1);
    expect(cache.get('+13125550142')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('remembers that nobody owns a number, for a shorter time', () => {
    const { cache, advance } = clockedCache();
    cache.set('+13125550142', null, cache.generation());
    expect(cache.get('+13125550142')).toBeNull();
    advance(5_000);
    expect(cache.get('+13125550142')).toBeUndefined();
  });

  it('never holds more than its bound, dropping the oldest entries first', () => {
    const { cache } = clockedCache({ maxEntries: 3 });
    for (const n of ['1', '2', '3', '4', '5']) cache.set(n, { companyId: n }, cache.generation());
    expect(cache.size).toBe(3);
    expect(cache.get('1')).toBeUndefined();
    expect(cache.get('2')).toBeUndefined();
    expect(cache.get('5')).toEqual({ companyId: '5' });
  });

  it("drops one company's entries, or all of them", () => {
    const { cache } = clockedCache();
    cache.set('1', { companyId: 'a' }, cache.generation());
    cache.set('2', { companyId: 'b' }, cache.generation());
    cache.set('3', null, cache.generation());
    cache.deleteWhere((v) => v.companyId === 'a');
    expect(cache.get('1')).toBeUndefined();
    expect(cache.get('2')).toEqual({ companyId: 'b' });
    expect(cache.get('3')).toBeNull();
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it('does not store an answer read before an invalidation', () => {
    const { cache } = clockedCache();
    const before = cache.generation();
    cache.delete('+13125550142');
    cache.set('+13125550142', { companyId: 'stale' }, before);
    expect(cache.get('+13125550142')).toBeUndefined();
  });
});
