import { describe, expect, it } from 'vitest';
import { createFailureWindow } from './failure-window.ts';

describe('failure window', () => {
  it('refuses a key after max failures until its window ends, and no other key', () => {
    let now = 0;
    const w = createFailureWindow({ max: 3, windowMs: 1000, now: () => now });
    for (let i = 0; i < 3; i++) {
      expect(w.blocked('a')).toBe(false);
      w.fail('a');
    }
    expect(w.blocked('a')).toBe(true);
    expect(w.blocked('b')).toBe(false);
    now = 1000;
    expect(w.blocked('a')).toBe(false);
  });

  it('forgets the oldest key beyond maxKeys', () => {
    const w = createFailureWindow({ max: 1, windowMs: 1000, maxKeys: 2, now: () => 0 });
    w.fail('a');
    w.fail('b');
    w.fail('c');
    expect([w.blocked('a'), w.blocked('b'), w.blocked('c')]).toEqual([false, true, true]);
  });
});
