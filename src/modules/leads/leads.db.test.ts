import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../auth/principal.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createBookingFixture, localInstant, MONDAY, upcoming, type BookingFixture } from '../../../test/helpers/booking.ts';
import { recordCall } from '../../../test/helpers/call-records.ts';
import { createUserSession, type Session } from '../../../test/helpers/factories.ts';

/**
 * Unbooked leads over HTTP as the dashboard reads them: which calls count (the lead predicate),
 * company-local days, and the "followed up" mark with its audit entries. Clock: Wed 2 Dec 2026,
 * 15:00 in Chicago.
 */
const NOW = new Date('2026-12-02T21:00:00Z');
const at = (iso: string) => new Date(iso);

let t: TestApp;
let a: BookingFixture;
let staff: Session;
const c: Record<string, string> = {};

const get = async (path: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/companies/${a.companyId}${path}`, headers: staff.headers });
  return { status: res.statusCode, body: res.json() };
};
const listed = async (query = '') => ((await get(`/leads/unbooked?${query}`)).body.items as { callId: string }[]).map((l) => l.callId);

beforeAll(async () => {
  t = await createTestApp({ clock: () => NOW });
  a = await createBookingFixture(t.app);
  staff = await createUserSession(t.app, a.companyId, 'staff');
  const record = (input: Parameters<typeof recordCall>[2]) => recordCall(t.app, a.companyId, input);
  const { booking } = await t.app.ctx.services.bookings.create(SYSTEM_ACTOR, a.companyId, { serviceId: a.serviceId, start: localInstant(a.timeZone, upcoming(a.timeZone, MONDAY), '09:00'), zip: '60601', contact: { name: 'Dana', phone: '+13125550188' } }, { source: 'phone' });
  c.booked = await record({ at: at('2026-12-02T15:00:00Z'), outcome: 'booked', bookingId: booking.id, facts: { serviceId: a.serviceId }, intents: ['book.service', 'book.confirm'] });
  c.service = await record({ at: at('2026-12-02T16:00:00Z'), facts: { serviceId: a.serviceId, name: 'Riley Stone', problem: 'the kitchen sink leaks' }, intents: ['book.name'] });
  c.emergency = await record({ at: at('2026-12-02T17:00:00Z'), outcome: 'emergency', facts: { emergency: true }, intents: ['emergency.gas_leak'] });
  c.jobMessage = await record({ at: at('2026-12-02T18:00:00Z'), outcome: 'message', facts: { problem: 'I need a quote for a new water heater' }, intents: ['message.body'] });
  c.stepOnly = await record({ at: at('2026-12-02T18:30:00Z'), intents: ['book.service'] });
  c.question = await record({ at: at('2026-12-02T19:00:00Z'), outcome: 'answered', intents: ['faq'] });
  c.personMessage = await record({ at: at('2026-12-02T19:10:00Z'), outcome: 'message', intents: ['message.body'] });
  c.reschedule = await record({ at: at('2026-12-02T19:20:00Z'), outcome: 'answered', intents: ['reschedule.time', 'reschedule.done'] });
  c.testChat = await record({ at: at('2026-12-02T19:30:00Z'), channel: 'web', from: null, facts: { serviceId: a.serviceId }, intents: ['book.time'], endedAfter: null });
  c.ongoing = await record({ at: at('2026-12-02T20:30:00Z'), facts: { serviceId: a.serviceId }, intents: ['book.zip'], endedAfter: null });
  c.widget = await record({ at: at('2026-12-02T19:40:00Z'), channel: 'widget', from: null, facts: { serviceId: a.serviceId }, intents: ['book.time'], endedAfter: null });
  // 21:00 on Tuesday in Chicago: yesterday there, though the same day in UTC.
  c.yesterday = await record({ at: at('2026-12-02T03:00:00Z'), outcome: 'emergency', facts: { emergency: true } });
  await t.app.ctx.services.messages.create(SYSTEM_ACTOR, a.companyId, { callId: c.jobMessage, callerName: 'Sam', callbackNumber: '+13125550166', body: 'Quote for a water heater please', urgent: false, sourceKey: null });
});
afterAll(async () => t?.close());

describe('unbooked leads', () => {
  it("lists today's calls with service intent that ended without a booking, newest first", async () => {
    expect(await listed(`from=2026-12-02&to=2026-12-02`)).toEqual([c.widget, c.stepOnly, c.jobMessage, c.emergency, c.service]);
  });

  it('leaves out bookings, questions, messages for a person, rescheduling, the test chat and calls still going on', async () => {
    const ids = await listed('from=2026-12-01&to=2026-12-02');
    for (const id of [c.booked, c.question, c.personMessage, c.reschedule, c.testChat, c.ongoing]) expect(ids).not.toContain(id);
  });

  it('counts days in the company zone: a Tuesday-evening call belongs to Tuesday', async () => {
    expect(await listed('from=2026-12-01&to=2026-12-01')).toEqual([c.yesterday]);
    expect(await listed('to=2026-12-02')).toContain(c.yesterday);
  });

  it('says what the caller wanted, with the contact and the call id', async () => {
    const items = (await get('/leads/unbooked?from=2026-12-02&to=2026-12-02')).body.items as Record<string, unknown>[];
    expect(items.find((l) => l.callId === c.service)).toMatchObject({
      wanted: 'Leak repair: the kitchen sink leaks', serviceName: 'Leak repair', emergency: false, contact: { name: 'Riley Stone', phone: '+13125550101' }, followedUp: null,
    });
    expect(items.find((l) => l.callId === c.emergency)).toMatchObject({ wanted: 'An emergency (no details given)', emergency: true });
    expect(items.find((l) => l.callId === c.jobMessage)).toMatchObject({ wanted: 'I need a quote for a new water heater', message: 'Quote for a water heater please' });
  });

  it('refuses a range that is backwards, too long, or not a date', async () => {
    expect((await get('/leads/unbooked?from=2026-12-03&to=2026-12-02')).body.error.code).toBe('BAD_REQUEST');
    expect((await get('/leads/unbooked?from=2024-01-01&to=2026-12-02')).body.error.code).toBe('RANGE_TOO_LONG');
    expect((await get('/leads/unbooked?from=2026-02-30')).body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'from' } });
  });
});

describe('followed up', () => {
  const post = (callId: string, method: 'POST' | 'DELETE' = 'POST') => t.app.inject({ method, url: `/api/companies/${a.companyId}/calls/${callId}/follow-up`, headers: staff.headers });

  it('hides a lead once marked (shown again with includeFollowedUp), keeps the first mark, and undoes', async () => {
    const marked = await post(c.service!);
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json()).toMatchObject({ callId: c.service, followedUp: { by: staff.email, at: NOW.toISOString() } });
    expect((await post(c.service!)).json().followedUp.at).toBe(NOW.toISOString());
    expect(await listed('from=2026-12-02&to=2026-12-02')).not.toContain(c.service);
    const all = (await get('/leads/unbooked?from=2026-12-02&to=2026-12-02&includeFollowedUp=true')).body.items as { callId: string; followedUp: unknown }[];
    expect(all.find((l) => l.callId === c.service)?.followedUp).toEqual({ by: staff.email, at: NOW.toISOString() });

    expect((await post(c.service!, 'DELETE')).statusCode).toBe(204);
    expect(await listed('from=2026-12-02&to=2026-12-02')).toContain(c.service);
    const audit = await sql<{ action: string; actor_label: string }>`SELECT action, actor_label FROM audit_log WHERE company_id = ${a.companyId} AND entity_id = ${c.service} ORDER BY created_at, id`.execute(t.database.db);
    expect(audit.rows).toEqual([{ action: 'call.followed_up', actor_label: staff.email }, { action: 'call.follow_up_undone', actor_label: staff.email }]);
  });

  it('answers 404 for a call that is not the company’s', async () => {
    const res = await post('00000000-0000-4000-8000-000000000000');
    expect(res.statusCode).toBe(404);
  });
});
