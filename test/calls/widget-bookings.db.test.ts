import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApp, type TestApp } from '../helpers/app.ts';
import { businessMorning } from '../helpers/calls.ts';
import { login } from '../helpers/factories.ts';

/**
 * The public website widget is anonymous: a booking made through it is a request the company
 * confirms, it gives its slot back when nobody does, and visitors are capped per company and
 * per phone number per day.
 */
const CAPS = { ANON_CONVERSATIONS_PER_COMPANY_PER_DAY: '6', ANON_BOOKINGS_PER_COMPANY_PER_DAY: '3', ANON_BOOKINGS_PER_PHONE_PER_DAY: '1', ANON_REQUEST_HOLD_MINUTES: '90' };

let t: TestApp;
let companyId: string;
let headers: { cookie: string };
let widgetKey: string;
beforeAll(async () => {
  t = await createDemoApp({ clock: () => businessMorning('America/Chicago'), env: CAPS });
  headers = (await login(t.app, 'owner@rapidrooter.example', t.config.demoPassword)).headers;
  companyId = (await t.app.inject({ method: 'GET', url: '/api/companies', headers })).json().items[0].id;
  widgetKey = (await t.app.inject({ method: 'GET', url: `/api/companies/${companyId}/widget`, headers })).json().widgetKey;
});
afterAll(async () => t?.close());

// Each visitor from its own address: the per-address rate limit is not what these tests are about.
let visitor = 0;
const widget = (payload: object, remoteAddress = '198.51.100.1') => t.app.inject({ method: 'POST', url: `/api/widget/${widgetKey}/chat`, remoteAddress, payload });
const api = (method: 'GET' | 'POST', path: string, payload?: object) => t.app.inject({ method, url: `/api/companies/${companyId}${path}`, headers, ...(payload ? { payload } : {}) });

/** A whole widget conversation; returns what the agent wrote, line by line. */
async function converse(name: string, phone: string, lines: string[] = []): Promise<string[]> {
  const remoteAddress = `198.51.100.${(visitor += 1) + 1}`;
  const hello = await widget({}, remoteAddress);
  expect(hello.statusCode, hello.body).toBe(200);
  const { conversationId } = hello.json();
  const heard: string[] = [hello.json().say];
  const script = lines.length > 0 ? lines : [
    'Hi, my kitchen sink is clogged and I need someone to come out and fix it.',
    name,
    phone,
    '1450 North Dearborn Street',
    '60610',
    'tomorrow morning',
    'the first one',
  ];
  for (const text of script) {
    const res = await widget({ conversationId, text }, remoteAddress);
    expect(res.statusCode, res.body).toBe(200);
    heard.push(`> ${text}`, res.json().say);
    if (res.json().next !== 'listen') break;
  }
  return heard;
}

type BookingRow = { id: string; status: string; customerName: string; start: string; serviceId: string; zip: string };
const bookingOf = async (name: string) => ((await api('GET', '/bookings?limit=200')).json().items as BookingRow[]).find((b) => b.customerName === name);

describe('bookings from the website widget', () => {
  it('sends a request, not a booking: nothing is confirmed and the visitor is not told it is booked', async () => {
    const heard = await converse('Dana Whitfield', '312 555 0188');
    const last = heard.at(-1)!;
    expect(heard.some((l) => l.includes('Let me read that back')), heard.join('\n')).toBe(true);
    expect(last, heard.join('\n')).toMatch(/sent your request/);
    expect(last).toMatch(/isn't booked yet/);
    expect(heard.join('\n')).not.toMatch(/all set|is booked for/);

    const booking = await bookingOf('Dana Whitfield');
    expect(booking).toMatchObject({ status: 'held' });
    const record = ((await api('GET', '/calls?limit=100')).json().items as { channel: string; outcome: string | null; bookingId: string | null }[]).find((c) => c.channel === 'widget' && c.outcome === 'message');
    expect(record).toMatchObject({ bookingId: null });
  });

  it('lets the owner confirm the request in the dashboard API', async () => {
    const booking = (await bookingOf('Dana Whitfield'))!;
    const confirmed = await api('POST', `/bookings/${booking.id}/confirm`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().status).toBe('confirmed');
  });

  it('gives the slot back when the company does not confirm it in time', async () => {
    await converse('Sam Ortega', '312 555 0199');
    const booking = (await bookingOf('Sam Ortega'))!;
    expect(booking.status).toBe('held');
    const query = `/availability?serviceId=${booking.serviceId}&zip=${booking.zip}&from=${encodeURIComponent(new Date(Date.parse(booking.start) - 60_000).toISOString())}&to=${encodeURIComponent(new Date(Date.parse(booking.start) + 60_000).toISOString())}`;
    const offered = async () => ((await api('GET', query)).json().slots as { start: string }[]).some((s) => Date.parse(s.start) === Date.parse(booking.start));
    expect(await offered()).toBe(false);
    // Still held just before the request's 90 minutes run out; released after.
    // Holds run on the app's clock (the morning the calls are answered at).
    const now = t.app.ctx.clock().getTime();
    expect(await t.app.ctx.services.bookings.releaseExpiredHolds(new Date(now + 85 * 60_000))).toBe(0);
    expect(await t.app.ctx.services.bookings.releaseExpiredHolds(new Date(now + 91 * 60_000))).toBeGreaterThanOrEqual(1);
    expect((await bookingOf('Sam Ortega'))!.status).toBe('expired');
    expect(await offered()).toBe(true);
    const late = await api('POST', `/bookings/${booking.id}/confirm`);
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'HOLD_EXPIRED']);
  });

  it('takes one booking request per phone number a day, then offers to take a message', async () => {
    const heard = await converse('Dana Again', '312 555 0188');
    expect(heard.join('\n')).toMatch(/can't take any more booking requests online today/);
    expect(heard.join('\n')).toMatch(/Would you like to leave a message/);
    expect(await bookingOf('Dana Again')).toBeUndefined();
  });

  it('takes three booking requests per company a day', async () => {
    await converse('Lee Park', '312 555 0111'); // the third (Dana, Sam, Lee)
    expect((await bookingOf('Lee Park'))?.status).toBe('held');
    const heard = await converse('Kim Vo', '312 555 0122');
    expect(heard.join('\n')).toMatch(/can't take any more booking requests online today/);
    expect(await bookingOf('Kim Vo')).toBeUndefined();
  });

  it('refuses the conversation after the company cap with ANON_CONVERSATION_LIMIT, and leaves the owner chat alone', async () => {
    // Five conversations so far; the sixth is the last one allowed.
    expect((await widget({})).statusCode).toBe(200);
    const refused = await widget({});
    expect([refused.statusCode, refused.json().error.code]).toEqual([429, 'ANON_CONVERSATION_LIMIT']);
    const owner = await api('POST', '/agent/chat', {});
    expect(owner.statusCode).toBe(200);
  });
});
