import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../src/db/tenant.ts';
import { SYSTEM_ACTOR } from '../../src/modules/auth/principal.ts';
import { ANALYTICS_RECOMPUTE_JOB, type RecomputeJob } from '../../src/modules/analytics/analytics-jobs.ts';
import { INLINE_CALLS } from '../../src/modules/analytics/analytics.service.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createCompany, createUserSession, type Session } from '../helpers/factories.ts';
import { bookingBasics, insertCall } from './fixtures.ts';

/**
 * A company with more calls than a request counts itself changes its zone and hours: the
 * change queues the recompute job, requests in the meantime answer 503 and write nothing, and
 * once the job ran the figures equal a computation from nothing in the new zone. The queue is
 * started without workers (JOBS_ENABLED=false), so the test runs each queued job itself.
 */
let t: TestApp;
let company: string;
let owner: Session;
let technicianId: string;
const RANGE = 'from=2025-11-01&to=2026-10-31';
const weekday = [{ start: '08:00', end: '17:00' }];

const get = async (query = RANGE) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/companies/${company}/analytics?${query}`, headers: owner.headers });
  return { status: res.statusCode, retryAfter: res.headers['retry-after'], body: res.json() };
};

/** The recompute jobs waiting, oldest first; taken off the queue (this test is their worker). */
async function takeJobs(): Promise<RecomputeJob[]> {
  const r = await sql<{ data: RecomputeJob }>`DELETE FROM pgboss.job WHERE name = ${ANALYTICS_RECOMPUTE_JOB} AND state = 'created' RETURNING data`.execute(t.database.db);
  return r.rows.map((x) => x.data);
}

const keptDays = () => withTenant(t.database.db, company, (tx) =>
  tx.selectFrom('analytics_days').select(['day', 'day_start', 'computed_at']).where('company_id', '=', company).orderBy('day').execute());

beforeAll(async () => {
  t = await createTestApp({ jobs: true, env: { JOBS_ENABLED: 'false' } });
  company = (await createCompany(t.app, { timeZone: 'America/Chicago' })).id;
  owner = await createUserSession(t.app, company, 'owner');
  await t.app.ctx.services.bookingConfig.putSettings(SYSTEM_ACTOR, company, { weeklyHours: { monday: weekday, tuesday: weekday, wednesday: weekday, thursday: weekday, friday: weekday } });
  const basics = await bookingBasics(t.app, company, [{ name: 'Drain cleaning', priceText: '$149 to $249' }]);
  technicianId = basics.technicianId;
  const drains = basics.serviceIds[0];
  // Two years of calls, one every 6 h 17 min (so every local hour is hit), outcomes cycling.
  await sql`
    INSERT INTO calls (company_id, call_sid, channel, status, outcome, started_at, ended_at, duration_seconds, turn_count, state)
    SELECT ${company}, 'CArc' || g, 'phone', 'completed', (ARRAY['answered','abandoned','message','emergency'])[1 + g % 4],
      timestamptz '2024-11-01T00:00:00Z' + g * interval '377 minutes', timestamptz '2024-11-01T00:01:00Z' + g * interval '377 minutes', 60, 1, '{"facts":{}}'
    FROM generate_series(1, ${INLINE_CALLS + 700}) g`.execute(t.database.db);
  // And a few with turns, a booking and a message, around the fall-back night.
  await insertCall(t.app, company, technicianId, { at: '2026-10-31T22:30:00Z', outcome: 'booked', turns: [['book.time', 'tomorrow', 120, 30]], bookings: [{ serviceId: drains!, status: 'confirmed' }] });
  await insertCall(t.app, company, technicianId, { at: '2026-10-31T04:30:00Z', outcome: 'message', facts: { problem: 'leak' }, turns: [['faq', 'What are your hours?', 200, 40]], messages: [{ urgent: false }] });
});
afterAll(async () => t?.close());

describe('recomputing analytics after a zone or hours change', () => {
  it('hands a range with many calls to the job, then answers from the kept days', async () => {
    const first = await get();
    expect([first.status, first.body.error.code, first.retryAfter]).toEqual([503, 'ANALYTICS_RECOMPUTING', '5']);
    expect(await keptDays()).toEqual([]);
    const jobs = await takeJobs();
    expect(jobs).toEqual([{ companyId: company, from: '2024-11-01', to: '2026-10-31' }]);
    expect(await t.app.ctx.services.analytics.recompute(jobs[0]!)).toBe(730);
    const after = await get();
    expect(after.status).toBe(200);
    expect(after.body.current.calls + after.body.previous.calls).toBeGreaterThan(INLINE_CALLS);
    // A call late on a day long ago and one on the last day: two stale days, counted inline.
    await insertCall(t.app, company, technicianId, { at: '2024-11-02T15:00:00Z', outcome: 'answered' });
    await insertCall(t.app, company, technicianId, { at: '2026-10-31T15:00:00Z', outcome: 'answered' });
    const later = await get();
    expect(later.status).toBe(200);
    expect([later.body.current.calls, later.body.previous.calls]).toEqual([after.body.current.calls + 1, after.body.previous.calls + 1]);
  });

  it('counts everything again on the new clocks and hours in the job, never in a request', async () => {
    const chicago = (await get()).body;
    const before = await keptDays();
    // The owner moves the company to India and opens at 10:00.
    const late = [{ start: '10:00', end: '18:00' }];
    const put = await t.app.inject({ method: 'PUT', url: `/api/companies/${company}/booking-settings`, headers: owner.headers, payload: { timeZone: 'Asia/Kolkata', weeklyHours: { monday: late, tuesday: late, wednesday: late, thursday: late, friday: late } } });
    expect(put.statusCode).toBe(200);
    // Meanwhile: no figures on the old clocks, and nothing computed or kept by the request.
    const meanwhile = await get();
    expect([meanwhile.status, meanwhile.body.error.code]).toEqual([503, 'ANALYTICS_RECOMPUTING']);
    expect(await keptDays()).toEqual(before);
    // A week is few calls: a request counts it itself, on the new clocks.
    const week = await get('from=2026-10-25&to=2026-10-31');
    expect([week.status, week.body.timeZone]).toEqual([200, 'Asia/Kolkata']);

    const jobs = await takeJobs();
    expect(jobs).toContainEqual({ companyId: company });
    for (const job of jobs) await t.app.ctx.services.analytics.recompute(job);
    const kolkata = (await get()).body;
    expect(kolkata.timeZone).toBe('Asia/Kolkata');
    expect(kolkata.current.heatmap).not.toEqual(chicago.current.heatmap);
    expect(kolkata.current.afterHours).not.toBe(chicago.current.afterHours);
    // The booking call at 17:30 CDT on the 31st is 04:00 IST on 1 November: out of the range.
    expect([chicago.current.bookings.booked, kolkata.current.bookings.booked]).toEqual([1, 0]);
    // Every kept day moved to Kolkata's midnights (05:30 earlier than UTC, 18:30Z the day before).
    const kept = await keptDays();
    expect(kept).toHaveLength(730);
    expect(kept.every((k) => k.day_start.toISOString().endsWith('T18:30:00.000Z'))).toBe(true);

    // The same figures as counted from nothing in the new zone.
    await withTenant(t.database.db, company, (tx) => tx.deleteFrom('analytics_days').where('company_id', '=', company).execute());
    await t.app.ctx.services.analytics.recompute({ companyId: company, from: '2024-11-01', to: '2026-10-31' });
    expect((await get()).body).toEqual(kolkata);
  });
});
