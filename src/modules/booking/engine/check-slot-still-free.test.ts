import { describe, expect, it } from 'vitest';
import { checkSlotStillFree } from './check-slot-still-free.ts';
import { makeBooking, makeConfig, makeService, makeTechnician } from './factories.ts';

const NOW = '2026-05-25T00:00:00Z';
const config = makeConfig({ technicians: [makeTechnician({ id: 'a' }), makeTechnician({ id: 'b' })] });
const check = { serviceId: 'svc-repair', zip: '10001', start: '2026-06-01T10:00:00-04:00' };

describe('checkSlotStillFree', () => {
  it('confirms a free slot and assigns the technician with the fewest jobs that local day', () => {
    const busyA = [makeBooking({ technicianId: 'a', start: '2026-06-01T19:00:00Z', end: '2026-06-01T20:00:00Z' })];
    expect(checkSlotStillFree(config, busyA, check, NOW)).toEqual({
      ok: true,
      technicianId: 'b',
      start: '2026-06-01T10:00:00-04:00',
      end: '2026-06-01T11:00:00-04:00',
      onCall: false,
    });
    expect(checkSlotStillFree(config, [], check, NOW)).toMatchObject({ ok: true, technicianId: 'a' });
  });

  it('keeps the requested technician', () => {
    expect(checkSlotStillFree(config, [], { ...check, technicianId: 'b' }, NOW)).toMatchObject({ ok: true, technicianId: 'b' });
  });

  it('answers SLOT_TAKEN with the next three free slots when the time was taken meanwhile', () => {
    const taken = ['a', 'b'].map((t) => makeBooking({ technicianId: t, start: '2026-06-01T14:00:00Z', end: '2026-06-01T15:00:00Z' }));
    const result = checkSlotStillFree(config, taken, check, NOW);
    expect(result).toMatchObject({ ok: false, code: 'SLOT_TAKEN' });
    if (result.ok || result.code !== 'SLOT_TAKEN') throw new Error('unreachable');
    expect(result.alternatives.map((s) => s.localStartTime)).toEqual(['11:00', '11:30', '12:00']);
  });

  it('rejects a start that is not on the slot grid or inside the minimum notice', () => {
    expect(checkSlotStillFree(config, [], { ...check, start: '2026-06-01T10:10:00-04:00' }, NOW)).toMatchObject({ code: 'SLOT_TAKEN' });
    expect(checkSlotStillFree({ ...config, minNoticeMinutes: 60 }, [], check, '2026-06-01T13:30:00Z')).toMatchObject({ code: 'SLOT_TAKEN' });
  });

  it('marks an emergency slot outside regular hours as on call', () => {
    const onCall = makeConfig({
      services: [makeService({ emergency: true })],
      onCall: { weeklyHours: { monday: [{ start: '17:00', end: '08:00' }] }, serviceIds: ['svc-repair'], surchargeNote: 'A $150 after-hours fee applies.' },
    });
    const evening = { ...check, start: '2026-06-01T19:00:00-04:00', emergency: true };
    expect(checkSlotStillFree(onCall, [], evening, NOW)).toMatchObject({ ok: true, onCall: true, start: '2026-06-01T19:00:00-04:00' });
    expect(checkSlotStillFree(onCall, [], { ...evening, emergency: false }, NOW)).toMatchObject({ ok: false, code: 'SLOT_TAKEN' });
  });

  it('passes through configuration errors such as OUT_OF_SERVICE_AREA', () => {
    expect(checkSlotStillFree(config, [], { ...check, zip: '94105' }, NOW)).toMatchObject({ ok: false, code: 'OUT_OF_SERVICE_AREA' });
  });

  it('places a window booking at the earliest time the technician can start, with the window key', () => {
    const windows = makeConfig({
      arrivalWindows: [{ start: '08:00', end: '12:00', capacity: 3 }],
      services: [makeService({ durationMinutes: 90 })],
    });
    const morning = [makeBooking({ start: '2026-06-01T12:00:00Z', end: '2026-06-01T13:00:00Z' })];
    expect(checkSlotStillFree(windows, morning, { ...check, start: '2026-06-01T08:00:00-04:00' }, NOW)).toEqual({
      ok: true,
      technicianId: 'tech-1',
      start: '2026-06-01T09:00:00-04:00',
      end: '2026-06-01T10:30:00-04:00',
      onCall: false,
      windowKey: '2026-06-01@08:00',
      windowEnd: '12:00',
    });
  });
});
