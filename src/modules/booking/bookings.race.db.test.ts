import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createBookingFixture, localInstant, MONDAY, upcoming, type BookingFixture } from '../../../test/helpers/booking.ts';
import { withTenant } from '../../db/tenant.ts';

/**
 * Parallel requests for the same time. On PostgreSQL they run on separate connections at once
 * (pool of 25); on PGlite they queue on its one connection. Either way exactly the right number
 * must win, and the rest must hear SLOT_TAKEN.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ poolMax: 25 });
});
afterAll(async () => t?.close());

const caller = (i: number) => ({ name: `Caller ${i}`, phone: `+1312555${String(1000 + i)}` });

function tally(responses: { statusCode: number; json(): { error?: { code: string } } }[]) {
  const codes = responses.map((r) => (r.statusCode === 201 ? 'created' : `${r.statusCode} ${r.json().error?.code}`));
  return codes.reduce<Record<string, number>>((acc, c) => ({ ...acc, [c]: (acc[c] ?? 0) + 1 }), {});
}

async function activeBookings(f: BookingFixture): Promise<{ start_at: Date; end_at: Date; technician_id: string }[]> {
  return withTenant(t.database.db, f.companyId, (tx) =>
    tx.selectFrom('bookings').select(['start_at', 'end_at', 'technician_id']).where('company_id', '=', f.companyId).where('status', 'in', ['held', 'confirmed']).execute());
}

describe('bookings under concurrency', () => {
  it('20 parallel requests for one slot create exactly one booking; 19 answer SLOT_TAKEN', async () => {
    const f = await createBookingFixture(t.app);
    const start = localInstant(f.timeZone, upcoming(f.timeZone, MONDAY), '10:00');
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      f.call('POST', '/bookings', { serviceId: f.serviceId, start, zip: '60601', contact: caller(i) })));
    expect(tally(responses)).toEqual({ created: 1, '409 SLOT_TAKEN': 19 });
    expect(await activeBookings(f)).toHaveLength(1);
  });

  it('overlapping requests of different lengths for one technician create exactly one', async () => {
    const f = await createBookingFixture(t.app, { service: { durationMinutes: 120, name: 'Water heater repair' } });
    const medium = (await f.call('POST', '/services', { name: 'Drain cleaning', durationMinutes: 90, requiredSkills: ['plumbing'] })).json().id as string;
    const short = (await f.call('POST', '/services', { name: 'Faucet repair', durationMinutes: 60, requiredSkills: ['plumbing'] })).json().id as string;
    const monday = upcoming(f.timeZone, MONDAY);
    // Every pair of these overlaps: 10:00–12:00, 10:30–12:00, 11:00–12:00, 11:30–12:30.
    const requests = [
      [f.serviceId, '10:00'], [medium, '10:30'], [short, '11:00'], [short, '11:30'],
      [f.serviceId, '10:00'], [medium, '10:30'], [short, '11:00'], [short, '11:30'],
    ] as const;
    const responses = await Promise.all(requests.map(([serviceId, time], i) =>
      f.call('POST', '/bookings', { serviceId, start: localInstant(f.timeZone, monday, time), zip: '60601', contact: caller(i) })));
    expect(tally(responses)).toEqual({ created: 1, '409 SLOT_TAKEN': 7 });
    expect(await activeBookings(f)).toHaveLength(1);
  });

  it('a window of capacity 3 with 2 booked accepts exactly one of 5 parallel requests', async () => {
    const f = await createBookingFixture(t.app, { technicians: 5, settings: { arrivalWindows: [{ start: '08:00', end: '12:00', capacity: 3 }] } });
    const start = localInstant(f.timeZone, upcoming(f.timeZone, MONDAY), '08:00');
    for (const i of [0, 1]) {
      const res = await f.call('POST', '/bookings', { serviceId: f.serviceId, start, zip: '60601', contact: caller(i) });
      expect(res.statusCode, res.body).toBe(201);
    }
    const responses = await Promise.all([2, 3, 4, 5, 6].map((i) =>
      f.call('POST', '/bookings', { serviceId: f.serviceId, start, zip: '60601', contact: caller(i) })));
    expect(tally(responses)).toEqual({ created: 1, '409 SLOT_TAKEN': 4 });
    expect(await activeBookings(f)).toHaveLength(3);
    const counter = await withTenant(t.database.db, f.companyId, (tx) => tx.selectFrom('booking_window_counts').select(['booked', 'capacity']).execute());
    expect(counter).toEqual([{ booked: 3, capacity: 3 }]);
  });

  it('the same Idempotency-Key sent twice in parallel yields one row and the same booking', async () => {
    const f = await createBookingFixture(t.app, { technicians: 2 });
    const start = localInstant(f.timeZone, upcoming(f.timeZone, MONDAY), '14:00');
    const body = { serviceId: f.serviceId, start, zip: '60601', contact: caller(1) };
    const responses = await Promise.all([0, 1, 2, 3].map(() => f.call('POST', '/bookings', body, { 'idempotency-key': 'retry-me' })));
    expect(responses.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    expect(new Set(responses.map((r) => r.json().id)).size).toBe(1);
    expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(3);
    expect(await activeBookings(f)).toHaveLength(1);
  });
});
