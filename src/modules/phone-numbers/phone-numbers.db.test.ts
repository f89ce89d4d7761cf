import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createApiToken, createCompany, createUserSession, loginAdmin } from '../../../test/helpers/factories.ts';
import { startTwilioRestStub, type TwilioRestStub } from '../../../test/stubs/twilio-rest.ts';
import { normalizePhone } from '../../phone/normalize.ts';

// Each test claims its own numbers: the number index is shared by every company in the file.
let next = 200;
const freshNumber = () => `+1312555${String(next++).padStart(4, '0')}`;

describe('phone numbers', () => {
  let t: TestApp;
  let twilio: TwilioRestStub;
  beforeAll(async () => {
    twilio = await startTwilioRestStub({ accountSid: `AC${'f'.repeat(32)}`, authToken: 'platform-token-unused' });
    t = await createTestApp({ env: { TWILIO_API_BASE_URL: twilio.url } });
  });
  afterAll(async () => {
    await t?.close();
    await twilio?.close();
  });

  const url = (companyId: string, id = '') => `/api/companies/${companyId}/phone-numbers${id ? `/${id}` : ''}`;

  /**
   * A company whose owner stored its own Twilio account's SID and auth token. `add` first puts
   * the number in that account (as buying it on Twilio would), unless `proven` is false.
   */
  async function companyWithOwner() {
    const company = await createCompany(t.app);
    const owner = await createUserSession(t.app, company.id, 'owner');
    const account = { accountSid: `AC${randomBytes(16).toString('hex')}`, authToken: randomBytes(16).toString('hex') };
    twilio.addAccount(account);
    const stored = await t.app.inject({ method: 'PATCH', url: `/api/companies/${company.id}/secrets`, headers: owner.headers, payload: { twilioAccountSid: account.accountSid, twilioAuthToken: account.authToken } });
    expect(stored.statusCode).toBe(200);
    const add = (number: string, label?: string, proven = true) => {
      if (proven && normalizePhone(number)) twilio.ownNumber(account.accountSid, normalizePhone(number)!);
      return t.app.inject({ method: 'POST', url: url(company.id), headers: owner.headers, payload: label === undefined ? { number } : { number, label } });
    };
    return { company, owner, account, add };
  }

  it('stores a number written in any common format as the same E.164 number', async () => {
    const a = await companyWithOwner();
    for (const spelling of ['(312) 555-0142', '+1 312 555 0142', '312.555.0142']) {
      const res = await a.add(spelling, 'Main line');
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ number: '+13125550142', label: 'Main line' });
      const list = await t.app.inject({ method: 'GET', url: url(a.company.id), headers: a.owner.headers });
      expect(list.json().items.map((n: { number: string }) => n.number)).toEqual(['+13125550142']);
      await t.app.inject({ method: 'DELETE', url: url(a.company.id, res.json().id), headers: a.owner.headers });
    }
  });

  it('refuses a number the company already has, however it is written', async () => {
    const a = await companyWithOwner();
    const number = freshNumber();
    expect((await a.add(number)).statusCode).toBe(201);
    const again = await a.add(`(312) 555-${number.slice(-4)}`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('PHONE_NUMBER_TAKEN');
  });

  it("refuses another company's number with PHONE_NUMBER_TAKEN without naming the owner", async () => {
    const a = await companyWithOwner();
    const b = await companyWithOwner();
    const number = freshNumber();
    expect((await a.add(number)).statusCode).toBe(201);
    const taken = await b.add(number);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('PHONE_NUMBER_TAKEN');
    expect(taken.body).not.toContain(a.company.id);
    expect(taken.body).not.toContain(a.company.name);
  });

  it('gives exactly one of two simultaneous claims on a number, and the other a 409', async () => {
    const a = await companyWithOwner();
    const b = await companyWithOwner();
    const number = freshNumber();
    const results = await Promise.all([a.add(number), b.add(number)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });

  it('answers 400 INVALID_PHONE_NUMBER naming the field for what is not a phone number', async () => {
    const a = await companyWithOwner();
    const res = await a.add('555-01');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'INVALID_PHONE_NUMBER', details: { field: 'number' } });
  });

  it('lets staff and API tokens read numbers but only the owner change them', async () => {
    const a = await companyWithOwner();
    const created = (await a.add(freshNumber(), 'Main line')).json();
    const staff = await createUserSession(t.app, a.company.id, 'staff');
    const token = await createApiToken(t.app, a.company.id);
    expect((await t.app.inject({ method: 'GET', url: url(a.company.id), headers: staff.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: url(a.company.id, created.id), headers: token.headers })).json().label).toBe('Main line');
    const byStaff = await t.app.inject({ method: 'POST', url: url(a.company.id), headers: staff.headers, payload: { number: freshNumber() } });
    expect(byStaff.statusCode).toBe(403);
    expect(byStaff.json().error.code).toBe('FORBIDDEN');
    expect((await t.app.inject({ method: 'PATCH', url: url(a.company.id, created.id), headers: staff.headers, payload: { label: 'x' } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url: url(a.company.id, created.id), headers: token.headers })).statusCode).toBe(403);
  });

  it("answers 404 for another company's number, under either company's URL", async () => {
    const a = await companyWithOwner();
    const b = await companyWithOwner();
    const id = (await a.add(freshNumber())).json().id;
    for (const [method, payload] of [['GET', undefined], ['PATCH', { label: 'mine now' }], ['DELETE', undefined]] as const) {
      const underB = await t.app.inject({ method, url: url(b.company.id, id), headers: b.owner.headers, ...(payload ? { payload } : {}) });
      expect(underB.statusCode).toBe(404);
      expect(underB.json().error.code).toBe('NOT_FOUND');
      const underA = await t.app.inject({ method, url: url(a.company.id, id), headers: b.owner.headers, ...(payload ? { payload } : {}) });
      expect(underA.statusCode).toBe(404);
    }
    expect((await t.app.inject({ method: 'GET', url: url(a.company.id, id), headers: a.owner.headers })).json().label).toBe('');
  });

  it('relabels and removes a number, answering 204 and then 404', async () => {
    const a = await companyWithOwner();
    const id = (await a.add(freshNumber(), 'Old')).json().id;
    const relabel = await t.app.inject({ method: 'PATCH', url: url(a.company.id, id), headers: a.owner.headers, payload: { label: 'Emergency line' } });
    expect(relabel.statusCode).toBe(200);
    expect(relabel.json().label).toBe('Emergency line');
    const removed = await t.app.inject({ method: 'DELETE', url: url(a.company.id, id), headers: a.owner.headers });
    expect(removed.statusCode).toBe(204);
    expect(removed.body).toBe('');
    expect((await t.app.inject({ method: 'GET', url: url(a.company.id, id), headers: a.owner.headers })).statusCode).toBe(404);
  });

  it('routes an incoming call to the owning company, in any spelling of the number', async () => {
    const a = await companyWithOwner();
    const number = freshNumber();
    const id = (await a.add(number)).json().id;
    const expected = { companyId: a.company.id, companyStatus: 'active', timeZone: 'America/Chicago', phoneNumberId: id };
    expect(await t.app.ctx.services.phoneNumbers.lookup(number)).toEqual(expected);
    expect(await t.app.ctx.services.phoneNumbers.lookup(`(312) 555-${number.slice(-4)}`)).toEqual(expected);
    expect(await t.app.ctx.services.phoneNumbers.lookup('not a number')).toBeNull();
  });

  it('sees a number added, removed or moved to another company at once in this process', async () => {
    const lookup = t.app.ctx.services.phoneNumbers.lookup;
    const a = await companyWithOwner();
    const b = await companyWithOwner();
    const number = freshNumber();
    expect(await lookup(number)).toBeNull();
    const id = (await a.add(number)).json().id;
    expect((await lookup(number))?.companyId).toBe(a.company.id);
    await t.app.inject({ method: 'DELETE', url: url(a.company.id, id), headers: a.owner.headers });
    expect(await lookup(number)).toBeNull();
    expect((await b.add(number)).statusCode).toBe(201);
    expect((await lookup(number))?.companyId).toBe(b.company.id);
  });

  it("sees a company's suspension once the company's routes are invalidated", async () => {
    const a = await companyWithOwner();
    const number = freshNumber();
    await a.add(number);
    expect((await t.app.ctx.services.phoneNumbers.lookup(number))?.companyStatus).toBe('active');
    const admin = await loginAdmin(t.app);
    await t.app.inject({ method: 'PATCH', url: `/api/companies/${a.company.id}`, headers: admin.headers, payload: { status: 'suspended' } });
    t.app.ctx.services.phoneNumbers.invalidate(a.company.id);
    expect((await t.app.ctx.services.phoneNumbers.lookup(number))?.companyStatus).toBe('suspended');
  });

  it('audits adding, relabelling and removing a number, by whom', async () => {
    const a = await companyWithOwner();
    const number = freshNumber();
    const id = (await a.add(number, 'Main line')).json().id;
    await t.app.inject({ method: 'PATCH', url: url(a.company.id, id), headers: a.owner.headers, payload: { label: 'After hours' } });
    await t.app.inject({ method: 'DELETE', url: url(a.company.id, id), headers: a.owner.headers });
    const audit = await t.app.inject({ method: 'GET', url: `/api/companies/${a.company.id}/audit-log?entityType=phone_number`, headers: a.owner.headers });
    const entries = audit.json().items as Array<{ action: string; entityId: string; actor: { label: string }; changes: Record<string, unknown> }>;
    expect(entries.map((e) => e.action).sort()).toEqual(['phone_number.created', 'phone_number.deleted', 'phone_number.updated']);
    expect(entries.every((e) => e.entityId === id && e.actor.label === a.owner.email)).toBe(true);
    expect(entries.find((e) => e.action === 'phone_number.created')?.changes).toEqual({ number, label: 'Main line' });
  });

  it('refuses a number the company cannot prove with one answer, whether or not another company holds it', async () => {
    const a = await companyWithOwner();
    const b = await companyWithOwner();
    const held = freshNumber();
    expect((await a.add(held)).statusCode).toBe(201);
    const free = freshNumber();
    const answers = [];
    for (const number of [held, `(312) 555-${held.slice(-4)}`, free]) {
      const res = await b.add(number, undefined, false);
      expect(res.statusCode).toBe(422);
      answers.push(res.json());
    }
    expect(answers[0].error).toMatchObject({ code: 'PHONE_NUMBER_NOT_VERIFIED', details: { field: 'number' } });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    // Asked of b's own account, with b's own credentials.
    expect(twilio.numberLookups.filter((l) => l.accountSid === b.account.accountSid).map((l) => l.phoneNumber)).toEqual([held, held, free]);
    expect((await t.app.ctx.services.phoneNumbers.lookup(free))).toBeNull();
  });

  it('lets no company take a number another just removed, unless it proves it', async () => {
    const a = await companyWithOwner();
    const b = await companyWithOwner();
    const number = freshNumber();
    const id = (await a.add(number)).json().id;
    expect((await t.app.inject({ method: 'DELETE', url: url(a.company.id, id), headers: a.owner.headers })).statusCode).toBe(204);
    expect((await b.add(number, undefined, false)).json().error.code).toBe('PHONE_NUMBER_NOT_VERIFIED');
    expect(await t.app.ctx.services.phoneNumbers.lookup(number)).toBeNull();
  });

  it('refuses an owner without Twilio credentials, or with credentials Twilio refuses', async () => {
    const company = await createCompany(t.app);
    const owner = await createUserSession(t.app, company.id, 'owner');
    const add = async () => (await t.app.inject({ method: 'POST', url: url(company.id), headers: owner.headers, payload: { number: freshNumber() } })).json().error.code;
    expect(await add()).toBe('PHONE_NUMBER_NOT_VERIFIED');
    await t.app.inject({ method: 'PATCH', url: `/api/companies/${company.id}/secrets`, headers: owner.headers, payload: { twilioAccountSid: `AC${'1'.repeat(32)}`, twilioAuthToken: 'not-a-real-token' } });
    expect(await add()).toBe('PHONE_NUMBER_NOT_VERIFIED');
  });

  it('answers 502 TWILIO_UNAVAILABLE when Twilio cannot answer, adding nothing', async () => {
    const a = await companyWithOwner();
    const number = freshNumber();
    twilio.failNext(1, 503);
    const res = await a.add(number);
    expect(res.statusCode).toBe(502);
    expect(res.json().error.code).toBe('TWILIO_UNAVAILABLE');
    expect(await t.app.ctx.services.phoneNumbers.lookup(number)).toBeNull();
  });

  it('lets the platform admin assign any free number, and tells only the admin that one is taken', async () => {
    const a = await companyWithOwner();
    const b = await companyWithOwner();
    const admin = await loginAdmin(t.app);
    const number = freshNumber();
    const assign = (companyId: string, n: string) => t.app.inject({ method: 'POST', url: url(companyId), headers: admin.headers, payload: { number: n } });
    expect((await assign(a.company.id, number)).statusCode).toBe(201);
    expect((await t.app.ctx.services.phoneNumbers.lookup(number))?.companyId).toBe(a.company.id);
    const taken = await assign(b.company.id, `(312) 555-${number.slice(-4)}`);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('PHONE_NUMBER_TAKEN');
  });

  it('holds the configuration import to the same proof', async () => {
    const a = await companyWithOwner();
    const config = (await t.app.inject({ method: 'GET', url: `/api/companies/${a.company.id}/config`, headers: a.owner.headers })).json();
    const number = freshNumber();
    const put = () => t.app.inject({ method: 'PUT', url: `/api/companies/${a.company.id}/config`, headers: a.owner.headers, payload: { ...config, phoneNumbers: [{ number, label: 'Main' }] } });
    const refused = await put();
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'PHONE_NUMBER_NOT_VERIFIED', details: { field: 'phoneNumbers[0].number' } });
    expect(await t.app.ctx.services.phoneNumbers.lookup(number)).toBeNull();
    twilio.ownNumber(a.account.accountSid, number);
    expect((await put()).statusCode).toBe(200);
    expect((await t.app.ctx.services.phoneNumbers.lookup(number))?.companyId).toBe(a.company.id);
  });
});
