import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/modules/auth/principal.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createCompany, createUserSession, type Session } from '../helpers/factories.ts';
import { bookingBasics, insertCall, setBooking } from './fixtures.ts';

/**
 * The analytics API against hand-written call records, each figure counted by hand below.
 * Rapid (America/Chicago): clocks fall back on Sunday 2026-11-01 (a 25-hour day, 05:00Z to
 * 06:00Z next day) and spring forward on Sunday 2026-03-08 (23 hours, 06:00Z to 05:00Z).
 * Weekday hours 08:00–17:00, closed at weekends, so every Sunday call is after hours.
 */
let t: TestApp;
let rapid: string;
let owner: Session;
let kolkata: string;
let kolkataOwner: Session;
const calls: Record<string, string> = {};
const DIAL = '<Response><Say>Connecting you</Say><Dial>+13125550199</Dial></Response>';

const get = async (companyId: string, session: Session, query: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/companies/${companyId}/analytics?${query}`, headers: session.headers });
  return { status: res.statusCode, body: res.json() };
};

beforeAll(async () => {
  t = await createTestApp();
  rapid = (await createCompany(t.app, { timeZone: 'America/Chicago' })).id;
  owner = await createUserSession(t.app, rapid, 'owner');
  const weekday = [{ start: '08:00', end: '17:00' }];
  await t.app.ctx.services.bookingConfig.putSettings(SYSTEM_ACTOR, rapid, { weeklyHours: { monday: weekday, tuesday: weekday, wednesday: weekday, thursday: weekday, friday: weekday } });
  const { serviceIds: [drains, estimate], technicianId } = await bookingBasics(t.app, rapid, [{ name: 'Drain cleaning', priceText: '$149 to $249' }, { name: 'Estimate', priceText: 'Free estimate' }]);
  const call = (c: Parameters<typeof insertCall>[3]) => insertCall(t.app, rapid, technicianId, c);

  // Sunday 2026-11-01, the 25-hour day:
  calls.c1 = await call({ at: '2026-11-01T05:30:00Z', outcome: 'booked', seconds: 120, greetingSpeechMs: 30, turns: [['book.time', 'tomorrow at nine', 100, 40]], bookings: [{ serviceId: drains!, status: 'confirmed' }, { serviceId: estimate!, status: 'expired' }] }); // 00:30 CDT
  calls.c2 = await call({ at: '2026-11-01T06:30:00Z', outcome: 'answered', seconds: 60, greetingSpeechMs: 10, turns: [['faq', 'What are your hours?', 200, 20]] }); // 01:30 CDT
  calls.c3 = await call({ at: '2026-11-01T07:30:00Z', outcome: 'emergency', seconds: 200, facts: { emergency: true }, greetingSpeechMs: 50, turns: [['emergency.gas_leak', 'I smell gas', 300, 60, DIAL]] }); // 01:30 CST, the repeated hour
  calls.c4 = await call({ at: '2026-11-02T05:30:00Z', outcome: 'message', seconds: 2400, facts: { problem: 'water heater leaking' }, greetingSpeechMs: 70, turns: [['message.body', 'please call me back', 400, 80]], messages: [{ urgent: false }] }); // 23:30 CST, ends 00:10 on Monday
  calls.c7 = await call({ at: '2026-11-01T15:00:00Z', channel: 'widget', outcome: 'booked', seconds: 100, turns: [['book.confirm', 'yes', 500, 0]], bookings: [{ serviceId: drains!, status: 'cancelled' }] }); // 09:00 CST
  calls.c8 = await call({ at: '2026-11-01T20:00:00Z', channel: 'web', outcome: null, seconds: null, turns: [['faq.unknown', 'Do you sell gift cards', 600, 0]] }); // 14:00 CST, in progress
  // Not on that day: Monday 00:00 CST, and Saturday 23:59 CDT (the previous period, answered).
  calls.c5 = await call({ at: '2026-11-02T06:00:00Z', outcome: 'answered' });
  calls.c6 = await call({ at: '2026-11-01T04:59:00Z', outcome: 'answered', seconds: 30, messages: [{ urgent: true }] });
  // Sunday 2026-03-08, the 23-hour day: 00:30 CST, 03:30 CDT (02:xx does not exist), 23:30 CDT; not 23:30 CST the day before, nor 00:00 CDT Monday.
  for (const at of ['2026-03-08T05:30:00Z', '2026-03-08T06:30:00Z', '2026-03-08T08:30:00Z', '2026-03-09T04:30:00Z', '2026-03-09T05:00:00Z']) await call({ at, outcome: 'abandoned', seconds: 5 });

  // Another company in India (UTC+05:30, no DST), and its calls at the same instants as Rapid's.
  kolkata = (await createCompany(t.app, { timeZone: 'Asia/Kolkata' })).id;
  kolkataOwner = await createUserSession(t.app, kolkata, 'owner');
  const k = await bookingBasics(t.app, kolkata, [{ name: 'Other', priceText: '$1,000' }]);
  await insertCall(t.app, kolkata, k.technicianId, { at: '2026-11-01T18:15:00Z', outcome: 'booked', turns: [['book.confirm', 'yes', 100, 0]], bookings: [{ serviceId: k.serviceIds[0]!, status: 'confirmed' }] }); // 23:45 IST Sunday
  await insertCall(t.app, kolkata, k.technicianId, { at: '2026-11-01T18:45:00Z', outcome: 'answered' }); // 00:15 IST Monday
  await insertCall(t.app, kolkata, k.technicianId, { at: '2026-11-01T07:30:00Z', outcome: 'emergency', facts: { emergency: true }, turns: [['emergency.gas_leak', 'I smell gas', 100, 0]] }); // 13:00 IST Sunday
});
afterAll(async () => t?.close());

describe('analytics over company-local days', () => {
  it('counts the 25-hour day by hand: outcomes, channels, hours, leads, bookings, emergencies, latency, questions', async () => {
    const { status, body } = await get(rapid, owner, 'from=2026-11-01&to=2026-11-01');
    expect(status).toBe(200);
    expect(body.range).toEqual({ from: '2026-11-01', to: '2026-11-01', days: 1 });
    expect(body.previousRange).toEqual({ from: '2026-10-31', to: '2026-10-31', days: 1 });
    const p = body.current;
    // c1 c2 c3 c4 c7 c8 (c4 starts 23:30 and ends after midnight: it counts on Sunday).
    expect(p.calls).toBe(6);
    expect(p.outcomes).toEqual({ booked: 2, answered: 1, message: 1, transferred: 0, emergency: 1, abandoned: 0, inProgress: 1 });
    expect(p.channels).toEqual({ phone: 4, web: 1, widget: 1 });
    expect([p.answered, p.abandoned, p.inProgress]).toEqual([5, 0, 1]);
    // Sunday is closed: all six after hours.
    expect([p.afterHours, p.afterHoursShare]).toEqual([6, 1]);
    // Leads: c1 (booked), c3 (emergency), c4 (a message about a leaking water heater), c7 (booked, then cancelled). c2 asked; c8 is the owner's test chat.
    expect(p.leads).toBe(4);
    // Standing bookings: c1's drain cleaning ($149–$249); c7's was cancelled, c1's estimate hold expired.
    expect(p.bookingRate).toBe(0.25);
    expect(p.bookings).toEqual({ booked: 1, cancelled: 1, afterHours: 1, valueLow: 149, valueHigh: 249, unpriced: 0 });
    expect(p.emergencies).toEqual({ total: 1, booked: 0, transferred: 1, message: 0, other: 0 });
    expect([p.transfers, p.messages]).toEqual([1, 1]);
    // (120 + 60 + 200 + 2400 + 100) / 5 timed calls.
    expect(p.averageCallSeconds).toBe(576);
    // Sunday is row 6: 00:30 → 0; 01:30 twice (CDT, then CST) → 1; 09:00, 14:00, 23:30.
    const sunday = Object.fromEntries(p.heatmap[6].map((n: number, h: number) => [h, n]).filter(([, n]: number[]) => n! > 0));
    expect(sunday).toEqual({ 0: 1, 1: 2, 9: 1, 14: 1, 23: 1 });
    expect(p.heatmap.slice(0, 6).flat().every((n: number) => n === 0)).toBe(true);
    expect(p.topQuestions).toEqual([{ question: 'what are your hours', count: 1 }]);
    expect(p.knowledgeGaps).toEqual([{ question: 'do you sell gift cards', count: 1 }]);
    // Engine: 100 200 300 400 500 600 → p50 300 (3rd of 6), p95 600. Speech, phone calls c1–c4 with greetings: 10 20 30 40 50 60 70 80 → 40, 80.
    expect(body.daily).toEqual([{ date: '2026-11-01', calls: 6, leads: 4, bookings: 1, turns: 6, engineP50: 300, engineP95: 600, speechP50: 40, speechP95: 80 }]);
    // Saturday: c6 alone, at 23:59 CDT, with an urgent message for a person (no job described: not a lead) and no booking.
    expect(body.previous.calls).toBe(1);
    expect(body.previous.heatmap[5][23]).toBe(1);
    expect([body.previous.leads, body.previous.bookingRate, body.previous.messages]).toEqual([0, null, 1]);
  });

  it('makes the spring-forward day 23 hours: no call at 2 a.m., 23:30 still on the day', async () => {
    const { body } = await get(rapid, owner, 'from=2026-03-08&to=2026-03-08');
    expect(body.current.calls).toBe(3);
    expect(body.current.outcomes.abandoned).toBe(3);
    const sunday = body.current.heatmap[6];
    expect([sunday[0], sunday[2], sunday[3], sunday[23]]).toEqual([1, 0, 1, 1]);
    // The day before holds the 23:30 CST call.
    expect(body.previous.calls).toBe(1);
  });

  it("counts another zone's days on its own clocks and never another company's calls", async () => {
    const { body } = await get(kolkata, kolkataOwner, 'from=2026-11-01&to=2026-11-01');
    // 13:00 and 23:45 IST on Sunday; 00:15 IST is Monday. None of Rapid's calls.
    expect(body.timeZone).toBe('Asia/Kolkata');
    expect(body.current.calls).toBe(2);
    expect([body.current.heatmap[6][13], body.current.heatmap[6][23]]).toEqual([1, 1]);
    expect(body.current.bookings).toMatchObject({ booked: 1, valueLow: 1000, valueHigh: 1000 });
    expect(body.current.leads).toBe(2);
    const week = await get(kolkata, kolkataOwner, 'from=2026-11-01&to=2026-11-02');
    expect(week.body.current.calls).toBe(3);
  });

  it('stays right when a call finishes late, a booking is cancelled and the zone changes', async () => {
    const range = 'from=2026-11-01&to=2026-11-01';
    expect((await get(rapid, owner, range)).body.current.inProgress).toBe(1);
    // The in-progress chat ends: the kept day is counted again.
    await t.app.ctx.services.calls.finish(rapid, (await t.app.ctx.services.calls.list(rapid, { channel: 'web' }, { limit: 10, offset: 0 })).items.find((c) => c.id === calls.c8)!.callSid, { status: 'completed', durationSeconds: 40, endedAt: new Date('2026-11-01T20:01:00Z') });
    const finished = (await get(rapid, owner, range)).body.current;
    expect([finished.inProgress, finished.abandoned, finished.bookings.booked]).toEqual([0, 1, 1]);
    // Then c1's drain cleaning is cancelled, and only that changes.
    await setBooking(t.app, rapid, 'cancelled', calls.c1!);
    const after = (await get(rapid, owner, range)).body.current;
    expect(after.bookings).toEqual({ booked: 0, cancelled: 2, afterHours: 0, valueLow: 0, valueHigh: 0, unpriced: 0 });
    expect(after.bookingRate).toBe(0);
    // In Denver the day runs 06:00Z–07:00Z next day: c1 (23:30 MDT Saturday) leaves, c4 moves to 22:30 and c5 (23:00 MST) joins.
    await t.app.ctx.services.bookingConfig.putSettings(SYSTEM_ACTOR, rapid, { timeZone: 'America/Denver' });
    const denver = (await get(rapid, owner, range)).body;
    expect(denver.timeZone).toBe('America/Denver');
    expect(denver.current.calls).toBe(6);
    expect([denver.current.heatmap[6][22], denver.current.heatmap[6][23]]).toEqual([1, 1]);
    expect(denver.previous.calls).toBe(2);
    await t.app.ctx.services.bookingConfig.putSettings(SYSTEM_ACTOR, rapid, { timeZone: 'America/Chicago' });
  });

  it('refuses ranges that are not ones, with stable codes', async () => {
    const code = async (q: string) => {
      const r = await get(rapid, owner, q);
      return [r.status, r.body.error?.code];
    };
    expect(await code('from=2026-11-02&to=2026-11-01')).toEqual([400, 'INVALID_DATE_RANGE']);
    expect(await code('from=2026-02-30&to=2026-03-01')).toEqual([400, 'INVALID_DATE_RANGE']);
    expect(await code('from=1999-12-31&to=2000-01-01')).toEqual([400, 'INVALID_DATE_RANGE']);
    expect(await code('from=2025-01-01&to=2026-01-02')).toEqual([400, 'RANGE_TOO_LONG']);
    expect(await code('from=2025-01-01')).toEqual([400, 'VALIDATION_FAILED']);
    expect(await code('from=2026-1-1&to=2026-01-02')).toEqual([400, 'VALIDATION_FAILED']);
    // 366 days (a leap year's worth) is the longest range.
    expect((await get(rapid, owner, 'from=2027-01-01&to=2028-01-01')).status).toBe(200);
  });

  it("answers 404 for another company's analytics", async () => {
    expect((await get(kolkata, owner, 'from=2026-11-01&to=2026-11-01')).status).toBe(404);
  });
});
