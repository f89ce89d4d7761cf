import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBookingFixture, localInstant, MONDAY, nextDstChange, upcoming, type BookingFixture } from '../../../test/helpers/booking.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { SYSTEM_ACTOR } from '../auth/principal.ts';
import { createBookingsService } from './bookings.service.ts';

interface SlotBody { start: string; label: string; technicianIds: string[]; arrivalWindow?: { start: string; remaining: number } }
interface BookingBody { id: string; status: string; start: string; end: string; label: string; technicianId: string; contactId: string; holdExpiresAt: string | null; localDate: string }

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const customer = { name: 'Dana Whitfield', phone: '(312) 555-0123' };

async function slotsFor(f: BookingFixture, date: string, query = ''): Promise<SlotBody[]> {
  const from = localInstant(f.timeZone, date, '00:00');
  const to = localInstant(f.timeZone, date, '23:59');
  const res = await f.call('GET', `/availability?serviceId=${f.serviceId}&zip=60601&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { slots: SlotBody[] }).slots;
}

const book = (f: BookingFixture, start: string, extra: object = {}, headers: Record<string, string> = {}) =>
  f.call('POST', '/bookings', { serviceId: f.serviceId, start, zip: '60601-1234', contact: customer, address: '200 E Randolph St', ...extra }, headers);

describe('availability over HTTP', () => {
  let f: BookingFixture;
  let monday: string;
  beforeAll(async () => {
    f = await createBookingFixture(t.app);
    monday = upcoming(f.timeZone, MONDAY);
  });

  it('offers every half hour in which a one-hour job fits, labelled in company time', async () => {
    const slots = await slotsFor(f, monday);
    expect(slots).toHaveLength(17); // 08:00 … 16:00
    expect(slots[0]!.start).toBe(localInstant(f.timeZone, monday, '08:00'));
    expect(slots[0]!.label).toMatch(/^Monday, \w+ \d+ at 8:00 AM C[DS]T$/);
    expect(slots.at(-1)!.start).toBe(localInstant(f.timeZone, monday, '16:00'));
  });

  it('names why there can be no slots: zip outside the area, not a zip, unknown service, range too long', async () => {
    const base = `/availability?serviceId=${f.serviceId}`;
    const out = await f.call('GET', `${base}&zip=94105`);
    expect(out.statusCode).toBe(422);
    expect(out.json().error).toMatchObject({ code: 'OUT_OF_SERVICE_AREA', details: { field: 'zip' } });
    expect((await f.call('GET', `${base}&zip=6060`)).json().error.code).toBe('VALIDATION_FAILED');
    const unknown = await f.call('GET', `/availability?serviceId=00000000-0000-4000-8000-000000000000&zip=60601`);
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([422, 'UNKNOWN_SERVICE']);
    const long = await f.call('GET', `${base}&zip=60601&from=2030-01-01T00:00:00Z&to=2030-03-01T00:00:00Z`);
    expect([long.statusCode, long.json().error.code]).toEqual([400, 'RANGE_TOO_LONG']);
  });

  it('keeps the leading zero of a zip and accepts ZIP+4', async () => {
    const res = await f.call('GET', `/availability?serviceId=${f.serviceId}&zip=02134-0001`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().zip).toBe('02134');
  });
});

describe('booking a slot', () => {
  let f: BookingFixture;
  let monday: string;
  beforeAll(async () => {
    f = await createBookingFixture(t.app);
    monday = upcoming(f.timeZone, MONDAY);
  });

  it('books an offered slot, links the caller as a contact, and stops offering it', async () => {
    const start = localInstant(f.timeZone, monday, '10:00');
    const res = await book(f, start);
    expect(res.statusCode, res.body).toBe(201);
    const booking = res.json() as BookingBody;
    expect(booking).toMatchObject({ status: 'confirmed', start, localDate: monday, technicianId: f.technicianIds[0], holdExpiresAt: null });
    expect(booking.end).toBe(localInstant(f.timeZone, monday, '11:00'));

    const contact = await f.call('GET', `/contacts/${booking.contactId}`);
    expect(contact.json()).toMatchObject({ name: 'Dana Whitfield', phones: ['+13125550123'], zip: '60601', address: '200 E Randolph St' });

    const starts = (await slotsFor(f, monday)).map((s) => s.start);
    for (const taken of ['09:30', '10:00', '10:30']) expect(starts).not.toContain(localInstant(f.timeZone, monday, taken));
    expect(starts).toContain(localInstant(f.timeZone, monday, '09:00'));
    expect(starts).toContain(localInstant(f.timeZone, monday, '11:00'));

    const listed = await f.call('GET', `/bookings?from=${encodeURIComponent(localInstant(f.timeZone, monday, '00:00'))}&status=confirmed`);
    expect(listed.json().items.map((b: BookingBody) => b.id)).toEqual([booking.id]);
  });

  it('answers 409 SLOT_TAKEN with the next free times when the slot is gone', async () => {
    const res = await book(f, localInstant(f.timeZone, monday, '10:00'), { contact: { name: 'Late Caller', phone: '312-555-0999' } });
    expect(res.statusCode).toBe(409);
    const error = res.json().error;
    expect(error.code).toBe('SLOT_TAKEN');
    expect(error.details.alternatives.map((s: SlotBody) => s.start)).toEqual(['11:00', '11:30', '12:00'].map((h) => localInstant(f.timeZone, monday, h)));
  });

  it('refuses a start that is not an offered slot, outside the area, or an unknown technician', async () => {
    expect((await book(f, localInstant(f.timeZone, monday, '10:10'))).json().error.code).toBe('SLOT_TAKEN');
    expect((await book(f, localInstant(f.timeZone, monday, '13:00'), { zip: '94105' })).json().error.code).toBe('OUT_OF_SERVICE_AREA');
    const noTech = await book(f, localInstant(f.timeZone, monday, '13:00'), { technicianId: '00000000-0000-4000-8000-000000000000' });
    expect([noTech.statusCode, noTech.json().error.code]).toEqual([422, 'NO_QUALIFIED_TECHNICIAN']);
    const badPhone = await book(f, localInstant(f.timeZone, monday, '13:00'), { contact: { name: 'X', phone: 'not a number' } });
    expect([badPhone.statusCode, badPhone.json().error.code]).toEqual([400, 'INVALID_PHONE_NUMBER']);
  });

  it('returns the same booking for the same Idempotency-Key and writes nothing new', async () => {
    const start = localInstant(f.timeZone, monday, '14:00');
    const headers = { 'idempotency-key': 'call-CA123-turn-7' };
    const first = await book(f, start, {}, headers);
    const again = await book(f, start, {}, headers);
    expect(first.statusCode, first.body).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    const reused = await book(f, localInstant(f.timeZone, monday, '15:00'), {}, headers);
    expect([reused.statusCode, reused.json().error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    const all = await f.call('GET', '/bookings?limit=200');
    expect(all.json().items.filter((b: BookingBody) => b.start === start)).toHaveLength(1);
  });

  it('reschedules onto a time overlapping its own, and frees the old time', async () => {
    const tuesday = upcoming(f.timeZone, 2);
    const created = (await book(f, localInstant(f.timeZone, tuesday, '09:00'))).json() as BookingBody;
    const moved = await f.call('POST', `/bookings/${created.id}/reschedule`, { start: localInstant(f.timeZone, tuesday, '09:30') });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ id: created.id, start: localInstant(f.timeZone, tuesday, '09:30'), status: 'confirmed' });
    const starts = (await slotsFor(f, tuesday)).map((s) => s.start);
    expect(starts).toContain(localInstant(f.timeZone, tuesday, '08:00'));
    expect(starts).not.toContain(localInstant(f.timeZone, tuesday, '09:30'));
  });

  it('cancels, offers the time again, and treats a second cancel as done', async () => {
    const wednesday = upcoming(f.timeZone, 3);
    const created = (await book(f, localInstant(f.timeZone, wednesday, '08:00'))).json() as BookingBody;
    const cancelled = await f.call('POST', `/bookings/${created.id}/cancel`, { reason: 'Customer fixed it' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: 'Customer fixed it' });
    expect((await f.call('POST', `/bookings/${created.id}/cancel`, {})).statusCode).toBe(200);
    expect((await slotsFor(f, wednesday)).map((s) => s.start)).toContain(localInstant(f.timeZone, wednesday, '08:00'));
    const move = await f.call('POST', `/bookings/${created.id}/reschedule`, { start: localInstant(f.timeZone, wednesday, '09:00') });
    expect([move.statusCode, move.json().error.code]).toEqual([409, 'BOOKING_NOT_ACTIVE']);
  });

  it('records who booked in the audit log', async () => {
    const log = await f.call('GET', '/audit-log?limit=200');
    const actions = log.json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['booking.created', 'booking.rescheduled', 'booking.cancelled', 'booking_settings.updated', 'service.created', 'technician.created']));
  });
});

describe('a booking after the company changes its time zone', () => {
  it('is shown at the same instant in the new zone, date and time together', async () => {
    const f = await createBookingFixture(t.app);
    const monday = upcoming(f.timeZone, MONDAY);
    const booked = (await book(f, localInstant(f.timeZone, monday, '16:00'))).json() as BookingBody;
    expect((await f.call('PUT', '/booking-settings', { timeZone: 'Asia/Tokyo' })).statusCode).toBe(200);
    const shown = (await f.call('GET', `/bookings/${booked.id}`)).json();
    expect(Date.parse(shown.start)).toBe(Date.parse(booked.start));
    // 16:00 in Chicago is 06:00 or 07:00 the next day in Tokyo.
    expect(shown.start).toMatch(/T0[67]:00:00\+09:00$/);
    expect(shown.localDate).toBe(shown.start.slice(0, 10));
    expect(shown.localDate).not.toBe(monday);
  });
});

describe('holds', () => {
  it('holds a slot until confirmed; an expired hold cannot be confirmed and its slot returns', async () => {
    const f = await createBookingFixture(t.app, { settings: { holdMinutes: 5 } });
    const monday = upcoming(f.timeZone, MONDAY);
    const start = localInstant(f.timeZone, monday, '09:00');
    const held = (await book(f, start, { hold: true })).json() as BookingBody;
    expect(held.status).toBe('held');
    expect(Date.parse(held.holdExpiresAt!) - Date.now()).toBeGreaterThan(4 * 60_000);
    expect((await slotsFor(f, monday)).map((s) => s.start)).not.toContain(start);
    const confirmed = await f.call('POST', `/bookings/${held.id}/confirm`);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', holdExpiresAt: null });

    // A second hold, seen from ten minutes in the future: expired.
    const other = (await book(f, localInstant(f.timeZone, monday, '13:00'), { hold: true })).json() as BookingBody;
    const services = t.app.ctx.services;
    const later = createBookingsService(t.database.db, { ...services, config: services.bookingConfig, now: () => new Date(Date.now() + 10 * 60_000) });
    await expect(later.confirm(SYSTEM_ACTOR, f.companyId, other.id)).rejects.toMatchObject({ code: 'HOLD_EXPIRED' });
    expect(await later.releaseExpiredHolds()).toBeGreaterThanOrEqual(1);
    expect((await later.get(f.companyId, other.id)).status).toBe('expired');
    expect((await slotsFor(f, monday)).map((s) => s.start)).toContain(localInstant(f.timeZone, monday, '13:00'));
  });
});

describe('arrival windows', () => {
  it('books into a window until its capacity is reached, then stops offering it', async () => {
    const f = await createBookingFixture(t.app, {
      technicians: 3,
      settings: { arrivalWindows: [{ start: '08:00', end: '12:00', capacity: 2 }, { start: '12:00', end: '16:00', capacity: 2 }] },
    });
    const monday = upcoming(f.timeZone, MONDAY);
    const before = await slotsFor(f, monday);
    expect(before.map((s) => s.arrivalWindow?.start)).toEqual(['08:00', '12:00']);
    const morning = before[0]!.start;
    const first = (await book(f, morning, { contact: { name: 'A', phone: '312-555-0101' } })).json() as BookingBody;
    expect(first.label).toMatch(/arriving between 8:00 AM and 12:00 PM/);
    expect((await book(f, morning, { contact: { name: 'B', phone: '312-555-0102' } })).statusCode).toBe(201);
    const third = await book(f, morning, { contact: { name: 'C', phone: '312-555-0103' } });
    expect([third.statusCode, third.json().error.code]).toEqual([409, 'SLOT_TAKEN']);
    expect((await slotsFor(f, monday)).map((s) => s.arrivalWindow?.start)).toEqual(['12:00']);
    // Cancelling gives the place back.
    await f.call('POST', `/bookings/${first.id}/cancel`, {});
    expect((await slotsFor(f, monday)).map((s) => [s.arrivalWindow?.start, s.arrivalWindow?.remaining])).toEqual([['08:00', 1], ['12:00', 2]]);
  });
});

describe('bookings across daylight saving changes (America/Chicago)', () => {
  const night = { start: '00:00', end: '04:00' };
  const allNights = Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((d) => [d, [night]]));

  it('books both 1:30 AMs of a fall-back night for one technician, as distinct instants', async () => {
    const f = await createBookingFixture(t.app, { settings: { weeklyHours: allNights, horizonDays: 365 }, service: { durationMinutes: 30 } });
    const day = nextDstChange(f.timeZone, 'fall-back');
    const slots = await slotsFor(f, day);
    // Four local hours hold five real ones: ten half-hour starts, 1:00 and 1:30 twice.
    expect(slots).toHaveLength(10);
    const repeated = slots.filter((s) => s.start.slice(11, 16) === '01:30').map((s) => s.start);
    expect(repeated).toEqual([`${day}T01:30:00-05:00`, `${day}T01:30:00-06:00`]);
    const labels: string[] = [];
    for (const [i, start] of repeated.entries()) {
      const res = await book(f, start, { contact: { name: `Night ${i}`, phone: `312-555-014${i}` } });
      expect(res.statusCode, res.body).toBe(201);
      labels.push((res.json() as BookingBody).label);
    }
    expect(labels.map((l) => l.slice(-11))).toEqual(['1:30 AM CDT', '1:30 AM CST']);
  });

  it('offers nothing in the skipped hour of a spring-forward night, and a three-hour night', async () => {
    const f = await createBookingFixture(t.app, { settings: { weeklyHours: allNights, horizonDays: 365 }, service: { durationMinutes: 30 } });
    const day = nextDstChange(f.timeZone, 'spring-forward');
    const times = (await slotsFor(f, day)).map((s) => s.start.slice(11));
    expect(times).toEqual(['00:00:00-06:00', '00:30:00-06:00', '01:00:00-06:00', '01:30:00-06:00', '03:00:00-05:00', '03:30:00-05:00']);
    // Any instant has a real local time: the first after the gap is 3:00 AM CDT.
    const after = await book(f, `${day}T03:00:00-05:00`);
    expect(after.statusCode, after.body).toBe(201);
    expect((after.json() as BookingBody).label).toMatch(/at 3:00 AM CDT$/);
  });
});
