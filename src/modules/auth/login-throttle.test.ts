import { describe, expect, it } from 'vitest';
import { clientOf, delayAfter, THROTTLE, throttleKey } from './login-throttle.ts';

describe('login throttle schedule', () => {
  it('is free for the first attempts, then doubles up to the cap', () => {
    expect([1, 2, 3, 4].map((n) => delayAfter(n))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7].map((n) => delayAfter(n))).toEqual([60_000, 120_000, 240_000]);
    expect(delayAfter(500)).toBe(THROTTLE.maxDelayMs);
  });
});

describe('clientOf', () => {
  it('keeps IPv4 addresses (also IPv4-mapped ones) and reduces IPv6 to its /64', () => {
    expect(clientOf('203.0.113.9')).toBe('203.0.113.9');
    expect(clientOf('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(clientOf('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(clientOf('2001:0DB8:0001:0002:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(clientOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientOf('::1')).toBe('0:0:0:0::/64');
  });

  it('keys the pair under the account, case-insensitively', () => {
    const a = throttleKey('Owner@Example.com', '203.0.113.9', 's'.repeat(32));
    expect(a).toBe(throttleKey('owner@example.com', '203.0.113.9', 's'.repeat(32)));
    expect(a.split('.')[0]).toBe(throttleKey('owner@example.com', '198.51.100.1', 's'.repeat(32)).split('.')[0]);
  });
});
