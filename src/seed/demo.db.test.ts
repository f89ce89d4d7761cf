import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { login, loginAdmin } from '../../test/helpers/factories.ts';
import { seedDemo } from './demo.ts';

describe('demo seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('creates two working demo companies on an empty database, and nothing more when run again', async () => {
    const first = await seedDemo(t.app.ctx.services, t.config, { onlyIfEmpty: true });
    expect(first.created).toBe(true);

    const owner = await login(t.app, 'owner@rapidrooter.example', t.config.demoPassword);
    const [company] = (await t.app.inject({ method: 'GET', url: '/api/companies', headers: owner.headers })).json().items;
    expect(company).toMatchObject({ slug: 'rapid-rooter-plumbing', timeZone: 'America/Chicago' });
    const phones = (await t.app.inject({ method: 'GET', url: `/api/companies/${company.id}/phone-numbers`, headers: owner.headers })).json().items;
    expect(phones.map((p: { number: string }) => p.number)).toContain('+13125550142');
    const contacts = (await t.app.inject({ method: 'GET', url: `/api/companies/${company.id}/contacts`, headers: owner.headers })).json().items;
    expect(contacts).toHaveLength(3);
    expect((await t.app.ctx.services.phoneNumbers.lookup('+13035550175'))?.timeZone).toBe('America/Denver');

    expect((await seedDemo(t.app.ctx.services, t.config, { onlyIfEmpty: true })).created).toBe(false);
    expect((await seedDemo(t.app.ctx.services, t.config, { onlyIfEmpty: false })).created).toBe(false);
    const admin = await loginAdmin(t.app);
    const all = (await t.app.inject({ method: 'GET', url: '/api/companies', headers: admin.headers })).json().items;
    expect(all).toHaveLength(2);
  });

  it('gives both demo companies bookable slots out of the box, and on-call slots for emergencies', async () => {
    for (const [email, zip, emergencyService] of [
      ['owner@rapidrooter.example', '60614', 'Emergency: burst pipe or flooding'],
      ['owner@polarair.example', '80202', 'No heat emergency'],
    ] as const) {
      const owner = await login(t.app, email, t.config.demoPassword);
      const [company] = (await t.app.inject({ method: 'GET', url: '/api/companies', headers: owner.headers })).json().items;
      const get = (path: string) => t.app.inject({ method: 'GET', url: `/api/companies/${company.id}${path}`, headers: owner.headers });
      const services = (await get('/services')).json().items as { id: string; name: string }[];
      const technicians = (await get('/technicians')).json().items;
      expect(services.length).toBeGreaterThanOrEqual(5);
      expect(technicians).toHaveLength(3);
      // Two weeks always hold business days outside the seeded holidays.
      const from = new Date().toISOString();
      const to = new Date(Date.now() + 14 * 86_400_000).toISOString();
      const range = `&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
      for (const service of services) {
        const res = await get(`/availability?serviceId=${service.id}&zip=${zip}${range}`);
        expect(res.statusCode, `${email} ${service.name}: ${res.body}`).toBe(200);
        expect(res.json().slots.length, `${email} ${service.name}`).toBeGreaterThan(0);
      }
      const emergency = services.find((s) => s.name === emergencyService)!;
      const urgent = (await get(`/availability?serviceId=${emergency.id}&zip=${zip}&emergency=true${range}`)).json().slots;
      expect(urgent.some((s: { onCall?: { surchargeNote: string } }) => s.onCall?.surchargeNote.includes('surcharge'))).toBe(true);
    }
  });
});
