import { describe, expect, it } from 'vitest';
import { createCircuitBreaker } from './circuit-breaker.ts';

function breakerAt(start = 0) {
  const clock = { t: start };
  const breaker = createCircuitBreaker({ failures: 3, cooldownMs: 1000, now: () => clock.t });
  return { breaker, clock };
}

describe('circuit breaker', () => {
  it('stays closed below the failure threshold, and a success resets the count', () => {
    const { breaker } = breakerAt();
    expect(breaker.failure('k')).toBe(false);
    expect(breaker.failure('k')).toBe(false);
    breaker.success('k');
    expect(breaker.failure('k')).toBe(false);
    expect(breaker.failure('k')).toBe(false);
    expect(breaker.state('k')).toBe('closed');
    expect(breaker.allow('k')).toBe(true);
  });

  it('opens after N consecutive failures and refuses calls for the cool-down', () => {
    const { breaker, clock } = breakerAt();
    breaker.failure('k');
    breaker.failure('k');
    expect(breaker.failure('k')).toBe(true);
    expect(breaker.state('k')).toBe('open');
    expect(breaker.allow('k')).toBe(false);
    clock.t = 999;
    expect(breaker.allow('k')).toBe(false);
  });

  it('lets one trial through after the cool-down; success closes it', () => {
    const { breaker, clock } = breakerAt();
    for (let i = 0; i < 3; i++) breaker.failure('k');
    clock.t = 1000;
    expect(breaker.state('k')).toBe('half-open');
    expect(breaker.allow('k')).toBe(true);
    expect(breaker.allow('k')).toBe(false); // one trial at a time
    breaker.success('k');
    expect(breaker.state('k')).toBe('closed');
    expect(breaker.allow('k')).toBe(true);
  });

  it('opens again for a full cool-down when the trial fails', () => {
    const { breaker, clock } = breakerAt();
    for (let i = 0; i < 3; i++) breaker.failure('k');
    clock.t = 1000;
    expect(breaker.allow('k')).toBe(true);
    expect(breaker.failure('k')).toBe(true);
    clock.t = 1999;
    expect(breaker.allow('k')).toBe(false);
    clock.t = 2000;
    expect(breaker.allow('k')).toBe(true);
  });

  it('lets another trial through when one never reports back', () => {
    const { breaker, clock } = breakerAt();
    for (let i = 0; i < 3; i++) breaker.failure('k');
    clock.t = 1000;
    expect(breaker.allow('k')).toBe(true);
    clock.t = 2000;
    expect(breaker.allow('k')).toBe(true);
  });

  it('keeps keys apart', () => {
    const { breaker } = breakerAt();
    for (let i = 0; i < 3; i++) breaker.failure('a');
    expect(breaker.allow('a')).toBe(false);
    expect(breaker.allow('b')).toBe(true);
  });
});
