import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createApiToken, createCompany, createUserSession, type Session } from '../../../test/helpers/factories.ts';
import { SYSTEM_ACTOR } from '../auth/principal.ts';

describe('contacts across companies, in the audit log and under concurrency', () => {
  let t: TestApp;
  let a: { id: string; owner: Session; url: string };
  let b: { id: string; owner: Session; url: string };

  const tenant = async () => {
    const id = (await createCompany(t.app)).id;
    return { id, owner: await createUserSession(t.app, id, 'owner'), url: `/api/companies/${id}/contacts` };
  };

  beforeAll(async () => {
    t = await createTestApp();
    a = await tenant();
    b = await tenant();
  });
  afterAll(async () => t?.close());

  const create = (who: typeof a, payload: object) => t.app.inject({ method: 'POST', url: who.url, headers: who.owner.headers, payload });
  const listAll = async (who: typeof a, q?: string) =>
    (await t.app.inject({ method: 'GET', url: who.url, headers: who.owner.headers, query: q ? { q } : {} })).json().items as Array<{ id: string }>;

  it("never shows one company's contacts to another", async () => {
    const secret = (await create(a, { name: 'Only In A', phones: ['212-555-0100'] })).json();
    expect(await listAll(b)).toEqual([]);
    expect(await listAll(b, 'Only In A')).toEqual([]);
    expect(await listAll(b, '212-555-0100')).toEqual([]);
    for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
      const payload = method === 'PATCH' ? { payload: { name: 'hijacked' } } : {};
      const viaOwnCompany = await t.app.inject({ method, url: `${b.url}/${secret.id}`, headers: b.owner.headers, ...payload });
      expect(viaOwnCompany.statusCode, `${method} under B`).toBe(404);
      const viaTheirCompany = await t.app.inject({ method, url: `${a.url}/${secret.id}`, headers: b.owner.headers, ...payload });
      expect(viaTheirCompany.statusCode, `${method} under A`).toBe(404);
    }
    expect((await t.app.inject({ method: 'GET', url: a.url, headers: b.owner.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: a.url, headers: b.owner.headers, payload: { name: 'planted' } })).statusCode).toBe(404);
    const token = await createApiToken(t.app, b.id);
    expect((await t.app.inject({ method: 'GET', url: `${a.url}/${secret.id}`, headers: token.headers })).statusCode).toBe(404);
    const still = await t.app.inject({ method: 'GET', url: `${a.url}/${secret.id}`, headers: a.owner.headers });
    expect(still.json()).toMatchObject({ name: 'Only In A', phones: ['+12125550100'] });
  });

  it('lets two companies each keep a contact with the same number', async () => {
    expect((await create(a, { name: 'Shared A', phones: ['646-555-0111'] })).statusCode).toBe(201);
    expect((await create(b, { name: 'Shared B', phones: ['(646) 555-0111'] })).statusCode).toBe(201);
  });

  it('writes who created, changed and deleted a contact to the audit log, without personal details', async () => {
    const staff = await createUserSession(t.app, a.id, 'staff');
    const c = (await t.app.inject({ method: 'POST', url: a.url, headers: staff.headers, payload: { name: 'Audited Person', phones: ['917-555-0123'], notes: 'private' } })).json();
    await t.app.inject({ method: 'PATCH', url: `${a.url}/${c.id}`, headers: staff.headers, payload: { zip: '10001' } });
    await t.app.inject({ method: 'DELETE', url: `${a.url}/${c.id}`, headers: staff.headers });
    const res = await t.app.inject({ method: 'GET', url: `/api/companies/${a.id}/audit-log`, headers: a.owner.headers, query: { entityType: 'contact', entityId: c.id } });
    expect(res.statusCode).toBe(200);
    const entries = res.json().items as Array<{ action: string; actor: { type: string; label: string }; changes: Record<string, unknown> }>;
    expect(entries.map((e) => e.action).sort()).toEqual(['contact.created', 'contact.deleted', 'contact.updated']);
    for (const e of entries) expect(e.actor).toMatchObject({ type: 'user', label: staff.email });
    expect(entries.find((e) => e.action === 'contact.created')?.changes).toEqual({ fields: ['name', 'phones', 'notes'] });
    expect(entries.find((e) => e.action === 'contact.updated')?.changes).toEqual({ fields: ['zip'] });
    expect(res.body).not.toContain('9175550123');
    expect(res.body).not.toContain('917-555');
    expect(res.body).not.toContain('Audited Person');
  });

  it('writes no audit entry when a change is refused', async () => {
    const auditCount = async () => (await t.app.inject({ method: 'GET', url: `/api/companies/${a.id}/audit-log`, headers: a.owner.headers, query: { entityType: 'contact', limit: '200' } })).json().items.length;
    await create(a, { name: 'First Holder', phones: ['818-555-0140'] });
    const before = await auditCount();
    expect((await create(a, { name: 'Refused Dup', phones: ['818-555-0140'] })).statusCode).toBe(409);
    expect((await create(a, { name: 'Refused Bad', phones: ['nope'] })).statusCode).toBe(400);
    expect(await auditCount()).toBe(before);
  });

  it('makes one contact when the same new caller rings in concurrently', async () => {
    const svc = t.app.ctx.services.contacts;
    // Open every pooled connection first, so the calls really overlap on a server.
    await Promise.all([1, 2, 3, 4, 5].map(() => svc.list(a.id, {}, { limit: 1, offset: 0 })));
    const results = await Promise.all(
      ['(503) 555-0177', '503-555-0177', '+15035550177', '5035550177', '1 503 555 0177'].map((p) => svc.findOrCreateByPhone(SYSTEM_ACTOR, a.id, p, { name: 'Caller' })),
    );
    expect(new Set(results.map((r) => r.contact.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(results[0]?.contact).toMatchObject({ name: 'Caller', phones: ['+15035550177'] });
    expect(await listAll(a, '503-555-0177')).toHaveLength(1);
    const again = await svc.findOrCreateByPhone(SYSTEM_ACTOR, a.id, '503.555.0177', { name: 'Ignored' });
    expect(again).toMatchObject({ created: false, contact: { id: results[0]?.contact.id, name: 'Caller' } });
  });

  it('answers concurrent creates with the same number with one 201 and 409s, never a 500', async () => {
    await Promise.all([1, 2, 3, 4, 5].map(() => listAll(a)));
    const responses = await Promise.all([1, 2, 3, 4].map((n) => create(a, { name: `Racer ${n}`, phones: ['702-555-0133'] })));
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409, 409]);
    const winner = responses.find((r) => r.statusCode === 201)!.json();
    for (const r of responses.filter((x) => x.statusCode === 409)) {
      expect(r.json().error).toMatchObject({ code: 'CONTACT_PHONE_EXISTS', details: { contactId: winner.id, phone: '+17025550133' } });
    }
  });

  it('rejects a caller id that is not a phone number', async () => {
    await expect(t.app.ctx.services.contacts.findOrCreateByPhone(SYSTEM_ACTOR, a.id, 'anonymous')).rejects.toMatchObject({ code: 'INVALID_PHONE_NUMBER', details: { field: 'phone' } });
  });
});
