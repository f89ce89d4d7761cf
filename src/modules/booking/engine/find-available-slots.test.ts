import { describe, expect, it } from 'vitest';
import { makeConfig, makeRequest, makeService, makeTechnician, slotsOf } from './factories.ts';
import { findAvailableSlots } from './find-available-slots.ts';
import type { AvailabilityRequest, BookingConfig } from './types.ts';

// Monday 2026-06-01 in New York (EDT, -04:00); now is the Sunday before.
const NOW = '2026-05-31T12:00:00Z';
const MONDAY = { from: '2026-06-01T04:00:00Z', to: '2026-06-02T04:00:00Z' };
const request = (r: Partial<AvailabilityRequest> = {}): AvailabilityRequest => makeRequest(MONDAY.from, MONDAY.to, r);

const starts = (config: BookingConfig, r: Partial<AvailabilityRequest> = {}, now = NOW) =>
  slotsOf(findAvailableSlots(config, [], request(r), now)).map((s) => s.localStartTime);

describe('findAvailableSlots: what is offered', () => {
  it('offers every interval step whose whole job fits in open hours, with local labels and offsets', () => {
    const slots = slotsOf(findAvailableSlots(makeConfig(), [], request(), NOW));
    expect(slots.map((s) => s.localStartTime)).toEqual([
      '08:00', '08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '12:00', '12:30', '13:00', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00',
    ]);
    expect(slots[0]).toEqual({
      start: '2026-06-01T08:00:00-04:00',
      end: '2026-06-01T09:00:00-04:00',
      localDate: '2026-06-01',
      localStartTime: '08:00',
      localEndTime: '09:00',
      label: 'Monday, June 1 at 8:00 AM EDT',
      technicianIds: ['tech-1'],
    });
  });

  it('honours a lunch break between two ranges of one day', () => {
    const config = makeConfig({ weeklyHours: { monday: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '15:00' }] } });
    expect(starts(config, { serviceId: 'svc-repair' })).toEqual(['08:00', '08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '13:00', '13:30', '14:00']);
  });

  it('offers nothing on a closed weekday and an empty list is not an error', () => {
    const sunday = { from: '2026-05-31T04:00:00Z', to: '2026-06-01T04:00:00Z' };
    expect(findAvailableSlots(makeConfig(), [], request(sunday), '2026-05-30T12:00:00Z')).toEqual({ ok: true, slots: [] });
  });

  it('keeps the minimum notice from now', () => {
    const config = makeConfig({ minNoticeMinutes: 120 });
    // 10:10 local: the first start at or after 12:10 on the 30-minute grid is 12:30.
    expect(starts(config, {}, '2026-06-01T14:10:00Z')[0]).toBe('12:30');
  });

  it('never offers past the horizon: through the local day today + horizonDays', () => {
    const config = makeConfig({ horizonDays: 1 });
    const week = { from: '2026-06-01T04:00:00Z', to: '2026-06-08T04:00:00Z' };
    const slots = slotsOf(findAvailableSlots(config, [], request(week), '2026-05-31T23:00:00Z'));
    expect(new Set(slots.map((s) => s.localDate))).toEqual(new Set(['2026-06-01']));
  });

  it('closes holidays and closed overrides, and uses the ranges of an override instead of the week', () => {
    const week = { from: '2026-06-01T04:00:00Z', to: '2026-06-04T04:00:00Z' };
    const config = makeConfig({
      holidays: ['2026-06-01'],
      overrides: [{ date: '2026-06-02', closed: true }, { date: '2026-06-03', ranges: [{ start: '10:00', end: '12:00' }] }],
    });
    const slots = slotsOf(findAvailableSlots(config, [], request(week), NOW));
    expect(slots.map((s) => `${s.localDate} ${s.localStartTime}`)).toEqual(['2026-06-03 10:00', '2026-06-03 10:30', '2026-06-03 11:00']);
  });

  it('lets a holiday win over an override of the same date', () => {
    const config = makeConfig({ holidays: ['2026-06-01'], overrides: [{ date: '2026-06-01', ranges: [{ start: '10:00', end: '12:00' }] }] });
    expect(starts(config)).toEqual([]);
  });

  it("intersects a technician's own hours with the company's and skips their time off", () => {
    const config = makeConfig({
      technicians: [
        makeTechnician({ id: 'early', weeklyHours: { monday: [{ start: '06:00', end: '10:00' }] } }),
        makeTechnician({ id: 'off', timeOff: [{ start: '2026-06-01T12:00:00Z', end: '2026-06-01T20:00:00Z' }] }),
      ],
    });
    const slots = slotsOf(findAvailableSlots(config, [], request(), NOW));
    const byTime = Object.fromEntries(slots.map((s) => [s.localStartTime, s.technicianIds]));
    expect(byTime['08:00']).toEqual(['early']);
    expect(byTime['09:00']).toEqual(['early']);
    expect(byTime['09:30']).toBeUndefined();
    expect(byTime['16:00']).toEqual(['off']);
  });
});

describe('findAvailableSlots: who can go there', () => {
  const config = makeConfig({
    services: [makeService({ id: 'svc-gas', name: 'Gas line', requiredSkills: ['plumbing', 'gas'] })],
    technicians: [
      makeTechnician({ id: 'plumber', skills: ['plumbing'] }),
      makeTechnician({ id: 'gas-north', skills: ['Plumbing', 'gas'], zips: ['10001'] }),
      makeTechnician({ id: 'gas-south', skills: ['plumbing', 'gas'], zips: ['02134-0001'] }),
      makeTechnician({ id: 'gas-retired', skills: ['plumbing', 'gas'], active: false }),
    ],
  });

  it('lists only active technicians with every required skill who cover the zip', () => {
    const slots = slotsOf(findAvailableSlots(config, [], request({ serviceId: 'svc-gas' }), NOW));
    expect(slots[0]!.technicianIds).toEqual(['gas-north']);
    const south = slotsOf(findAvailableSlots(config, [], request({ serviceId: 'svc-gas', zip: '02134' }), NOW));
    expect(south[0]!.technicianIds).toEqual(['gas-south']);
  });

  it('answers NO_QUALIFIED_TECHNICIAN when nobody has the skills for the zip, or the asked-for one cannot go', () => {
    const noSkill = makeConfig({ technicians: [makeTechnician({ skills: ['hvac'] })] });
    expect(findAvailableSlots(noSkill, [], request(), NOW)).toMatchObject({ ok: false, code: 'NO_QUALIFIED_TECHNICIAN' });
    expect(findAvailableSlots(config, [], request({ serviceId: 'svc-gas', technicianId: 'plumber' }), NOW)).toMatchObject({
      ok: false,
      code: 'NO_QUALIFIED_TECHNICIAN',
    });
  });

  it('narrows to the requested technician', () => {
    const both = makeConfig({ technicians: [makeTechnician({ id: 'a' }), makeTechnician({ id: 'b' })] });
    expect(slotsOf(findAvailableSlots(both, [], request(), NOW))[0]!.technicianIds).toEqual(['a', 'b']);
    expect(slotsOf(findAvailableSlots(both, [], request({ technicianId: 'b' }), NOW))[0]!.technicianIds).toEqual(['b']);
  });

  it('answers UNKNOWN_SERVICE, INVALID_ZIP and OUT_OF_SERVICE_AREA before looking for time', () => {
    expect(findAvailableSlots(config, [], request({ serviceId: 'nope' }), NOW)).toMatchObject({ ok: false, code: 'UNKNOWN_SERVICE' });
    expect(findAvailableSlots(config, [], request({ serviceId: 'svc-gas', zip: '1234' }), NOW)).toMatchObject({ ok: false, code: 'INVALID_ZIP' });
    expect(findAvailableSlots(config, [], request({ serviceId: 'svc-gas', zip: '60601' }), NOW)).toMatchObject({
      ok: false,
      code: 'OUT_OF_SERVICE_AREA',
      message: expect.stringContaining('60601'),
    });
  });

  it('matches a ZIP+4 to its zip and keeps leading zeros', () => {
    expect(slotsOf(findAvailableSlots(config, [], request({ serviceId: 'svc-gas', zip: '10001-4321' }), NOW))).not.toHaveLength(0);
    expect(slotsOf(findAvailableSlots(config, [], request({ serviceId: 'svc-gas', zip: ' 021340001 ' }), NOW))[0]!.technicianIds).toEqual([
      'gas-south',
    ]);
    expect(findAvailableSlots(config, [], request({ serviceId: 'svc-gas', zip: '2134' }), NOW)).toMatchObject({ code: 'INVALID_ZIP' });
  });
});
