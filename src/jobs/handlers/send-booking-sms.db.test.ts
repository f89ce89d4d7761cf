import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createBookingFixture, localInstant, MONDAY, upcoming } from '../../../test/helpers/booking.ts';
import { loginAdmin } from '../../../test/helpers/factories.ts';
import { startTwilioRestStub, type TwilioRestStub } from '../../../test/stubs/twilio-rest.ts';
import { sendBookingSms } from './send-booking-sms.ts';

const account = { accountSid: `AC${'7'.repeat(32)}`, authToken: 'stub-auth-token-1234567890' };

describe('booking confirmation SMS', () => {
  let t: TestApp;
  let stub: TwilioRestStub;
  beforeAll(async () => {
    t = await createTestApp();
    stub = await startTwilioRestStub(account);
  });
  afterAll(async () => {
    await stub?.close();
    await t?.close();
  });

  let numbers = 0;
  async function bookedCompany(smsConfirmations: boolean) {
    const f = await createBookingFixture(t.app, { settings: { smsConfirmations } });
    // Numbers are unique across the platform: one per company, assigned by the platform admin.
    const added = await t.app.inject({ method: 'POST', url: `/api/companies/${f.companyId}/phone-numbers`, headers: (await loginAdmin(t.app)).headers, payload: { number: `(312) 555-014${numbers++}`, label: 'Main' } });
    expect(added.statusCode, added.body).toBe(201);
    const monday = upcoming(f.timeZone, MONDAY);
    const res = await f.call('POST', '/bookings', { serviceId: f.serviceId, start: localInstant(f.timeZone, monday, '10:00'), zip: '60601', contact: { name: 'Dana', phone: '(312) 555-0123' }, address: '200 E Randolph St' });
    return { f, booking: res.json() as { id: string; label: string } };
  }

  const configured = { twilioAccountSid: account.accountSid, twilioAuthToken: account.authToken };
  const send = (config: Partial<typeof configured> = configured) =>
    sendBookingSms(t.app.ctx.services, { twilioApiBaseUrl: stub.url, twilioAccountSid: config.twilioAccountSid, twilioAuthToken: config.twilioAuthToken });

  it("texts the caller from the company's number with the service, time and address", async () => {
    const { f, booking } = await bookedCompany(true);
    const result = await send()({ companyId: f.companyId, bookingId: booking.id });
    expect(result.sid).toMatch(/^SM/);
    const sms = stub.sent.at(-1)!;
    expect(sms).toMatchObject({ to: '+13125550123', from: '+13125550140' });
    expect(sms.body).toBe(`${(await f.call('GET', '')).json().name}: you're booked for Leak repair on ${booking.label} at 200 E Randolph St. To change or cancel, call (312) 555-0140.`);
  });

  it('sends nothing when the company has confirmations off, the booking was cancelled, or no account is configured', async () => {
    const before = stub.sent.length;
    const off = await bookedCompany(false);
    expect(await send()({ companyId: off.f.companyId, bookingId: off.booking.id })).toEqual({ skipped: 'SMS confirmations are off' });
    const on = await bookedCompany(true);
    await on.f.call('POST', `/bookings/${on.booking.id}/cancel`, {});
    expect(await send()({ companyId: on.f.companyId, bookingId: on.booking.id })).toEqual({ skipped: 'booking is cancelled' });
    expect(await send({})({ companyId: on.f.companyId, bookingId: on.booking.id })).toEqual({ skipped: 'no Twilio account configured' });
    expect(stub.sent.length).toBe(before);
  });

  it("fails (so the queue retries) when Twilio refuses, naming Twilio's status", async () => {
    const { f, booking } = await bookedCompany(true);
    stub.failNext(1, 500);
    await expect(send()({ companyId: f.companyId, bookingId: booking.id })).rejects.toMatchObject({ name: 'SmsError', status: 500 });
    expect((await send()({ companyId: f.companyId, bookingId: booking.id })).sid).toMatch(/^SM/);
  });
});
