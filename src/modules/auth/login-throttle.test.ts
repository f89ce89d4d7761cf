import { describe, expect, it } from 'vitest';
import { clientOf, throttleKey } from './login-throttle.ts';

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
