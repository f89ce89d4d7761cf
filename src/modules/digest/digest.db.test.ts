import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../app.ts';
import { sendDigest } from '../../jobs/handlers/daily-digest.ts';
import { SYSTEM_ACTOR } from '../auth/principal.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createBookingFixture, localInstant, MONDAY, upcoming, type BookingFixture } from '../../../test/helpers/booking.ts';
import { recordCall } from '../../../test/helpers/call-records.ts';
import { createUserSession, loginAdmin, type Session } from '../../../test/helpers/factories.ts';
import { startSmtpStub, type SmtpStub } from '../../../test/stubs/smtp.ts';
import { startTwilioRestStub, type TwilioRestStub } from '../../../test/stubs/twilio-rest.ts';

/**
 * The daily digest end to end: owners opt in over HTTP; the scan claims each company's day once
 * its local time has passed 7:00; what arrives at a loopback SMTP server and the Twilio stub is
 * checked, and that nothing arrives twice (two app instances on one database, a retried job) or
 * for anyone who did not opt in, or for another company.
 */
const account = { accountSid: `AC${'9'.repeat(32)}`, authToken: 'stub-auth-token-digest-0001' };
let now = new Date('2026-12-02T12:59:00Z'); // Wed 06:59 in Chicago
const at = (iso: string) => {
  now = new Date(iso);
};

let t: TestApp;
let smtp: SmtpStub;
let twilio: TwilioRestStub;
let a: BookingFixture;
let b: BookingFixture;
let second: Session & { userId: string };
let staff: Session;
let numbers = 0;

const put = (session: Session, companyId: string, payload: object) =>
  t.app.inject({ method: 'PUT', url: `/api/companies/${companyId}/digest-subscription`, headers: session.headers, payload });

async function withNumber(f: BookingFixture) {
  const added = await t.app.inject({ method: 'POST', url: `/api/companies/${f.companyId}/phone-numbers`, headers: (await loginAdmin(t.app)).headers, payload: { number: `(312) 555-019${numbers++}`, label: 'Main' } });
  expect(added.statusCode, added.body).toBe(201);
}

beforeAll(async () => {
  smtp = await startSmtpStub();
  twilio = await startTwilioRestStub(account);
  t = await createTestApp({
    clock: () => now,
    env: { SMTP_URL: smtp.url, SMTP_FROM: 'ClientsVia <digest@clientsvia.test>', TWILIO_ACCOUNT_SID: account.accountSid, TWILIO_AUTH_TOKEN: account.authToken, TWILIO_API_BASE_URL: twilio.url, PUBLIC_URL: 'https://app.clientsvia.test' },
  });
  a = await createBookingFixture(t.app); // Chicago
  b = await createBookingFixture(t.app, { timeZone: 'America/Denver' });
  await withNumber(a);
  await withNumber(b);
  second = await createUserSession(t.app, a.companyId, 'owner');
  staff = await createUserSession(t.app, a.companyId, 'staff');

  // Tuesday 1 December in Chicago: three calls (one booked; an emergency and a booking attempt, both unbooked leads), one of Wednesday.
  const { booking } = await t.app.ctx.services.bookings.create(SYSTEM_ACTOR, a.companyId, { serviceId: a.serviceId, start: localInstant(a.timeZone, upcoming(a.timeZone, MONDAY), '09:00'), zip: '60601', contact: { name: 'Dana', phone: '+13125550188' } }, { source: 'phone' });
  await sql`UPDATE bookings SET created_at = '2026-12-01T16:05:00Z' WHERE company_id = ${a.companyId} AND id = ${booking.id}`.execute(t.database.db);
  await recordCall(t.app, a.companyId, { at: new Date('2026-12-01T16:00:00Z'), outcome: 'booked', bookingId: booking.id, facts: { serviceId: a.serviceId } });
  await recordCall(t.app, a.companyId, { at: new Date('2026-12-01T20:00:00Z'), outcome: 'emergency', facts: { emergency: true } });
  await recordCall(t.app, a.companyId, { at: new Date('2026-12-02T03:00:00Z'), facts: { serviceId: a.serviceId }, intents: ['book.zip'] }); // 21:00 Tuesday
  await recordCall(t.app, a.companyId, { at: new Date('2026-12-02T12:00:00Z'), outcome: 'answered' }); // Wednesday: not in Tuesday's digest
  await t.app.ctx.services.messages.create(SYSTEM_ACTOR, a.companyId, { callId: null, callerName: 'Sam', callbackNumber: '+13125550166', body: 'Call me back', urgent: false, sourceKey: null });
}, 60_000);
afterAll(async () => {
  await t?.close();
  await smtp?.close();
  await twilio?.close();
});

const scan = () => t.app.ctx.services.digest.scan();
const send = (companyId: string, day: string, app: App = t.app) => sendDigest(app.ctx.services.digest)({ companyId, day });

describe('digest preferences', () => {
  it("are each owner's own, need a number for SMS, and are not for staff", async () => {
    const saved = await put(a.owner, a.companyId, { email: true, sms: true, smsNumber: '(312) 555-0111' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ email: true, sms: true, smsNumber: '+13125550111', emailAddress: a.owner.email });
    const got = await t.app.inject({ method: 'GET', url: `/api/companies/${a.companyId}/digest-subscription`, headers: second.headers });
    expect(got.json()).toEqual({ email: false, sms: false, smsNumber: null, emailAddress: second.email });
    expect((await put(second, a.companyId, { email: false, sms: true })).json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'smsNumber' } });
    expect((await put(staff, a.companyId, { email: true, sms: false })).statusCode).toBe(403);
    expect((await put(b.owner, b.companyId, { email: true, sms: true, smsNumber: '+13035550122' })).statusCode).toBe(200);
  });
});

describe('the daily digest', () => {
  it('waits for 7:00 company time', async () => {
    at('2026-12-02T12:59:00Z');
    expect(await scan()).toEqual([]);
    expect(smtp.received).toHaveLength(0);
  });

  it("sends yesterday's figures to the owners who opted in, once, from two app instances on one database", async () => {
    at('2026-12-02T13:00:00Z'); // 07:00 in Chicago, 06:00 in Denver
    const other = await buildApp({ config: t.config, database: t.database, clock: () => now });
    try {
      const scans = await Promise.all([t.app.ctx.services.digest.scan(), other.ctx.services.digest.scan()]);
      expect(scans.flat()).toEqual([{ companyId: a.companyId, day: '2026-12-02' }]);
      const results = await Promise.allSettled([send(a.companyId, '2026-12-02'), send(a.companyId, '2026-12-02', other)]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    } finally {
      await other.close();
    }
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual([a.owner.email]);
    expect(mail.from).toBe('ClientsVia <digest@clientsvia.test>');
    const name = (await t.app.ctx.services.companies.get(a.companyId)).name;
    expect(mail.subject).toBe(`${name}: your day on Tue, Dec 1`);
    for (const line of ['Calls: 3', 'Bookings: 1 (value $149–$249)', 'Emergencies: 1', 'Unbooked leads: 2', 'Messages to return: 1', `https://app.clientsvia.test/companies/${a.companyId}/overview`]) expect(mail.text).toContain(line);
    expect(twilio.sent).toHaveLength(1);
    expect(twilio.sent[0]).toMatchObject({ to: '+13125550111', from: '+13125550190' });
    expect(twilio.sent[0]!.body).toBe(`${name}, Tue, Dec 1:\nCalls: 3\nBookings: 1 (value $149–$249)\nEmergencies: 1\nUnbooked leads: 2\nMessages to return: 1\nhttps://app.clientsvia.test/companies/${a.companyId}/overview`);
  });

  it('sends nothing more that day: another scan, a repeated job', async () => {
    at('2026-12-02T13:55:00Z'); // Denver is still before 7:00
    expect(await t.app.ctx.services.digest.scan()).toEqual([]);
    expect(await send(a.companyId, '2026-12-02')).toEqual({ sent: 0, skipped: ['already sent'] });
    expect(smtp.received).toHaveLength(1);
    expect(twilio.sent).toHaveLength(1);
  });

  it("reaches another company at its own 7:00, and only its owner", async () => {
    at('2026-12-02T14:00:00Z'); // 07:00 in Denver
    expect(await t.app.ctx.services.digest.scan()).toEqual([{ companyId: b.companyId, day: '2026-12-02' }]);
    await send(b.companyId, '2026-12-02');
    expect(smtp.received.map((m) => m.to)).toEqual([[a.owner.email], [b.owner.email]]);
    expect(smtp.received[1]!.text).toContain('Calls: 0');
    expect(twilio.sent.map((s) => s.to)).toEqual(['+13125550111', '+13035550122']);
  });

  it('retries a failed send without sending twice what went out', async () => {
    at('2026-12-03T13:05:00Z'); // Thursday 07:05 in Chicago
    expect(await scan()).toEqual([{ companyId: a.companyId, day: '2026-12-03' }]);
    twilio.failNext(1, 500);
    await expect(send(a.companyId, '2026-12-03')).rejects.toThrow(/could not be sent to everyone \(1 failed\): sms: Twilio answered 500/);
    expect(smtp.received.filter((m) => m.to[0] === a.owner.email)).toHaveLength(2);
    expect(twilio.sent.filter((s) => s.to === '+13125550111')).toHaveLength(1);
    // The queue retries the job: only the text goes out.
    expect(await send(a.companyId, '2026-12-03')).toEqual({ sent: 1, skipped: [] });
    expect(smtp.received.filter((m) => m.to[0] === a.owner.email)).toHaveLength(2);
    expect(twilio.sent.filter((s) => s.to === '+13125550111')).toHaveLength(2);
  });

  it('goes out at 7:00 on the day clocks spring forward (7:00 CDT is 12:00 UTC)', async () => {
    at('2027-03-14T11:59:00Z'); // 06:59 CDT; in standard time it would be 05:59
    expect(await t.app.ctx.services.digest.scan()).toEqual([]);
    at('2027-03-14T12:00:00Z');
    expect(await t.app.ctx.services.digest.scan()).toEqual([{ companyId: a.companyId, day: '2027-03-14' }]);
    await send(a.companyId, '2027-03-14');
    expect(smtp.received.at(-1)!.subject).toContain('Sat, Mar 13');
  });
});
