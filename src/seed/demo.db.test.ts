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
});
