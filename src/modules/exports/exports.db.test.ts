import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../auth/principal.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createBookingFixture, type BookingFixture } from '../../../test/helpers/booking.ts';
import { recordCall } from '../../../test/helpers/call-records.ts';
import { parseCsv } from '../knowledge/csv.ts';

/**
 * The CSV exports over HTTP: company-local days, times with the company's offset, RFC 4180
 * quoting, cells a spreadsheet would run as formulas defused, and a range larger than one page.
 */
const NOW = new Date('2026-12-02T21:00:00Z'); // Wed 15:00 in Chicago

let t: TestApp;
let a: BookingFixture;
const c: Record<string, string> = {};

const download = (path: string) => t.app.inject({ method: 'GET', url: `/api/companies/${a.companyId}${path}`, headers: a.owner.headers });
const records = (body: string) => parseCsv(body).map((r) => r.fields);

beforeAll(async () => {
  t = await createTestApp({ clock: () => NOW });
  a = await createBookingFixture(t.app);
  const contacts = t.app.ctx.services.contacts;
  await contacts.create(SYSTEM_ACTOR, a.companyId, { name: '=HYPERLINK("http://evil.example","click")', phones: ['+13125550111'] });
  await contacts.create(SYSTEM_ACTOR, a.companyId, { name: 'Lee, "Junior"\nSmith', phones: ['+13125550122'] });
  c.formula = await recordCall(t.app, a.companyId, { at: new Date('2026-12-02T16:00:00Z'), from: '+13125550111', outcome: 'answered' });
  c.quoted = await recordCall(t.app, a.companyId, { at: new Date('2026-12-02T17:00:00Z'), from: '+13125550122', outcome: 'message' });
  // 21:30 on Tuesday in Chicago (Wednesday in UTC): Tuesday's.
  c.tuesday = await recordCall(t.app, a.companyId, { at: new Date('2026-12-02T03:30:00Z'), outcome: 'answered' });
});
afterAll(async () => t?.close());

describe('calls export', () => {
  it('is a CSV attachment of the range’s calls, times in the company zone with the offset', async () => {
    const res = await download('/calls/export.csv?from=2026-12-02&to=2026-12-02');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="calls-2026-12-02-to-2026-12-02.csv"');
    const [header, ...rows] = records(res.body);
    expect(header!.slice(0, 4)).toEqual(['call_id', 'started_at', 'ended_at', 'channel']);
    expect(rows.map((r) => r[0])).toEqual([c.quoted, c.formula]);
    expect(rows[1]!.slice(1, 3)).toEqual(['2026-12-02T10:00:00-06:00', '2026-12-02T10:02:00-06:00']);
    expect(res.body.split('\r\n').length).toBe(4); // CRLF line ends, the last one included
  });

  it('quotes commas, quotes and line breaks, and defuses cells a spreadsheet would run', async () => {
    const res = await download('/calls/export.csv?from=2026-12-02&to=2026-12-02');
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(res.body).toContain(`"Lee, ""Junior""\nSmith"`);
    const rows = records(res.body);
    const name = rows[0]!.indexOf('caller_name');
    const from = rows[0]!.indexOf('from_number');
    expect(rows.find((r) => r[0] === c.formula)![name]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(rows.find((r) => r[0] === c.quoted)![name]).toBe('Lee, "Junior"\nSmith');
    expect(rows.find((r) => r[0] === c.formula)![from]).toBe("'+13125550111");
  });

  it('counts company-local days', async () => {
    const rows = records((await download('/calls/export.csv?from=2026-12-01&to=2026-12-01')).body);
    expect(rows.slice(1).map((r) => r[0])).toEqual([c.tuesday]);
  });

  it('streams a range larger than a page, every call once', async () => {
    const other = await createBookingFixture(t.app);
    await sql`INSERT INTO calls (company_id, call_sid, started_at, status, outcome)
      SELECT ${other.companyId}, 'CAbulk' || n, ${new Date('2026-11-01T12:00:00Z')}::timestamptz + n * interval '1 minute', 'completed', 'answered'
      FROM generate_series(1, 1234) AS n`.execute(t.database.db);
    const res = await t.app.inject({ method: 'GET', url: `/api/companies/${other.companyId}/calls/export.csv?from=2026-11-01&to=2026-11-30`, headers: other.owner.headers });
    const rows = records(res.body).slice(1);
    expect(rows).toHaveLength(1234);
    expect(new Set(rows.map((r) => r[0])).size).toBe(1234);
  });

  it('refuses a bad range before anything is sent', async () => {
    const res = await download('/calls/export.csv?from=2026-12-05&to=2026-12-01');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('BAD_REQUEST');
  });
});

describe('bookings export', () => {
  it('lists the visits of the range with their company-local times', async () => {
    const booked = await a.call('POST', '/bookings', { serviceId: a.serviceId, start: '2026-12-14T10:00:00-06:00', zip: '60601', contact: { name: '@SUM(A1:A9)', phone: '(312) 555-0123' }, address: '200 E Randolph St' });
    expect(booked.statusCode, booked.body).toBe(201);
    const res = await download('/bookings/export.csv?from=2026-12-14&to=2026-12-14');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="bookings-2026-12-14-to-2026-12-14.csv"');
    const [header, row] = records(res.body);
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(cell('booking_id')).toBe(booked.json().id);
    expect(cell('start')).toBe('2026-12-14T10:00:00-06:00');
    expect(cell('service')).toBe('Leak repair');
    expect(cell('customer_name')).toBe("'@SUM(A1:A9)");
    expect(cell('created_at')).toMatch(/^20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d-0[56]:00$/);
    expect(records((await download('/bookings/export.csv?from=2026-12-15&to=2026-12-20')).body)).toHaveLength(1);
  });
});
