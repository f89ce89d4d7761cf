import { describe, expect, it } from 'vitest';
import { makeBooking, makeConfig, makeRequest, makeService, makeTechnician, slotsOf } from './factories.ts';
import { checkSlotStillFree } from './check-slot-still-free.ts';
import { findAvailableSlots } from './find-available-slots.ts';
import type { BookingConfig, ExistingBooking } from './types.ts';

const req = makeRequest;
const NOW = '2026-05-25T00:00:00Z';
const MONDAY = req('2026-06-01T04:00:00Z', '2026-06-02T04:00:00Z');
const startsOf = (config: BookingConfig, existing: ExistingBooking[], r = MONDAY) =>
  slotsOf(findAvailableSlots(config, existing, r, NOW)).map((s) => s.localStartTime);

describe('buffers', () => {
  it("keeps the new job's buffered range clear of each booking's own buffered range", () => {
    const config = makeConfig({ services: [makeService({ bufferBeforeMinutes: 30, bufferAfterMinutes: 15 })] });
    // 10:00–11:00 EDT with 0 / 30 minutes of its own buffers: blocked 10:00–11:30.
    const booked = makeBooking({ start: '2026-06-01T14:00:00Z', end: '2026-06-01T15:00:00Z', bufferAfterMinutes: 30 });
    const starts = startsOf(config, [booked]);
    // A 60-minute job ending at 08:45 + 15 is fine at 08:30? 08:30–09:30 + 15 = 09:45 ≤ 10:00: yes.
    expect(starts).toContain('08:30');
    expect(starts).not.toContain('09:00');
    // 12:00 − 30 = 11:30, exactly where the booking's buffer ends: touching is allowed.
    expect(starts).not.toContain('11:30');
    expect(starts).toContain('12:00');
  });

  it('carries buffers across midnight on round-the-clock hours', () => {
    const allDay = { start: '00:00', end: '00:00' };
    const config = makeConfig({
      weeklyHours: { monday: [allDay], tuesday: [allDay] },
      services: [makeService({ bufferBeforeMinutes: 30, slotIntervalMinutes: 30 })],
    });
    // 23:00–00:00 EDT on Monday, then an hour of travel into Tuesday.
    const booked = makeBooking({ start: '2026-06-02T03:00:00Z', end: '2026-06-02T04:00:00Z', bufferAfterMinutes: 60 });
    const slots = slotsOf(findAvailableSlots(config, [booked], req('2026-06-02T00:00:00Z', '2026-06-02T08:00:00Z'), NOW));
    // 22:00–23:00 touches the booking; the next start whose 30-minute lead-in clears 01:00 is 01:30.
    expect(slots.map((s) => `${s.localDate} ${s.localStartTime}`)).toEqual([
      '2026-06-01 20:00', '2026-06-01 20:30', '2026-06-01 21:00', '2026-06-01 21:30', '2026-06-01 22:00',
      '2026-06-02 01:30', '2026-06-02 02:00', '2026-06-02 02:30', '2026-06-02 03:00', '2026-06-02 03:30',
    ]);
  });

  it('offers a slot that runs past midnight when the hours continue into the next day', () => {
    const config = makeConfig({
      weeklyHours: { monday: [{ start: '20:00', end: '24:00' }], tuesday: [{ start: '00:00', end: '02:00' }] },
      services: [makeService({ durationMinutes: 120, slotIntervalMinutes: 60 })],
    });
    const slots = slotsOf(findAvailableSlots(config, [], req('2026-06-01T04:00:00Z', '2026-06-03T04:00:00Z'), NOW));
    expect(slots.map((s) => s.localStartTime)).toEqual(['20:00', '21:00', '22:00', '23:00', '00:00']);
    expect(slots[3]).toMatchObject({ localDate: '2026-06-01', localEndTime: '01:00', end: '2026-06-02T01:00:00-04:00' });
  });
});

describe('per-day caps', () => {
  it('counts jobs on the company-local date, not the UTC date', () => {
    const allDay = { start: '00:00', end: '00:00' };
    const config = makeConfig({
      timeZone: 'America/Chicago',
      weeklyHours: { monday: [allDay], tuesday: [allDay] },
      maxJobsPerTechnicianPerDay: 1,
    });
    // 23:00–23:30 CDT Monday is already Tuesday in UTC.
    const late = makeBooking({ start: '2026-06-02T04:00:00Z', end: '2026-06-02T04:30:00Z' });
    const slots = slotsOf(findAvailableSlots(config, [late], req('2026-06-01T05:00:00Z', '2026-06-03T05:00:00Z'), NOW));
    expect(slots.some((s) => s.localDate === '2026-06-01')).toBe(false);
    expect(slots.filter((s) => s.localDate === '2026-06-02')).toHaveLength(47);
  });

  it('drops only the technician who is full', () => {
    const config = makeConfig({ maxJobsPerTechnicianPerDay: 2, technicians: [makeTechnician({ id: 'a' }), makeTechnician({ id: 'b' })] });
    const two = [
      makeBooking({ technicianId: 'a', start: '2026-06-01T12:00:00Z', end: '2026-06-01T13:00:00Z' }),
      makeBooking({ technicianId: 'a', start: '2026-06-01T13:00:00Z', end: '2026-06-01T14:00:00Z' }),
    ];
    const slots = slotsOf(findAvailableSlots(config, two, MONDAY, NOW));
    expect(new Set(slots.flatMap((s) => s.technicianIds))).toEqual(new Set(['b']));
  });
});

describe('arrival windows', () => {
  const windows = makeConfig({
    arrivalWindows: [
      { start: '08:00', end: '12:00', capacity: 2 },
      { start: '12:00', end: '16:00', capacity: 2 },
    ],
    services: [makeService({ durationMinutes: 90 })],
  });
  const inWindow = (key: string, start: string, end: string, technicianId = 'tech-1') =>
    makeBooking({ technicianId, start, end, windowKey: key });

  it('offers one slot per window per day, starting at the window start, with its room left', () => {
    const slots = slotsOf(findAvailableSlots(windows, [], MONDAY, NOW));
    expect(slots).toHaveLength(2);
    expect(slots[0]).toMatchObject({
      start: '2026-06-01T08:00:00-04:00',
      end: '2026-06-01T12:00:00-04:00',
      arrivalWindow: { start: '08:00', end: '12:00', remaining: 2 },
      label: 'Monday, June 1, arriving between 8:00 AM and 12:00 PM EDT',
    });
  });

  it('stops offering a window once its capacity is booked', () => {
    const config = { ...windows, technicians: [makeTechnician({ id: 'a' }), makeTechnician({ id: 'b' }), makeTechnician({ id: 'c' })] };
    const one = [inWindow('2026-06-01@08:00', '2026-06-01T12:00:00Z', '2026-06-01T13:30:00Z', 'a')];
    expect(slotsOf(findAvailableSlots(config, one, MONDAY, NOW))[0]!.arrivalWindow!.remaining).toBe(1);
    const two = [...one, inWindow('2026-06-01@08:00', '2026-06-01T12:00:00Z', '2026-06-01T13:30:00Z', 'b')];
    expect(slotsOf(findAvailableSlots(config, two, MONDAY, NOW)).map((s) => s.arrivalWindow!.start)).toEqual(['12:00']);
  });

  it('needs a technician who can begin the whole job at some step inside the window', () => {
    // 13:00–15:00 EDT busy: the 12:00 window's job can still begin at 15:00 and end at 16:30.
    const busy = [makeBooking({ start: '2026-06-01T17:00:00Z', end: '2026-06-01T19:00:00Z' })];
    expect(slotsOf(findAvailableSlots(windows, busy, MONDAY, NOW)).map((s) => s.arrivalWindow!.start)).toEqual(['08:00', '12:00']);
    const check = checkSlotStillFree(windows, busy, { serviceId: 'svc-repair', zip: '10001', start: '2026-06-01T16:00:00Z' }, NOW);
    expect(check).toMatchObject({ ok: true, start: '2026-06-01T15:00:00-04:00', end: '2026-06-01T16:30:00-04:00' });
    // 12:00–17:00 EDT busy: no step of the 12:00 window begins a 90-minute job.
    const afternoon = [makeBooking({ start: '2026-06-01T16:00:00Z', end: '2026-06-01T21:00:00Z' })];
    expect(slotsOf(findAvailableSlots(windows, afternoon, MONDAY, NOW)).map((s) => s.arrivalWindow!.start)).toEqual(['08:00']);
  });

  it('books a job longer than its window when it ends inside open hours, holding the technician for the job', () => {
    // Six hours: arriving 08:00 ends 14:00; the 12:00 window's job would end after 17:00 closing.
    const long = { ...windows, services: [makeService({ durationMinutes: 360 })] };
    expect(slotsOf(findAvailableSlots(long, [], MONDAY, NOW)).map((s) => s.arrivalWindow!.start)).toEqual(['08:00']);
    const check = checkSlotStillFree(long, [], { serviceId: 'svc-repair', zip: '10001', start: '2026-06-01T12:00:00Z' }, NOW);
    expect(check).toMatchObject({ ok: true, start: '2026-06-01T08:00:00-04:00', end: '2026-06-01T14:00:00-04:00', windowEnd: '12:00' });
    // Held 08:00–14:00: a second six-hour job that day needs the other window's capacity and a free technician.
    const held = [inWindow('2026-06-01@08:00', '2026-06-01T12:00:00Z', '2026-06-01T18:00:00Z')];
    expect(slotsOf(findAvailableSlots(long, held, MONDAY, NOW))).toEqual([]);
  });

  it('offers a window only when its start is past the minimum notice', () => {
    const config = { ...windows, minNoticeMinutes: 60 };
    const slots = slotsOf(findAvailableSlots(config, [], MONDAY, '2026-06-01T11:30:00Z'));
    expect(slots.map((s) => s.arrivalWindow!.start)).toEqual(['12:00']);
  });
});
