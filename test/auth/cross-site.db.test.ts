import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createBookingFixture, localInstant, MONDAY, upcoming, type BookingFixture } from '../helpers/booking.ts';
import { createApiToken } from '../helpers/factories.ts';

/** A session cookie is ambient: a write it authorises must come from the dashboard's own pages. */
describe('cross-site request forgery', () => {
  let t: TestApp;
  let f: BookingFixture;
  let n = 0;
  beforeAll(async () => {
    // PUBLIC_URL is http://localhost:3000 (test config).
    t = await createTestApp();
    f = await createBookingFixture(t.app);
  });
  afterAll(async () => t?.close());

  const addContact = (headers: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: `/api/companies/${f.companyId}/contacts`, headers: { ...f.owner.headers, ...headers }, payload: { name: `Contact ${(n += 1)}`, phones: [`773-555-01${String(n).padStart(2, '0')}`] } });
  const contactCount = async () => (await f.call('GET', '/contacts?limit=200')).json().items.length as number;

  it('refuses a session write whose Origin is another site, and writes nothing', async () => {
    const before = await contactCount();
    for (const origin of ['https://evil.example', 'null', 'http://localhost:3000.evil.example']) {
      const res = await addContact({ origin });
      expect(res.statusCode, origin).toBe(403);
      expect(res.json().error.code).toBe('CROSS_SITE_REQUEST');
    }
    const fetchMeta = await addContact({ 'sec-fetch-site': 'cross-site' });
    expect(fetchMeta.statusCode).toBe(403);
    const sameSite = await addContact({ 'sec-fetch-site': 'same-site', origin: 'https://shop.localhost' });
    expect(sameSite.statusCode).toBe(403);
    expect(await contactCount()).toBe(before);
  });

  it("accepts PUBLIC_URL's origin, the server's own host and same-origin fetches", async () => {
    expect((await addContact({ origin: 'http://localhost:3000' })).statusCode).toBe(201);
    expect((await addContact({ origin: 'http://10.0.0.5:8080', host: '10.0.0.5:8080' })).statusCode).toBe(201);
    expect((await addContact({ 'sec-fetch-site': 'same-origin', origin: 'http://localhost:3000' })).statusCode).toBe(201);
    // Cross-site by fetch metadata, but the page is PUBLIC_URL's (the app reached by another name).
    expect((await addContact({ 'sec-fetch-site': 'cross-site', origin: 'http://localhost:3000' })).statusCode).toBe(201);
  });

  it('accepts a session write with neither Origin nor Sec-Fetch-Site (a client outside a browser)', async () => {
    expect((await addContact({})).statusCode).toBe(201);
  });

  it('does not hold API tokens to the Origin check', async () => {
    const token = await createApiToken(t.app, f.companyId);
    const res = await t.app.inject({
      method: 'POST', url: `/api/companies/${f.companyId}/contacts`, headers: { ...token.headers, origin: 'https://integration.example' },
      payload: { name: 'From an integration', phones: ['773-555-0199'] },
    });
    expect(res.statusCode).toBe(201);
  });

  it('does not let a text/plain POST with an empty body confirm a booking', async () => {
    const start = localInstant(f.timeZone, upcoming(f.timeZone, MONDAY), '10:00');
    const held = await f.call('POST', '/bookings', { serviceId: f.serviceId, start, zip: '60601', contact: { name: 'Dana Whitfield', phone: '(312) 555-0123' }, hold: true });
    expect(held.statusCode, held.body).toBe(201);
    const id = held.json().id as string;
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await t.app.inject({ method: 'POST', url: `/api/companies/${f.companyId}/bookings/${id}/confirm`, headers: { ...f.owner.headers, 'content-type': type }, payload: '' });
      expect(res.statusCode, type).toBe(415);
      expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    expect((await f.call('GET', `/bookings/${id}`)).json().status).toBe('held');
    const json = await f.call('POST', `/bookings/${id}/confirm`, {}, { 'content-type': 'application/json', origin: 'http://localhost:3000' });
    expect(json.statusCode, json.body).toBe(200);
    expect(json.json().status).toBe('confirmed');
  });

  it('takes no text/plain body on any route, signed in or not', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/plain' }, payload: '{"email":"a@b.example","password":"x"}' });
    expect(login.statusCode).toBe(415);
    expect(login.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
