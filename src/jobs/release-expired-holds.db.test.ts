import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { createBookingFixture, MONDAY, upcoming } from '../../test/helpers/booking.ts';
import { waitFor } from '../../test/helpers/wait-for.ts';
import { RELEASE_HOLDS_CRON, RELEASE_HOLDS_JOB } from './handlers/release-expired-holds.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ jobs: true });
});
afterAll(async () => t?.close());

describe('release-expired-holds job', () => {
  it('is scheduled every minute', async () => {
    const r = await sql<{ name: string; cron: string }>`SELECT name, cron FROM pgboss.schedule`.execute(t.database.db);
    expect(r.rows).toContainEqual({ name: RELEASE_HOLDS_JOB, cron: RELEASE_HOLDS_CRON });
  });

  it("expires a hold past its time and gives its window place back, leaving live holds alone", async () => {
    const f = await createBookingFixture(t.app, { technicians: 2, settings: { arrivalWindows: [{ start: '08:00', end: '12:00', capacity: 2 }] } });
    const monday = upcoming(f.timeZone, MONDAY);
    const [window] = (await f.call('GET', `/availability?serviceId=${f.serviceId}&zip=60601&from=${monday}T00:00:00Z&to=${monday}T23:59:00Z`)).json().slots;
    const hold = (i: number) => f.call('POST', '/bookings', { serviceId: f.serviceId, start: window.start, zip: '60601', contact: { name: `Caller ${i}`, phone: `312-555-011${i}` }, hold: true });
    const stale = (await hold(1)).json();
    const live = (await hold(2)).json();
    // The first hold ran out a minute ago (as the superuser connection, outside the app).
    await sql`UPDATE bookings SET hold_expires_at = now() - interval '1 minute' WHERE id = ${stale.id}`.execute(t.database.db);

    const id = (await t.app.ctx.jobs.send(RELEASE_HOLDS_JOB))!;
    const done = await waitFor('release job completed', async () => {
      const job = await t.app.ctx.jobs.findJob(RELEASE_HOLDS_JOB, id);
      return job?.state === 'completed' ? job : undefined;
    });
    expect(done.output).toEqual({ released: 1 });
    expect((await f.call('GET', `/bookings/${stale.id}`)).json().status).toBe('expired');
    expect((await f.call('GET', `/bookings/${live.id}`)).json().status).toBe('held');
    const counter = await sql<{ booked: number }>`SELECT booked FROM booking_window_counts WHERE company_id = ${f.companyId}`.execute(t.database.db);
    expect(counter.rows).toEqual([{ booked: 1 }]);
  });
});
