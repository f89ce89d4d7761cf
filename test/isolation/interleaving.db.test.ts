import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createCompany, createUserSession, type Session } from '../helpers/factories.ts';

interface Tenant {
  id: string;
  owner: Session;
  contactIds: string[];
}

/**
 * One database connection shared by interleaved requests of two companies: if a company or the
 * restricted role outlived its transaction on the connection, the next request (the other
 * company's) would see the wrong rows.
 */
describe('interleaved requests of two companies on one connection', () => {
  let t: TestApp;
  const tenants: Tenant[] = [];

  beforeAll(async () => {
    t = await createTestApp({ poolMax: 1 });
    for (const label of ['Alpha', 'Bravo']) {
      const company = await createCompany(t.app, { name: `${label} Interleaved` });
      const owner = await createUserSession(t.app, company.id, 'owner');
      const contactIds: string[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await t.app.inject({
          method: 'POST', url: `/api/companies/${company.id}/contacts`, headers: owner.headers,
          payload: { name: `${label} customer ${i}`, phones: [`312-555-0${label === 'Alpha' ? 1 : 2}0${i}`] },
        });
        if (res.statusCode !== 201) throw new Error(`creating a contact failed: ${res.statusCode} ${res.body}`);
        contactIds.push((res.json() as { id: string }).id);
      }
      tenants.push({ id: company.id, owner, contactIds: contactIds.sort() });
    }
  });
  afterAll(async () => t?.close());

  it('answers each company with exactly its own contacts', async () => {
    const requests = Array.from({ length: 50 }, (_, i) => {
      const tenant = tenants[i % 2]!;
      return t.app.inject({ method: 'GET', url: `/api/companies/${tenant.id}/contacts`, headers: tenant.owner.headers })
        .then((res) => ({ i, tenant, res }));
    });
    const wrong: string[] = [];
    for (const { i, tenant, res } of await Promise.all(requests)) {
      const who = tenant === tenants[0] ? 'A' : 'B';
      if (res.statusCode !== 200) {
        wrong.push(`request ${i} (${who}): ${res.statusCode} ${res.body}`);
        continue;
      }
      const ids = (res.json() as { items: Array<{ id: string }> }).items.map((c) => c.id).sort();
      if (JSON.stringify(ids) !== JSON.stringify(tenant.contactIds)) wrong.push(`request ${i} (${who}) listed ${ids.join(', ')}`);
    }
    expect(wrong).toEqual([]);
  });
});
