import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createBookingFixture, type BookingFixture } from '../../../test/helpers/booking.ts';
import { createApiToken, createUserSession } from '../../../test/helpers/factories.ts';

let t: TestApp;
let f: BookingFixture;
beforeAll(async () => {
  t = await createTestApp();
  f = await createBookingFixture(t.app);
});
afterAll(async () => t?.close());

const errorOf = async (res: ReturnType<BookingFixture['call']>) => {
  const r = await res;
  return { status: r.statusCode, code: r.json().error?.code as string | undefined, field: r.json().error?.details?.field as string | undefined };
};

describe('booking settings', () => {
  it("starts from sensible defaults and reports the company's time zone", async () => {
    const fresh = await createBookingFixture(t.app, { timeZone: 'America/Phoenix' });
    const other = await t.app.inject({ method: 'GET', url: `/api/companies/${fresh.companyId}/booking-settings`, headers: fresh.owner.headers });
    expect(other.json()).toMatchObject({ timeZone: 'America/Phoenix', minNoticeMinutes: 60, holdMinutes: 5, onCall: null, arrivalWindows: [] });
  });

  it('keeps the fields a PUT leaves out, and normalises the service area', async () => {
    const res = await f.call('PUT', '/booking-settings', {
      serviceArea: ['60601-1234', '02134', '60601'],
      overrides: [{ date: '2030-12-24', ranges: [{ start: '08:00', end: '12:00' }] }],
      holidays: [{ date: '2030-12-25', name: 'Christmas Day' }],
      weeklyHours: { monday: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:00' }], friday: [{ start: '22:00', end: '06:00' }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ serviceArea: ['60601', '02134'], minNoticeMinutes: 60, horizonDays: 90, holidays: [{ date: '2030-12-25', name: 'Christmas Day' }] });
    expect((await f.call('GET', '/booking-settings')).json().weeklyHours.friday).toEqual([{ start: '22:00', end: '06:00' }]);
  });

  it('changes the company time zone through the settings', async () => {
    const moved = await createBookingFixture(t.app);
    expect((await moved.call('PUT', '/booking-settings', { timeZone: 'America/New_York' })).json().timeZone).toBe('America/New_York');
    expect((await moved.call('GET', '')).json().timeZone).toBe('America/New_York');
  });

  it('refuses what a day cannot hold, with a code and the field, and writes nothing', async () => {
    const before = (await f.call('GET', '/booking-settings')).json();
    expect(await errorOf(f.call('PUT', '/booking-settings', { timeZone: 'Mars/Olympus_Mons' }))).toEqual({ status: 400, code: 'INVALID_TIME_ZONE', field: 'timeZone' });
    expect(await errorOf(f.call('PUT', '/booking-settings', { holidays: [{ date: '2030-02-30', name: 'x' }] }))).toEqual({ status: 400, code: 'INVALID_BOOKING_SETTINGS', field: 'holidays[0].date' });
    expect(await errorOf(f.call('PUT', '/booking-settings', { weeklyHours: { monday: [{ start: '24:00', end: '06:00' }] } }))).toEqual({ status: 400, code: 'INVALID_BOOKING_SETTINGS', field: 'weeklyHours.monday[0].start' });
    expect(await errorOf(f.call('PUT', '/booking-settings', { overrides: [{ date: '2030-01-01', closed: true, ranges: [] }] }))).toEqual({ status: 400, code: 'INVALID_BOOKING_SETTINGS', field: 'overrides[0]' });
    expect(await errorOf(f.call('PUT', '/booking-settings', { arrivalWindows: [{ start: '12:00', end: '08:00', capacity: 2 }] }))).toEqual({ status: 400, code: 'INVALID_BOOKING_SETTINGS', field: 'arrivalWindows[0]' });
    expect(await errorOf(f.call('PUT', '/booking-settings', { serviceArea: ['60601', '6060'] }))).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    const unknownService = { weeklyHours: {}, serviceIds: ['00000000-0000-4000-8000-000000000000'], surchargeNote: 'x' };
    expect(await errorOf(f.call('PUT', '/booking-settings', { minNoticeMinutes: 5, onCall: unknownService }))).toEqual({ status: 422, code: 'UNKNOWN_SERVICE', field: 'onCall.serviceIds' });
    expect((await f.call('GET', '/booking-settings')).json()).toEqual(before);
  });

  it('refuses a misspelled field instead of ignoring it', async () => {
    for (const [method, path, body] of [
      ['PUT', '/booking-settings', { horizonDay: 5 }],
      ['PATCH', `/services/${f.serviceId}`, { durationMins: 30 }],
      ['PATCH', `/technicians/${f.technicianIds[0]}`, { skils: ['x'] }],
    ] as const) {
      const res = await f.call(method, path, body);
      expect([res.statusCode, res.json().error.code], path).toEqual([400, 'VALIDATION_FAILED']);
      expect(res.json().error.message).toMatch(/not an allowed property/);
    }
  });

  it("is the owner's to change: staff and API tokens may read but not write", async () => {
    const staff = await createUserSession(t.app, f.companyId, 'staff');
    const token = await createApiToken(t.app, f.companyId);
    for (const headers of [staff.headers, token.headers]) {
      const url = `/api/companies/${f.companyId}/booking-settings`;
      expect((await t.app.inject({ method: 'GET', url, headers })).statusCode).toBe(200);
      expect((await t.app.inject({ method: 'PUT', url, headers, payload: { horizonDays: 5 } })).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'POST', url: `/api/companies/${f.companyId}/technicians`, headers, payload: { name: 'Sneaky' } })).statusCode).toBe(403);
    }
  });
});

describe('services and technicians', () => {
  it('normalises skills and zips, and refuses a second service of the same name', async () => {
    const svc = await f.call('POST', '/services', { name: 'Water Heater Install', durationMinutes: 240, requiredSkills: [' Water_Heaters ', 'water_heaters', 'Plumbing'] });
    expect(svc.statusCode, svc.body).toBe(201);
    expect(svc.json()).toMatchObject({ requiredSkills: ['water_heaters', 'plumbing'], bufferBeforeMinutes: 0, slotIntervalMinutes: 30, active: true });
    expect(await errorOf(f.call('POST', '/services', { name: 'water heater install', durationMinutes: 60 }))).toEqual({ status: 409, code: 'SERVICE_NAME_TAKEN', field: 'name' });

    const tech = await f.call('POST', '/technicians', { name: 'Rosa Diaz', phone: '(312) 555-0188', zips: ['60601-0001', '02134'], skills: ['Plumbing'] });
    expect(tech.json()).toMatchObject({ phone: '+13125550188', zips: ['60601', '02134'], skills: ['plumbing'], weeklyHours: null });
    expect(await errorOf(f.call('PATCH', `/technicians/${tech.json().id}`, { timeOff: [{ start: '2030-01-02T00:00:00Z', end: '2030-01-01T00:00:00Z' }] }))).toEqual({ status: 400, code: 'INVALID_BOOKING_SETTINGS', field: 'timeOff[0]' });
    expect(await errorOf(f.call('PATCH', `/technicians/${tech.json().id}`, { phone: 'call me' }))).toMatchObject({ status: 400, code: 'INVALID_PHONE_NUMBER' });
  });

  it('keeps a service or technician with bookings: delete answers IN_USE, deactivating stops offers', async () => {
    const g = await createBookingFixture(t.app);
    const slots = (await g.call('GET', `/availability?serviceId=${g.serviceId}&zip=60601`)).json().slots;
    expect((await g.call('POST', '/bookings', { serviceId: g.serviceId, start: slots[0].start, zip: '60601', contact: { name: 'Kim', phone: '312-555-0111' } })).statusCode).toBe(201);
    expect(await errorOf(g.call('DELETE', `/services/${g.serviceId}`))).toMatchObject({ status: 409, code: 'IN_USE' });
    expect(await errorOf(g.call('DELETE', `/technicians/${g.technicianIds[0]}`))).toMatchObject({ status: 409, code: 'IN_USE' });
    await g.call('PATCH', `/services/${g.serviceId}`, { active: false });
    expect(await errorOf(g.call('GET', `/availability?serviceId=${g.serviceId}&zip=60601`))).toMatchObject({ status: 422, code: 'UNKNOWN_SERVICE' });

    const spare = (await g.call('POST', '/technicians', { name: 'Spare' })).json().id as string;
    expect((await g.call('DELETE', `/technicians/${spare}`)).statusCode).toBe(204);
    expect((await g.call('GET', `/technicians/${spare}`)).statusCode).toBe(404);
  });
});
