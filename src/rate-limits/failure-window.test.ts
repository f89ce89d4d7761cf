import { describe, expect, it } from 'vitest';
import { createFailureWindow } from './failure-window.ts';
import { createMemoryCounters } from './memory-counters.ts';

describe('failure window', () => {
  it('refuses a key after max failures until its window ends, and no other key', async () => {
    let now = 0;
    const w = createFailureWindow(createMemoryCounters({ now: () => now }), 'test', { max: 3, windowMs: 1000 });
    for (let i = 0; i < 3; i++) {
      expect(await w.blocked('a')).toBe(false);
      await w.fail('a');
    }
    expect(await w.blocked('a')).toBe(true);
    expect(await w.blocked('b')).toBe(false);
    now = 1000;
    expect(await w.blocked('a')).toBe(false);
  });

  it('forgets the oldest key beyond maxKeys', async () => {
    const w = createFailureWindow(createMemoryCounters({ maxKeys: 2, now: () => 0 }), 'test', { max: 1, windowMs: 1000 });
    await w.fail('a');
    await w.fail('b');
    await w.fail('c');
    expect([await w.blocked('a'), await w.blocked('b'), await w.blocked('c')]).toEqual([false, true, true]);
  });

  it('keeps windows of different names apart in one store', async () => {
    const counters = createMemoryCounters({ now: () => 0 });
    const signatures = createFailureWindow(counters, 'signatures', { max: 1, windowMs: 1000 });
    const sockets = createFailureWindow(counters, 'sockets', { max: 1, windowMs: 1000 });
    await signatures.fail('a');
    expect([await signatures.blocked('a'), await sockets.blocked('a')]).toEqual([true, false]);
  });
});
