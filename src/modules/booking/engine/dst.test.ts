import { describe, expect, it } from 'vitest';
import { makeConfig, makeRequest, makeService, slotsOf } from './factories.ts';
import { findAvailableSlots } from './find-available-slots.ts';
import type { BookingConfig, Slot } from './types.ts';

// 2026-03-08 (spring forward) and 2026-11-01 (fall back) are Sundays; the overnight range
// starts on the Saturday before.
const overnight = (timeZone: string): BookingConfig =>
  makeConfig({
    timeZone,
    weeklyHours: { saturday: [{ start: '22:00', end: '06:00' }], sunday: [{ start: '10:00', end: '12:00' }] },
    serviceArea: ['10001'],
    services: [makeService({ durationMinutes: 30, slotIntervalMinutes: 30 })],
  });

const req = makeRequest;
// Wide enough to hold the whole weekend in any US zone.
const SPRING = ['2026-03-07T12:00:00Z', '2026-03-08T20:00:00Z'] as const;
const FALL = ['2026-10-31T12:00:00Z', '2026-11-01T20:00:00Z'] as const;
const NOW_SPRING = '2026-03-01T00:00:00Z';
const NOW_FALL = '2026-10-25T00:00:00Z';
const overnightOnly = (slots: Slot[]) => slots.filter((s) => s.localStartTime >= '22:00' || s.localStartTime < '06:00');

describe('spring forward (2026-03-08)', () => {
  it.each(['America/New_York', 'America/Chicago'])('in %s an overnight 22:00–06:00 range is one hour shorter and skips 02:00–03:00', (zone) => {
    const slots = overnightOnly(slotsOf(findAvailableSlots(overnight(zone), [], req(...SPRING), NOW_SPRING)));
    expect(slots).toHaveLength(14);
    expect(slots.map((s) => s.localStartTime)).toEqual([
      '22:00', '22:30', '23:00', '23:30', '00:00', '00:30', '01:00', '01:30', '03:00', '03:30', '04:00', '04:30', '05:00', '05:30',
    ]);
    const realHours = (Date.parse(slots.at(-1)!.end) - Date.parse(slots[0]!.start)) / 3_600_000;
    expect(realHours).toBe(7);
  });

  it('carries the offset in force: -05:00 before the gap, -04:00 after it, in New York', () => {
    const slots = slotsOf(findAvailableSlots(overnight('America/New_York'), [], req(...SPRING), NOW_SPRING));
    const at = (t: string) => slots.find((s) => s.localStartTime === t)!;
    expect(at('01:30')).toMatchObject({ start: '2026-03-08T01:30:00-05:00', end: '2026-03-08T03:00:00-04:00', localEndTime: '03:00' });
    expect(at('03:00')).toMatchObject({ start: '2026-03-08T03:00:00-04:00', label: 'Sunday, March 8 at 3:00 AM EDT' });
    expect(at('22:00')).toMatchObject({ start: '2026-03-07T22:00:00-05:00', localDate: '2026-03-07', label: 'Saturday, March 7 at 10:00 PM EST' });
  });

  it('starts a range that opens inside the gap at the first instant that exists', () => {
    const config = makeConfig({ weeklyHours: { sunday: [{ start: '02:00', end: '05:00' }] }, serviceArea: ['10001'] });
    const slots = slotsOf(findAvailableSlots(config, [], req(...SPRING), NOW_SPRING));
    expect(slots.map((s) => s.start)).toEqual(['2026-03-08T03:00:00-04:00', '2026-03-08T03:30:00-04:00', '2026-03-08T04:00:00-04:00']);
  });

  it('keeps daytime slots at their local times on both sides of the change', () => {
    const config = makeConfig({ serviceArea: ['10001'] });
    const week = slotsOf(findAvailableSlots(config, [], req('2026-03-06T00:00:00Z', '2026-03-10T00:00:00Z'), NOW_SPRING));
    const firstOf = (date: string) => week.find((s) => s.localDate === date)!.start;
    expect(firstOf('2026-03-06')).toBe('2026-03-06T08:00:00-05:00');
    expect(firstOf('2026-03-09')).toBe('2026-03-09T08:00:00-04:00');
  });
});

describe('fall back (2026-11-01)', () => {
  it.each(['America/New_York', 'America/Chicago'])('in %s an overnight range is one hour longer and repeats 01:00–02:00', (zone) => {
    const slots = overnightOnly(slotsOf(findAvailableSlots(overnight(zone), [], req(...FALL), NOW_FALL)));
    expect(slots).toHaveLength(18);
    expect(slots.filter((s) => s.localStartTime === '01:30')).toHaveLength(2);
  });

  it('gives the repeated times distinct instants, each with its own offset and zone name', () => {
    const slots = slotsOf(findAvailableSlots(overnight('America/Chicago'), [], req(...FALL), NOW_FALL));
    const repeated = slots.filter((s) => s.localStartTime === '01:30');
    expect(repeated.map((s) => s.start)).toEqual(['2026-11-01T01:30:00-05:00', '2026-11-01T01:30:00-06:00']);
    expect(repeated.map((s) => s.label)).toEqual(['Sunday, November 1 at 1:30 AM CDT', 'Sunday, November 1 at 1:30 AM CST']);
    expect(Date.parse(repeated[1]!.start) - Date.parse(repeated[0]!.start)).toBe(3_600_000);
  });
});

describe('America/Phoenix (no DST)', () => {
  it.each([
    [SPRING, NOW_SPRING],
    [FALL, NOW_FALL],
  ])('has a full 8-hour overnight range on the weekend of %s', ([from, to], now) => {
    const slots = overnightOnly(slotsOf(findAvailableSlots(overnight('America/Phoenix'), [], req(from, to), now)));
    expect(slots).toHaveLength(16);
    expect(slots.every((s) => s.start.endsWith('-07:00') && s.label.endsWith('MST'))).toBe(true);
  });
});

describe('on-call hours across both changes', () => {
  const config = (timeZone: string): BookingConfig =>
    makeConfig({
      timeZone,
      weeklyHours: { sunday: [{ start: '10:00', end: '12:00' }] },
      serviceArea: ['10001'],
      services: [makeService({ id: 'svc-burst', name: 'Burst pipe', emergency: true, durationMinutes: 60, slotIntervalMinutes: 60 })],
      onCall: { weeklyHours: { saturday: [{ start: '22:00', end: '06:00' }] }, serviceIds: ['svc-burst'], surchargeNote: 'After-hours visits add $150.' },
    });

  it('adds on-call hours only to emergency requests, with the surcharge note', () => {
    const normal = slotsOf(findAvailableSlots(config('America/New_York'), [], req(...SPRING, { serviceId: 'svc-burst' }), NOW_SPRING));
    expect(normal.map((s) => s.localStartTime)).toEqual(['10:00', '11:00']);
    const urgent = slotsOf(findAvailableSlots(config('America/New_York'), [], req(...SPRING, { serviceId: 'svc-burst', emergency: true }), NOW_SPRING));
    expect(urgent.map((s) => s.localStartTime)).toEqual(['22:00', '23:00', '00:00', '01:00', '03:00', '04:00', '05:00', '10:00', '11:00']);
    expect(urgent[0]!.onCall).toEqual({ surchargeNote: 'After-hours visits add $150.' });
    expect(urgent.at(-1)!.onCall).toBeUndefined();
  });

  it('runs an extra real hour through the fall-back night', () => {
    const urgent = slotsOf(findAvailableSlots(config('America/Chicago'), [], req(...FALL, { serviceId: 'svc-burst', emergency: true }), NOW_FALL));
    expect(urgent.filter((s) => s.onCall).map((s) => s.start.slice(11))).toEqual([
      '22:00:00-05:00', '23:00:00-05:00', '00:00:00-05:00', '01:00:00-05:00', '01:00:00-06:00', '02:00:00-06:00', '03:00:00-06:00', '04:00:00-06:00', '05:00:00-06:00',
    ]);
  });

  it('keeps on-call hours on a holiday, which closes only the regular hours', () => {
    const holiday = { ...config('America/New_York'), holidays: ['2026-03-07', '2026-03-08'] };
    const urgent = slotsOf(findAvailableSlots(holiday, [], req(...SPRING, { serviceId: 'svc-burst', emergency: true }), NOW_SPRING));
    expect(urgent.map((s) => s.localStartTime)).toEqual(['22:00', '23:00', '00:00', '01:00', '03:00', '04:00', '05:00']);
  });

  it('does not open on-call hours for a service that is not allowed on call', () => {
    const c = config('America/New_York');
    const other = { ...c, services: [...c.services, makeService({ id: 'svc-faucet', name: 'Faucet' })] };
    const slots = slotsOf(findAvailableSlots(other, [], req(...SPRING, { serviceId: 'svc-faucet', emergency: true }), NOW_SPRING));
    expect(slots.every((s) => s.onCall === undefined && s.localDate === '2026-03-08')).toBe(true);
  });
});
