import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createBookingFixture, localInstant, MONDAY, upcoming, type BookingFixture } from '../helpers/booking.ts';
import { count } from '../isolation/tenant-rows.ts';

/** The inputs the fuzz suite found answering 500 (issue 15, item 7), one test each. */
describe('bad input the fuzzer found answers 4xx in the error format', () => {
  let t: TestApp;
  let app: App;
  let g: BookingFixture;
  let slotStart: string;

  beforeAll(async () => {
    t = await createTestApp();
    app = t.app;
    g = await createBookingFixture(app);
    const day = upcoming(g.timeZone, MONDAY);
    const slots = (await g.call('GET', `/availability?serviceId=${g.serviceId}&zip=60601&from=${encodeURIComponent(localInstant(g.timeZone, day, '00:00'))}`)).json() as { slots: { start: string }[] };
    slotStart = slots.slots[0]!.start;
  });
  afterAll(async () => {
    await t?.close();
  });

  const errorOf = (res: { json(): unknown }) => (res.json() as { error: { code: string; message: string } }).error;

  it('refuses a NUL byte in a body field, and writes nothing', async () => {
    const before = await count(t.database.db, 'contacts', g.companyId);
    const res = await g.call('POST', '/contacts', { name: 'Kim\u0000Lee', phones: ['312-555-0111'] });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'INVALID_TEXT' });
    expect(errorOf(res).message).toContain('body.name');
    expect(await count(t.database.db, 'contacts', g.companyId)).toBe(before);
  });

  it('refuses a lone surrogate before it reaches the audit log', async () => {
    const before = await count(t.database.db, 'audit_log', g.companyId);
    const res = await g.call('POST', '/technicians', { name: 'Tech \ud800' });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('INVALID_TEXT');
    expect(await count(t.database.db, 'audit_log', g.companyId)).toBe(before);
  });

  it('refuses a NUL byte inside the configuration document and in a query string', async () => {
    const config = await g.call('PUT', '/config', { company: { name: 'A\u0000' } });
    expect(config.statusCode).toBe(400);
    expect(errorOf(config).code).toBe('INVALID_TEXT');
    const query = await g.call('GET', '/contacts?q=a%00b');
    expect(query.statusCode).toBe(400);
    expect(errorOf(query).code).toBe('INVALID_TEXT');
  });

  it('refuses a NUL byte in a CSV knowledge import', async () => {
    const res = await g.call('POST', '/knowledge/import', 'question,answer\nWhy\u0000?,Because\n' as unknown as object, { 'content-type': 'text/csv' });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('INVALID_TEXT');
  });

  it('refuses a configuration document nested 5,000 levels deep', async () => {
    const res = await app.inject({
      method: 'PUT', url: `/api/companies/${g.companyId}/config`, headers: { ...g.owner.headers, 'content-type': 'application/json' },
      payload: `{"company":${'['.repeat(5000)}${']'.repeat(5000)}}`,
    });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('BODY_TOO_DEEP');
  });

  it('refuses limit or offset of 1e309 on a list', async () => {
    for (const q of ['limit=1e309', 'offset=1e309', 'limit=Infinity']) {
      const res = await g.call('GET', `/contacts?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(errorOf(res).code, q).toBe('VALIDATION_FAILED');
    }
  });

  it('refuses a booking start in year 0001 or 9999, or on a leap second', async () => {
    for (const start of ['0001-01-01T10:00:00Z', '9999-12-31T10:00:00Z', '2030-06-30T23:59:60Z']) {
      const res = await g.call('POST', '/bookings', { serviceId: g.serviceId, start, zip: '60601', contact: { name: 'Kim', phone: '312-555-0111' } });
      expect(res.statusCode, start).toBe(400);
      expect(errorOf(res).code, start).toBe('VALIDATION_FAILED');
    }
  });

  it("answers 422 INVALID_REFERENCE for a booking whose callId is not the company's", async () => {
    const before = await count(t.database.db, 'bookings', g.companyId);
    const res = await g.call('POST', '/bookings', { serviceId: g.serviceId, start: slotStart, zip: '60601', contact: { name: 'Kim', phone: '312-555-0111' }, callId: randomUUID() });
    expect(res.statusCode).toBe(422);
    expect(errorOf(res)).toEqual({ code: 'INVALID_REFERENCE', message: 'The request names a record that does not exist.' });
    expect(await count(t.database.db, 'bookings', g.companyId)).toBe(before);
  });

  it('answers a too long or malformed URL in the error format', async () => {
    const long = await app.inject({ method: 'GET', url: `/api/companies/${'x'.repeat(3000)}`, headers: g.owner.headers });
    expect(long.statusCode).toBe(414);
    expect(errorOf(long)).toEqual({ code: 'URI_TOO_LONG', message: 'The URL is too long.' });
    const bad = await app.inject({ method: 'GET', url: '/api/companies/%', headers: g.owner.headers });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).code).toBe('BAD_REQUEST');
  });

  // Issue 15, item 13: a body is validated as sent; only the URL is coerced from text.
  it('refuses null or 0 for a boolean in a body instead of storing false', async () => {
    for (const enabled of [null, 0, 'false']) {
      const res = await g.call('POST', '/knowledge', { question: 'Do you work weekends?', answer: 'Yes.', enabled });
      expect(res.statusCode, String(enabled)).toBe(400);
      expect(errorOf(res).code).toBe('VALIDATION_FAILED');
    }
    expect((await g.call('GET', '/contacts?limit=5')).statusCode).toBe(200);
  });

  it('cancels a booking sent with no body, since its body is optional', async () => {
    const booked = await g.call('POST', '/bookings', { serviceId: g.serviceId, start: slotStart, zip: '60601', contact: { name: 'Kim', phone: '312-555-0111' } });
    expect(booked.statusCode).toBe(201);
    const res = await app.inject({ method: 'POST', url: `/api/companies/${g.companyId}/bookings/${(booked.json() as { id: string }).id}/cancel`, headers: g.owner.headers });
    expect(res.statusCode).toBe(200);
    expect((res.json() as { status: string }).status).toBe('cancelled');
  });
});
