/**
 * Availability engine benchmark: a 14-day horizon, 10 technicians, 200 existing bookings.
 * Run with `node bench/availability.bench.ts` (Node 24 strips the types). Prints p50/p99/mean
 * of findAvailableSlots and, as a same-run baseline, of expanding the weekly hours alone.
 */
import { availableParallelism, loadavg } from 'node:os';
import { makeConfig, makeService, makeTechnician } from '../src/modules/booking/engine/factories.ts';
import { findAvailableSlots } from '../src/modules/booking/engine/find-available-slots.ts';
import { parseLocalDate } from '../src/modules/booking/engine/local-date.ts';
import type { ExistingBooking, WeeklyHours } from '../src/modules/booking/engine/types.ts';
import { expandWeeklyHours } from '../src/modules/booking/engine/weekly-hours.ts';
import { createZoneClock } from '../src/modules/booking/engine/zone-clock.ts';
import { millis, reportTargets, times } from './targets.ts';

const WARMUP = 500;
const ITERATIONS = 5000;
const NOW = Date.parse('2026-06-01T11:00:00Z');
const DAY = 86_400_000;

// Deterministic pseudo-random numbers (mulberry32) so every run measures the same data.
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = [{ start: '07:00', end: '12:00' }, { start: '12:30', end: '19:00' }];
const weeklyHours: WeeklyHours = { monday: day, tuesday: day, wednesday: day, thursday: day, friday: day, saturday: [{ start: '08:00', end: '14:00' }] };
const zips = ['10001', '10002', '10003', '10004', '10005'];
const config = makeConfig({
  timeZone: 'America/New_York',
  weeklyHours,
  holidays: ['2026-06-19'],
  serviceArea: zips,
  minNoticeMinutes: 120,
  horizonDays: 14,
  maxJobsPerTechnicianPerDay: 6,
  services: [makeService({ durationMinutes: 90, slotIntervalMinutes: 30, bufferBeforeMinutes: 15, bufferAfterMinutes: 15 })],
  technicians: Array.from({ length: 10 }, (_, i) =>
    makeTechnician({
      id: `tech-${i}`,
      skills: ['plumbing', i % 2 ? 'gas' : 'drains'],
      zips: zips.filter((_, z) => (z + i) % 3 !== 0),
      ...(i % 4 === 0 ? { weeklyHours: { ...weeklyHours, monday: [{ start: '10:00', end: '19:00' }] } } : {}),
      timeOff: i === 3 ? [{ start: '2026-06-08T00:00:00Z', end: '2026-06-10T00:00:00Z' }] : [],
    }),
  ),
});

const rand = random(42);
const existing: ExistingBooking[] = Array.from({ length: 200 }, () => {
  const start = NOW + Math.floor(rand() * 14 * 48) * 30 * 60_000;
  return { technicianId: `tech-${Math.floor(rand() * 10)}`, start, end: start + 90 * 60_000, bufferBeforeMinutes: 15, bufferAfterMinutes: 15 };
});
const request = { serviceId: 'svc-repair', zip: '10002', from: NOW, to: NOW + 15 * DAY };

function measure(label: string, fn: () => unknown): { p50: number; p99: number; mean: number } {
  for (let i = 0; i < WARMUP; i++) fn();
  const samples = new Float64Array(ITERATIONS);
  for (let i = 0; i < ITERATIONS; i++) {
    const t0 = performance.now();
    fn();
    samples[i] = performance.now() - t0;
  }
  samples.sort();
  const stats = {
    p50: samples[Math.floor(ITERATIONS * 0.5)]!,
    p99: samples[Math.floor(ITERATIONS * 0.99)]!,
    mean: samples.reduce((a, b) => a + b, 0) / ITERATIONS,
  };
  console.log(`${label.padEnd(34)} p50 ${stats.p50.toFixed(3)} ms   p99 ${stats.p99.toFixed(3)} ms   mean ${stats.mean.toFixed(3)} ms`);
  return stats;
}

const first = findAvailableSlots(config, existing, request, NOW);
if (!first.ok) throw new Error(`benchmark configuration is invalid: ${first.code}`);
console.log(`availability: 14-day horizon, 10 technicians, ${existing.length} bookings -> ${first.slots.length} slots; ${ITERATIONS} iterations after ${WARMUP} warm-up`);
// Tail latencies move with whatever else the machine is running: say what that was.
console.log(`machine: ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

const firstDay = parseLocalDate('2026-06-01')!;
const baseline = measure('baseline: expand weekly hours', () => expandWeeklyHours(createZoneClock(config.timeZone), weeklyHours, firstDay, firstDay + 15, config));
const engine = measure('findAvailableSlots', () => findAvailableSlots(config, existing, request, NOW));
console.log(`ratio findAvailableSlots / baseline: p50 ${(engine.p50 / baseline.p50).toFixed(1)}x   mean ${(engine.mean / baseline.mean).toFixed(1)}x`);
reportTargets('availability engine, in process', [
  {
    target: `findAvailableSlots (14 days, 10 technicians, ${existing.length} bookings)`,
    measured: `p50 ${millis(engine.p50)}, p99 ${millis(engine.p99)}`,
    goal: '',
    pass: null,
    vsBaseline: `${times(engine.p50, baseline.p50)} p50 of expanding the weekly hours`,
  },
]);
