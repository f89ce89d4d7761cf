import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { checkSlotStillFree } from './check-slot-still-free.ts';
import { makeConfig, makeService, makeTechnician } from './factories.ts';
import { findAvailableSlots } from './find-available-slots.ts';
import { WEEKDAYS, type BookingConfig, type ExistingBooking, type TimeRange, type WeeklyHours } from './types.ts';

// An oracle for open hours written with luxon alone (none of the engine's own conversions).
// Repeated fall-back times resolve to their earlier instant, as the engine documents.
function wallInstant(zone: string, date: string, time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const base = DateTime.fromISO(date, { zone }).plus({ days: h === 24 ? 1 : 0 });
  const dt = base.set({ hour: h % 24, minute: m });
  const earlier = dt.minus({ hours: 1 });
  return (earlier.hour === dt.hour && earlier.minute === dt.minute ? earlier : dt).toMillis();
}

function openIntervals(zone: string, hours: WeeklyHours, from: number, days: number, closed: readonly string[] = []): [number, number][] {
  const out: [number, number][] = [];
  const first = DateTime.fromMillis(from, { zone }).startOf('day').minus({ days: 1 });
  for (let i = 0; i <= days + 2; i++) {
    const date = first.plus({ days: i });
    const iso = date.toISODate()!;
    if (closed.includes(iso)) continue;
    for (const r of hours[WEEKDAYS[date.weekday - 1]!] ?? []) {
      const endDate = r.end <= r.start ? date.plus({ days: 1 }).toISODate()! : iso;
      out.push([wallInstant(zone, iso, r.start), wallInstant(zone, endDate, r.end)]);
    }
  }
  return out;
}

/** Whether [start, end) is covered by the union of the intervals. */
function covered(intervals: [number, number][], start: number, end: number): boolean {
  let reach = start;
  for (const [s, e] of [...intervals].sort((a, b) => a[0] - b[0])) if (s <= reach && e > reach) reach = e;
  return reach >= end;
}

const time = fc.integer({ min: 0, max: 47 }).map((h) => `${String(Math.floor(h / 2)).padStart(2, '0')}:${h % 2 ? '30' : '00'}`);
const range = fc.record({ start: time, end: time }).filter((r) => r.start !== r.end);
const weekly = fc.array(fc.array(range, { maxLength: 2 }), { minLength: 7, maxLength: 7 }).map((days) => {
  const hours: Record<string, TimeRange[]> = {};
  days.forEach((ranges, i) => (hours[WEEKDAYS[i]!] = ranges));
  return hours as WeeklyHours;
});
const now = fc
  .tuple(fc.constantFrom('2026-03-06T15:00:00Z', '2026-10-30T15:00:00Z', '2026-06-10T15:00:00Z'), fc.integer({ min: 0, max: 2 * 24 * 4 }))
  .map(([base, quarters]) => Date.parse(base) + quarters * 15 * 60_000);

const scenario = fc.record({
  zone: fc.constantFrom('America/New_York', 'America/Chicago', 'America/Phoenix'),
  now,
  weekly,
  onCall: fc.option(weekly, { nil: undefined }),
  emergency: fc.boolean(),
  holidayOffset: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  service: fc.record({
    durationMinutes: fc.constantFrom(30, 45, 60, 90, 120),
    slotIntervalMinutes: fc.constantFrom(15, 30, 60),
    bufferBeforeMinutes: fc.constantFrom(0, 15, 30),
    bufferAfterMinutes: fc.constantFrom(0, 15, 30),
  }),
  techHours: fc.array(fc.option(weekly, { nil: undefined }), { minLength: 1, maxLength: 3 }),
  maxJobs: fc.integer({ min: 0, max: 3 }),
  windows: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
  minNotice: fc.constantFrom(0, 60, 120),
  picks: fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 10 }),
});

describe('availability properties', () => {
  it('greedily booking offered slots never overlaps a technician, breaks a cap, overfills a window or leaves open hours', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const holiday = s.holidayOffset === undefined ? [] : [DateTime.fromMillis(s.now, { zone: s.zone }).plus({ days: s.holidayOffset }).toISODate()!];
        const service = makeService({ ...s.service, emergency: true });
        const config: BookingConfig = makeConfig({
          timeZone: s.zone,
          weeklyHours: s.weekly,
          holidays: holiday,
          minNoticeMinutes: s.minNotice,
          horizonDays: 3,
          maxJobsPerTechnicianPerDay: s.maxJobs,
          services: [service],
          technicians: s.techHours.map((h, i) => makeTechnician({ id: `t${i}`, ...(h ? { weeklyHours: h } : {}) })),
          ...(s.windows ? { arrivalWindows: [{ start: '08:00', end: '12:00', capacity: s.windows }, { start: '13:00', end: '17:00', capacity: s.windows }] } : {}),
          ...(s.onCall ? { onCall: { weeklyHours: s.onCall, serviceIds: [service.id], surchargeNote: 'extra' } } : {}),
        });
        const emergency = s.emergency && s.onCall !== undefined;
        const companyOpen = [
          ...openIntervals(s.zone, s.weekly, s.now, 4, holiday),
          ...(emergency ? openIntervals(s.zone, s.onCall!, s.now, 4) : []),
        ];
        const request = { serviceId: service.id, zip: '10001', from: s.now, to: s.now + 4 * 86_400_000, emergency };
        const existing: ExistingBooking[] = [];

        for (const [slotPick, techPick] of s.picks) {
          const result = findAvailableSlots(config, existing, request, s.now);
          if (!result.ok) throw new Error(result.code);
          for (const slot of result.slots) {
            const start = Date.parse(slot.start);
            expect(start).toBeGreaterThanOrEqual(s.now + s.minNotice * 60_000);
            expect(slot.start).toBe(DateTime.fromMillis(start, { zone: s.zone }).toISO({ suppressMilliseconds: true }));
            if (!slot.arrivalWindow) expect(covered(companyOpen, start, Date.parse(slot.end))).toBe(true);
          }
          if (result.slots.length === 0) break;
          const slot = result.slots[slotPick % result.slots.length]!;
          const technicianId = slot.technicianIds[techPick % slot.technicianIds.length]!;
          const check = checkSlotStillFree(config, existing, { ...request, start: slot.start, technicianId }, s.now);
          if (!check.ok) throw new Error(`offered slot ${slot.start} failed its re-check: ${check.code}`);
          const [jobStart, jobEnd] = [Date.parse(check.start), Date.parse(check.end)];
          expect(covered(companyOpen, jobStart, jobEnd)).toBe(true);
          const own = s.techHours[Number(technicianId.slice(1))];
          if (own) expect(covered(openIntervals(s.zone, own, s.now, 4), jobStart, jobEnd)).toBe(true);
          existing.push({ technicianId, start: check.start, end: check.end, ...s.service, ...(check.windowKey ? { windowKey: check.windowKey } : {}) });
        }

        const buffered = existing.map((b) => ({
          tech: b.technicianId,
          from: Date.parse(String(b.start)) - b.bufferBeforeMinutes * 60_000,
          to: Date.parse(String(b.end)) + b.bufferAfterMinutes * 60_000,
          day: DateTime.fromISO(String(b.start), { zone: s.zone }).toISODate(),
        }));
        for (const [i, a] of buffered.entries()) {
          for (const b of buffered.slice(i + 1)) if (a.tech === b.tech) expect(a.to <= b.from || b.to <= a.from).toBe(true);
          if (s.maxJobs > 0) expect(buffered.filter((b) => b.tech === a.tech && b.day === a.day).length).toBeLessThanOrEqual(s.maxJobs);
        }
        const perWindow = Map.groupBy(existing.filter((b) => b.windowKey), (b) => b.windowKey);
        for (const list of perWindow.values()) expect(list.length).toBeLessThanOrEqual(s.windows ?? 0);
      }),
      { numRuns: 200 },
    );
  });
});
