import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createApiToken, createCompany, createUserSession, type Session } from '../../../test/helpers/factories.ts';

describe('contacts', () => {
  let t: TestApp;
  let companyId: string;
  let staff: Session;
  let url: string;

  beforeAll(async () => {
    t = await createTestApp();
    companyId = (await createCompany(t.app)).id;
    staff = await createUserSession(t.app, companyId, 'staff');
    url = `/api/companies/${companyId}/contacts`;
  });
  afterAll(async () => t?.close());

  const post = (payload: object, headers: Record<string, string> = staff.headers) => t.app.inject({ method: 'POST', url, headers, payload });
  const search = async (q: string) => {
    const res = await t.app.inject({ method: 'GET', url, headers: staff.headers, query: { q } });
    expect(res.statusCode).toBe(200);
    return res.json().items as Array<{ id: string; name: string }>;
  };

  it('creates a contact with numbers in E.164, keeping the zip as a string with its leading zero', async () => {
    const res = await post({ name: ' Maria Lopez ', phones: ['(617) 555-0142', '617.555.0142', '+1 857 555 0101'], email: 'maria@example.com', address: '1 Beacon St', zip: '02108', tags: ['vip', 'VIP', 'repeat'], notes: 'Gate code 1234' });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ name: 'Maria Lopez', phones: ['+16175550142', '+18575550101'], email: 'maria@example.com', address: '1 Beacon St', zip: '02108', tags: ['vip', 'repeat'], notes: 'Gate code 1234' });
    expect(c.id).toMatch(/^[0-9a-f-]{36}$/);
    const got = await t.app.inject({ method: 'GET', url: `${url}/${c.id}`, headers: staff.headers });
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual(c);
  });

  it('creates a contact from nothing but defaults', async () => {
    const res = await post({});
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: '', phones: [], email: null, address: null, zip: null, notes: '', tags: [] });
  });

  it('refuses a number another contact of the company holds, saying which contact', async () => {
    const first = (await post({ name: 'Owner Of Number', phones: ['312-555-0150'] })).json();
    const res = await post({ name: 'Someone Else', phones: ['+1 (312) 555-0150'] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'CONTACT_PHONE_EXISTS', details: { contactId: first.id, phone: '+13125550150' } });
    expect(await search('Someone Else')).toEqual([]);
  });

  it('answers 400 INVALID_PHONE_NUMBER naming the bad element of phones', async () => {
    const res = await post({ name: 'Bad Number', phones: ['312-555-0160', '12'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'INVALID_PHONE_NUMBER', details: { field: 'phones[1]' } });
  });

  it.each([
    ['a malformed email', { email: 'not-an-email' }],
    ['a four-digit zip', { zip: '2108' }],
    ['a numeric zip', { zip: 2108 }],
    ['too many tags', { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }],
    ['a tag over 40 characters', { tags: ['x'.repeat(41)] }],
    ['an overlong name', { name: 'x'.repeat(201) }],
    ['phones that are not strings', { phones: [{ number: '3125550107' }] }],
    ['phones that are an object', { phones: { home: '3125550107' } }],
    ['an overlong phone', { phones: ['1'.repeat(41)] }],
  ])('answers 400 VALIDATION_FAILED for %s', async (_what, payload) => {
    const res = await post(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses fields the API does not know, naming them, and writes nothing', async () => {
    const res = await post({ name: 'Extra Fields', nickname: 'y', companyId: '00000000-0000-4000-8000-000000000000' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.message).toMatch(/additional properties/i);
    expect(await search('Extra Fields')).toEqual([]);
  });

  it('finds a contact by name in any case and by its number however it is written', async () => {
    const c = (await post({ name: 'Jamal Okafor', phones: ['(312) 555-0107'] })).json();
    for (const q of ['jamal', 'OKAFOR', 'mal oka', '555-0107', '3125550107', '(312) 555-0107', '+1 312 555 0107', '0107']) {
      expect((await search(q)).map((x) => x.id), q).toContain(c.id);
    }
    expect(await search('Jamal Okafor x')).toEqual([]);
    expect(await search('555-0199')).toEqual([]);
  });

  it('treats LIKE wildcards in a search as plain text', async () => {
    await post({ name: 'Percent Person' });
    expect(await search('%')).toEqual([]);
    expect(await search('_')).toEqual([]);
  });

  it('ranks the best match first: the exact number, then the exact name, then a name prefix', async () => {
    const exact = (await post({ name: 'Zed Exact', phones: ['773-555-0177'] })).json();
    // Newer, and its digits contain the searched number: only the ranking puts it second.
    expect((await post({ name: 'Zed Abroad', phones: ['+44 7735 550177'] })).statusCode).toBe(201);
    expect((await search('(773) 555-0177'))[0]?.id).toBe(exact.id);

    const named = (await post({ name: 'Ann' })).json();
    await post({ name: 'Annabel Prefix' });
    await post({ name: 'Joanne Contains' });
    const names = (await search('ann')).map((x) => x.name);
    expect(names[0]).toBe('Ann');
    expect(names.indexOf('Annabel Prefix')).toBeLessThan(names.indexOf('Joanne Contains'));
    expect(named.name).toBe('Ann');
  });

  it('updates fields, replaces the phone list, and clears optional fields with null', async () => {
    const c = (await post({ name: 'Pat Doe', phones: ['303-555-0131'], email: 'pat@example.com', zip: '80202', tags: ['a'] })).json();
    const res = await t.app.inject({ method: 'PATCH', url: `${url}/${c.id}`, headers: staff.headers, payload: { name: 'Pat Q. Doe', phones: ['303-555-0132', '303-555-0131'], email: null, tags: [] } });
    expect(res.statusCode).toBe(200);
    const updated = res.json();
    expect(updated).toMatchObject({ id: c.id, name: 'Pat Q. Doe', phones: ['+13035550132', '+13035550131'], email: null, zip: '80202', tags: [] });
    expect(new Date(updated.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(c.updatedAt).getTime());
    expect((await search('303-555-0132')).map((x) => x.id)).toEqual([c.id]);
  });

  it('refuses to move a number held by another contact onto this one, leaving both unchanged', async () => {
    const a = (await post({ name: 'Holder A', phones: ['720-555-0111'] })).json();
    const b = (await post({ name: 'Holder B', phones: ['720-555-0112'] })).json();
    const res = await t.app.inject({ method: 'PATCH', url: `${url}/${b.id}`, headers: staff.headers, payload: { phones: ['720-555-0111'] } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toEqual({ contactId: a.id, phone: '+17205550111' });
    const still = await t.app.inject({ method: 'GET', url: `${url}/${b.id}`, headers: staff.headers });
    expect(still.json().phones).toEqual(['+17205550112']);
  });

  it('answers 400 for an empty patch and 404 for a contact that does not exist', async () => {
    const c = (await post({ name: 'Patchy' })).json();
    expect((await t.app.inject({ method: 'PATCH', url: `${url}/${c.id}`, headers: staff.headers, payload: {} })).statusCode).toBe(400);
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
      const res = await t.app.inject({ method, url: `${url}/${missing}`, headers: staff.headers, ...(method === 'PATCH' ? { payload: { name: 'x' } } : {}) });
      expect(res.statusCode, method).toBe(404);
      expect(res.json().error).toEqual({ code: 'NOT_FOUND', message: 'Contact not found' });
    }
    expect((await t.app.inject({ method: 'GET', url: `${url}/not-a-uuid`, headers: staff.headers })).statusCode).toBe(400);
  });

  it('deletes a contact and frees its number for another contact', async () => {
    const c = (await post({ name: 'Leaving', phones: ['505-555-0120'] })).json();
    const del = await t.app.inject({ method: 'DELETE', url: `${url}/${c.id}`, headers: staff.headers });
    expect(del.statusCode).toBe(204);
    expect(del.body).toBe('');
    expect((await t.app.inject({ method: 'GET', url: `${url}/${c.id}`, headers: staff.headers })).statusCode).toBe(404);
    expect((await post({ name: 'Arriving', phones: ['505-555-0120'] })).statusCode).toBe(201);
  });

  it('lets a company API token manage contacts', async () => {
    const token = await createApiToken(t.app, companyId);
    const res = await post({ name: 'Via Token', phones: ['415-555-0190'] }, token.headers);
    expect(res.statusCode).toBe(201);
    const list = await t.app.inject({ method: 'GET', url, headers: token.headers, query: { q: 'via token' } });
    expect(list.json().items.map((x: { id: string }) => x.id)).toEqual([res.json().id]);
  });

  it('pages newest first with limit, offset and hasMore', async () => {
    const other = await createCompany(t.app);
    const token = await createApiToken(t.app, other.id);
    const otherUrl = `/api/companies/${other.id}/contacts`;
    for (const n of [1, 2, 3, 4, 5]) {
      expect((await t.app.inject({ method: 'POST', url: otherUrl, headers: token.headers, payload: { name: `Pager ${n}` } })).statusCode).toBe(201);
    }
    const page = async (query: Record<string, string>) => (await t.app.inject({ method: 'GET', url: otherUrl, headers: token.headers, query })).json();
    const first = await page({ limit: '2' });
    expect(first).toMatchObject({ limit: 2, offset: 0, hasMore: true });
    expect(first.items.map((c: { name: string }) => c.name)).toEqual(['Pager 5', 'Pager 4']);
    const last = await page({ limit: '2', offset: '4' });
    expect(last).toMatchObject({ limit: 2, offset: 4, hasMore: false });
    expect(last.items.map((c: { name: string }) => c.name)).toEqual(['Pager 1']);
    expect((await page({})).items).toHaveLength(5);
    expect((await t.app.inject({ method: 'GET', url: otherUrl, headers: token.headers, query: { limit: '0' } })).statusCode).toBe(400);
  });
});
