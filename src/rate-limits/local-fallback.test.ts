import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../test/helpers/free-port.ts';
import { createMetrics } from '../observability/metrics.ts';
import { withLocalFallback } from './local-fallback.ts';
import { createRedisCounters } from './redis-counters.ts';

// A Redis nobody runs: every command is refused at once, as during a real outage.
const down = createRedisCounters(`redis://127.0.0.1:${await freePort()}`);
afterAll(() => down.close());

function setUp() {
  let now = 0;
  const lines: { level: 'warn' | 'error'; msg: string }[] = [];
  const line = (level: 'warn' | 'error') => (first: unknown, msg?: string) => void lines.push({ level, msg: msg ?? String(first) });
  const log = { warn: line('warn'), error: line('error') };
  const telemetry = createMetrics();
  const counters = withLocalFallback(down, { log, metrics: telemetry.metrics, failures: 3, cooldownMs: 5_000, now: () => now });
  const fallbacks = async () => (await telemetry.registry.getSingleMetric('clientsvia_rate_limit_fallbacks_total')!.get()).values.find((v) => v.labels.store === 'redis')?.value ?? 0;
  return { counters, lines, fallbacks, advance: (ms: number) => void (now += ms) };
}

describe('shared counters that fail', () => {
  it('are replaced by this process counting alone: every limit still holds, and each such hit is counted', async () => {
    const { counters, fallbacks } = setUp();
    const hits = [];
    for (let i = 0; i < 5; i++) hits.push((await counters.hit('ip:203.0.113.9', 60_000)).hits);
    expect(hits).toEqual([1, 2, 3, 4, 5]);
    expect((await counters.peek('ip:203.0.113.9'))?.hits).toBe(5);
    expect(await fallbacks()).toBe(6);
  });

  it('are left alone for the cool-down after three failures in a row, which one error line says, then tried again', async () => {
    const { counters, lines, advance } = setUp();
    for (let i = 0; i < 10; i++) await counters.hit('ip:203.0.113.10', 60_000);
    expect(lines.map((l) => l.level)).toEqual(['warn', 'warn', 'error']);
    expect(lines[2]!.msg).toMatch(/each process counts alone/);
    advance(5_000);
    // One trial after the cool-down; it fails again, so the circuit opens again (and says so).
    expect((await counters.hit('ip:203.0.113.10', 60_000)).hits).toBe(11);
    expect(lines.map((l) => l.level)).toEqual(['warn', 'warn', 'error', 'error']);
  });
});
