import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallOutcomeColumn } from '../../src/db/schema.ts';
import { SYSTEM_ACTOR } from '../../src/modules/auth/principal.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createBookingFixture, localInstant, MONDAY, upcoming, type BookingFixture } from '../helpers/booking.ts';
import { createCompany, createUserSession, type Session } from '../helpers/factories.ts';

/**
 * The call log's filters, a call's turns with what they did, and the overview's figures, over
 * HTTP as the dashboard reads them. The app's clock is fixed on a Wednesday afternoon in Chicago.
 */
const NOW = new Date('2026-12-02T21:00:00Z'); // Wed 15:00 CST
const at = (iso: string) => new Date(iso);

let t: TestApp;
let a: BookingFixture;
let staff: Session;
let other: Session;
let otherId: string;
let sids = 0;

async function call(input: { at: Date; from?: string | null; channel?: 'phone' | 'web'; outcome?: CallOutcomeColumn; emergency?: boolean; name?: string; response?: string; bookingId?: string }) {
  const calls = t.app.ctx.services.calls;
  const { call: c } = await calls.begin(a.companyId, { callSid: `CAlog${sids++}`, channel: input.channel ?? 'phone', from: input.from === undefined ? '+13125550101' : input.from, to: '+13125550142', at: input.at });
  const state = { facts: { ...(input.name ? { name: input.name } : {}), ...(input.emergency ? { emergency: true } : {}) }, misunderstandings: 0, engine: {} };
  await calls.recordTurn(a.companyId, c.id, {
    seq: 1, caller_text: 'hello', confidence: 0.9, agent_text: 'Hi there', response: input.response ?? '<Response><Say>Hi there</Say></Response>', intent: null, engine: 'embedded', engine_ms: 12, speech_ms: 34,
  }, { state, outcome: input.outcome, bookingId: input.bookingId, learned: input.name ? { name: input.name } : undefined });
  return c.id;
}

const get = async (path: string, session: Session = staff, companyId = a.companyId) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/companies/${companyId}${path}`, headers: session.headers });
  return { status: res.statusCode, body: res.json() };
};
const ids = async (query: string) => ((await get(`/calls?${query}`)).body.items as { id: string }[]).map((c) => c.id).sort();

const c: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp({ clock: () => NOW });
  a = await createBookingFixture(t.app);
  staff = await createUserSession(t.app, a.companyId, 'staff');
  otherId = (await createCompany(t.app)).id;
  other = await createUserSession(t.app, otherId, 'owner');
  const day = upcoming(a.timeZone, MONDAY);
  const { booking } = await t.app.ctx.services.bookings.create(SYSTEM_ACTOR, a.companyId, { serviceId: a.serviceId, start: localInstant(a.timeZone, day, '09:00'), zip: '60601', contact: { name: 'Dana Whitfield', phone: '+13125550188' } }, { source: 'phone' });
  c.booked = await call({ at: at('2026-12-02T16:00:00Z'), from: '+13125550188', outcome: 'booked', name: 'Dana Whitfield', bookingId: booking.id, emergency: true });
  c.gas = await call({ at: at('2026-12-02T17:00:00Z'), from: '+13125550144', outcome: 'emergency', emergency: true, response: '<Response><Play>http://public.example/api/speech/x/abc.sig.mp3</Play><Dial timeout="25">+13125550199</Dial><Say>Sorry</Say><Hangup/></Response>' });
  c.web = await call({ at: at('2026-12-02T18:00:00Z'), from: null, channel: 'web', outcome: 'answered' });
  c.ringing = await call({ at: at('2026-12-02T20:30:00Z'), from: '+17735550110' });
  // 21:00 CST on Tuesday: yesterday in Chicago, though the same day in UTC.
  c.yesterday = await call({ at: at('2026-12-02T03:00:00Z'), from: '+13125550133', outcome: 'message', name: 'Morgan Lee' });
  // Sunday: last week.
  c.lastWeek = await call({ at: at('2026-11-29T18:00:00Z'), outcome: 'answered' });
  await t.app.ctx.services.messages.create(SYSTEM_ACTOR, a.companyId, { callId: c.yesterday, callerName: 'Morgan Lee', callbackNumber: '+13125550133', body: 'Call me about gift cards', urgent: false, sourceKey: null });
  await t.app.ctx.services.messages.create(SYSTEM_ACTOR, a.companyId, { callId: c.gas, callerName: 'Gas caller', callbackNumber: '+13125550144', body: 'Smells gas', urgent: true, sourceKey: null });
  await t.app.ctx.services.knowledge.recordUnanswered(a.companyId, 'Do you sell gift cards?');
});
afterAll(async () => t?.close());

describe('the call log', () => {
  it('filters by emergency, channel, outcome and time, and names the caller', async () => {
    expect(await ids('emergency=true')).toEqual([c.booked, c.gas].sort());
    expect(await ids('emergency=false')).toEqual([c.web, c.ringing, c.yesterday, c.lastWeek].sort());
    expect(await ids('channel=web')).toEqual([c.web]);
    expect(await ids('outcome=booked')).toEqual([c.booked]);
    expect(await ids(`from=${encodeURIComponent('2026-12-02T06:00:00Z')}&to=${encodeURIComponent('2026-12-03T06:00:00Z')}`)).toEqual([c.booked, c.gas, c.web, c.ringing].sort());
    const listed = (await get('/calls')).body.items as { id: string; callerName: string | null; emergency: boolean }[];
    expect(listed.find((x) => x.id === c.booked)).toMatchObject({ callerName: 'Dana Whitfield', emergency: true });
    expect(listed.find((x) => x.id === c.web)).toMatchObject({ callerName: null, emergency: false });
  });

  it('finds calls by part of the caller name or digits of their number, in any format', async () => {
    expect(await ids('caller=whit')).toEqual([c.booked]);
    expect(await ids(`caller=${encodeURIComponent('(773) 555-0110')}`)).toEqual([c.ringing]);
    expect(await ids('caller=0144')).toEqual([c.gas]);
    expect(await ids(`caller=${encodeURIComponent('100%_')}`)).toEqual([]);
  });

  it("shows each turn's timings, the clip the caller heard and where the call was transferred", async () => {
    const { status, body } = await get(`/calls/${c.gas}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ emergency: true, outcome: 'emergency' });
    expect(body.transcript[0]).toMatchObject({ callerText: 'hello', agentText: 'Hi there', engineMs: 12, speechMs: 34, clips: ['/api/speech/x/abc.sig.mp3'], transferTo: '+13125550199' });
    expect((await get(`/calls/${c.web}`)).body.transcript[0]).toMatchObject({ clips: [], transferTo: null });
  });

  it('answers 404 for another company’s call and lists none of its calls', async () => {
    expect((await get(`/calls/${c.gas}`, other, otherId)).status).toBe(404);
    expect((await get('/calls?caller=whit', other, otherId)).body.items).toEqual([]);
  });
});

describe('the overview', () => {
  it("counts today's and this week's calls in company time, with what waits and the next visits", async () => {
    const { status, body } = await get('/overview');
    expect(status).toBe(200);
    expect(body.timeZone).toBe('America/Chicago');
    expect(body.today).toEqual({
      from: '2026-12-02T06:00:00.000Z', to: '2026-12-03T06:00:00.000Z', calls: 4,
      outcomes: { booked: 1, answered: 1, message: 0, transferred: 0, emergency: 1, abandoned: 0, inProgress: 1 },
      emergencies: 2, bookingsMade: 1,
    });
    expect(body.week).toMatchObject({ from: '2026-11-30T06:00:00.000Z', to: '2026-12-07T06:00:00.000Z', calls: 5, emergencies: 2, bookingsMade: 1 });
    expect(body.week.outcomes).toMatchObject({ message: 1, answered: 1 });
    expect(body).toMatchObject({ messagesWaiting: 2, urgentMessagesWaiting: 1, unansweredQuestions: 1 });
    expect(body.nextBookings).toHaveLength(1);
    expect(body.nextBookings[0]).toMatchObject({ customerName: 'Dana Whitfield', serviceName: 'Leak repair' });
  });

  it('stops counting a message once it is handled', async () => {
    const waiting = (await get('/messages?status=new&urgent=true')).body.items as { id: string }[];
    expect(waiting).toHaveLength(1);
    const res = await t.app.inject({ method: 'PATCH', url: `/api/companies/${a.companyId}/messages/${waiting[0]!.id}`, headers: staff.headers, payload: { status: 'handled' } });
    expect(res.statusCode).toBe(200);
    expect((await get('/overview')).body).toMatchObject({ messagesWaiting: 1, urgentMessagesWaiting: 0 });
  });

  it("answers 404 for another company's overview and shows a new company nothing", async () => {
    expect((await get('/overview', other)).status).toBe(404);
    const { body } = await get('/overview', other, otherId);
    expect(body).toMatchObject({ today: { calls: 0 }, week: { calls: 0 }, messagesWaiting: 0, unansweredQuestions: 0, nextBookings: [] });
  });
});
