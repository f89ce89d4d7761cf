import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createApiToken, createCompany, createUserSession, loginAdmin, type Session } from '../../../test/helpers/factories.ts';
import { withTenant } from '../../db/tenant.ts';
import { SYSTEM_ACTOR } from '../auth/principal.ts';
import { DEFAULT_AGENT_SETTINGS } from './agent-settings.defaults.ts';

describe('agent settings', () => {
  let t: TestApp;
  let companyId: string;
  let owner: Session;
  let url: string;

  beforeAll(async () => {
    t = await createTestApp();
    companyId = (await createCompany(t.app)).id;
    owner = await createUserSession(t.app, companyId, 'owner');
    url = `/api/companies/${companyId}/agent-settings`;
  });
  afterAll(async () => t?.close());

  const put = (payload: object, headers: Record<string, string> = owner.headers, company = companyId) =>
    t.app.inject({ method: 'PUT', url: `/api/companies/${company}/agent-settings`, headers, payload });
  const current = async (company = companyId) => (await t.app.inject({ method: 'GET', url: `/api/companies/${company}/agent-settings`, headers: (await loginAdmin(t.app)).headers })).json();
  const auditActions = async (company: string) =>
    (await sql<{ action: string; changes: { version?: number; fields?: string[] } }>`SELECT action, changes FROM audit_log WHERE company_id = ${company} AND entity_type = 'agent_settings' ORDER BY created_at`.execute(t.database.db)).rows;

  it('answers version 0 with the defaults for a company that never saved, to staff and API tokens too', async () => {
    const staff = await createUserSession(t.app, companyId, 'staff');
    const token = await createApiToken(t.app, companyId);
    for (const headers of [staff.headers, token.headers]) {
      const res = await t.app.inject({ method: 'GET', url, headers });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ version: 0, updatedAt: null, settings: DEFAULT_AGENT_SETTINGS });
    }
    const history = await t.app.inject({ method: 'GET', url: `${url}/history`, headers: staff.headers });
    expect(history.json()).toEqual({ items: [], limit: 50, offset: 0, hasMore: false });
  });

  it('saves a new version each time, keeping what was left out and storing transfer numbers in E.164', async () => {
    const c = (await createCompany(t.app)).id;
    const o = await createUserSession(t.app, c, 'owner');
    const first = await put({
      settings: {
        agentName: ' Riley ', tone: 'professional', language: 'es-US', afterHours: 'transfer_on_call',
        transferNumbers: { main: '(312) 555-0101', emergencyOnCall: '312.555.0199' },
        transferWhen: { callerAsksForPerson: true, emergency: true, afterMisunderstandings: 3 },
        collectBeforeBooking: ['phone', 'name', 'email'], maxCallSeconds: 900,
      },
    }, o.headers, c);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      version: 1,
      settings: {
        ...DEFAULT_AGENT_SETTINGS, agentName: 'Riley', tone: 'professional', language: 'es-US', afterHours: 'transfer_on_call',
        transferNumbers: { main: '+13125550101', emergencyOnCall: '+13125550199' },
        transferWhen: { callerAsksForPerson: true, emergency: true, afterMisunderstandings: 3 },
        collectBeforeBooking: ['phone', 'name', 'email'], maxCallSeconds: 900,
      },
    });
    expect(await current(c)).toEqual(first.json());

    // A save keeps what it leaves out (the first one keeps the defaults).
    const second = await put({ settings: { agentName: 'Sam', instructions: 'Be brief.' } }, o.headers, c);
    expect(second.json()).toMatchObject({ version: 2, settings: { ...first.json().settings, agentName: 'Sam', instructions: 'Be brief.' } });
    expect((await current(c)).version).toBe(2);

    const page1 = (await t.app.inject({ method: 'GET', url: `/api/companies/${c}/agent-settings/history`, headers: o.headers, query: { limit: '1' } })).json();
    expect(page1).toMatchObject({ items: [{ version: 2, settings: { agentName: 'Sam' }, actor: { type: 'user', label: o.email } }], hasMore: true });
    const page2 = (await t.app.inject({ method: 'GET', url: `/api/companies/${c}/agent-settings/history`, headers: o.headers, query: { limit: '1', offset: '1' } })).json();
    expect(page2).toMatchObject({ items: [{ version: 1, settings: { agentName: 'Riley' } }], hasMore: false });

    // Audited: which fields changed, per version.
    expect(await auditActions(c)).toEqual([
      { action: 'agent_settings.updated', changes: { version: 1, fields: ['agentName', 'tone', 'collectBeforeBooking', 'transferNumbers', 'transferWhen', 'afterHours', 'maxCallSeconds', 'language'] } },
      { action: 'agent_settings.updated', changes: { version: 2, fields: ['agentName', 'instructions'] } },
    ]);
  });

  it('keeps every field a save leaves out: changing after hours alone keeps the name and the transfers', async () => {
    const c = (await createCompany(t.app)).id;
    const o = await createUserSession(t.app, c, 'owner');
    const v1 = (await put({
      settings: {
        agentName: 'Riley', transferNumbers: { main: '(312) 555-0101', emergencyOnCall: '312.555.0199' },
        transferWhen: { callerAsksForPerson: true, emergency: true, afterMisunderstandings: 2 },
      },
    }, o.headers, c)).json();
    const v2 = await put({ settings: { afterHours: 'transfer_on_call' }, expectedVersion: v1.version }, o.headers, c);
    expect(v2.statusCode).toBe(200);
    expect(v2.json()).toMatchObject({ version: v1.version + 1, settings: { ...v1.settings, afterHours: 'transfer_on_call' } });
    expect((await current(c)).settings).toEqual({ ...v1.settings, afterHours: 'transfer_on_call' });

    // The rules judge the merged document: clearing the on-call number that after hours needs is refused.
    const cleared = await put({ settings: { transferNumbers: { main: '(312) 555-0101', emergencyOnCall: null } } }, o.headers, c);
    expect(cleared.statusCode).toBe(400);
    expect(cleared.json().error.details.fields[0].field).toBe('settings.transferNumbers.emergencyOnCall');

    // A lost edit still answers 409 and writes nothing.
    const stale = await put({ settings: { agentName: 'Late' }, expectedVersion: v1.version }, o.headers, c);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'CONFLICT', details: { currentVersion: v1.version + 1 } });
    expect((await current(c)).settings.agentName).toBe('Riley');
  });

  it('lets only owners and the platform admin save', async () => {
    const staff = await createUserSession(t.app, companyId, 'staff');
    const token = await createApiToken(t.app, companyId);
    for (const headers of [staff.headers, token.headers]) {
      const res = await put({ settings: { agentName: 'Nope' } }, headers);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    const admin = await loginAdmin(t.app);
    expect((await put({ settings: { agentName: 'By Admin' } }, admin.headers)).statusCode).toBe(200);
  });

  it.each([
    ['an unknown tone', { tone: 'sarcastic' }, 'body.settings.tone'],
    ['a language outside the list', { language: 'de-DE' }, 'body.settings.language'],
    ['a call limit under a minute', { maxCallSeconds: 30 }, 'body.settings.maxCallSeconds'],
    ['a call limit over an hour', { maxCallSeconds: 7200 }, 'body.settings.maxCallSeconds'],
    ['an unknown detail to collect', { collectBeforeBooking: ['name', 'ssn'] }, 'body.settings.collectBeforeBooking.1'],
    ['a detail listed twice', { collectBeforeBooking: ['name', 'name'] }, 'body.settings.collectBeforeBooking'],
    ['an empty agent name', { agentName: '' }, 'body.settings.agentName'],
    ['an unknown field', { voice: 'x' }, 'body.settings.voice'],
    ['a half-given greetings object', { greetings: { openHours: 'Hi' } }, 'body.settings.greetings.afterHours'],
    ['a negative misunderstanding count', { transferWhen: { callerAsksForPerson: false, emergency: false, afterMisunderstandings: -1 } }, 'body.settings.transferWhen.afterMisunderstandings'],
  ])('refuses %s with 400 naming the field, saving nothing', async (_, settings, field) => {
    const before = await current();
    const res = await put({ settings });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(await current()).toEqual(before);
  });

  it.each([
    ['transfers on request without a main number', { transferWhen: { callerAsksForPerson: true, emergency: false, afterMisunderstandings: 0 } }, 'settings.transferNumbers.main'],
    ['transfers after misunderstandings without a main number', { transferWhen: { callerAsksForPerson: false, emergency: false, afterMisunderstandings: 2 } }, 'settings.transferNumbers.main'],
    ['emergency transfers without any number', { transferWhen: { callerAsksForPerson: false, emergency: true, afterMisunderstandings: 0 } }, 'settings.transferNumbers.emergencyOnCall'],
    ['after-hours transfers without an on-call number', { afterHours: 'transfer_on_call', transferNumbers: { main: '312-555-0101', emergencyOnCall: null } }, 'settings.transferNumbers.emergencyOnCall'],
    ['a greeting with an unknown placeholder', { greetings: { openHours: 'Welcome to {company}!', afterHours: 'Closed.' } }, 'settings.greetings.openHours'],
  ])('refuses %s with 400 naming the field', async (_, settings, field) => {
    const res = await put({ settings });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [expect.objectContaining({ field })] } });
    expect(res.json().error.message).toContain(field);
  });

  it("refuses a transfer number that is not a phone number, or that is the company's own agent number", async () => {
    const bad = await put({ settings: { transferNumbers: { main: '12', emergencyOnCall: null } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'INVALID_PHONE_NUMBER', details: { field: 'settings.transferNumbers.main' } });

    const admin = await loginAdmin(t.app);
    const added = await t.app.inject({ method: 'POST', url: `/api/companies/${companyId}/phone-numbers`, headers: admin.headers, payload: { number: '+1 312 555 0177' } });
    expect(added.statusCode).toBe(201);
    const loop = await put({ settings: { transferNumbers: { main: null, emergencyOnCall: '(312) 555-0177' } } });
    expect(loop.statusCode).toBe(400);
    expect(loop.json().error.details.fields[0].field).toBe('settings.transferNumbers.emergencyOnCall');
  });

  it('refuses a save based on a version that is no longer current (409), writing nothing', async () => {
    const base = (await current()).version;
    expect((await put({ settings: { agentName: 'First' }, expectedVersion: base })).statusCode).toBe(200);
    const stale = await put({ settings: { agentName: 'Second' }, expectedVersion: base });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'CONFLICT', details: { currentVersion: base + 1 } });
    expect(await current()).toMatchObject({ version: base + 1, settings: { agentName: 'First' } });
  });

  it('gives concurrent saves consecutive versions, losing none', async () => {
    const c = (await createCompany(t.app)).id;
    const o = await createUserSession(t.app, c, 'owner');
    const names = ['Ann', 'Ben', 'Cid', 'Dee', 'Eve', 'Fay'];
    const results = await Promise.all(names.map((agentName) => put({ settings: { agentName } }, o.headers, c)));
    expect(results.map((r) => r.statusCode)).toEqual(names.map(() => 200));
    expect(results.map((r) => r.json().version).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    const history = (await t.app.inject({ method: 'GET', url: `/api/companies/${c}/agent-settings/history`, headers: o.headers })).json();
    expect(history.items.map((v: { version: number }) => v.version)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(history.items.map((v: { settings: { agentName: string } }) => v.settings.agentName).sort()).toEqual(names);
    const latest = results.find((r) => r.json().version === 6)!.json();
    expect(await current(c)).toEqual(latest);
  });

  it('reads a version saved before a field existed with that field at its default', async () => {
    const c = (await createCompany(t.app)).id;
    await withTenant(t.database.db, c, async (tx) => {
      await tx.insertInto('agent_settings_versions').values({ company_id: c, version: 1, settings: JSON.stringify({ agentName: 'Old', greetings: { openHours: 'Hello' } }), actor_type: 'system' }).execute();
      await tx.insertInto('agent_settings').values({ company_id: c, version: 1 }).execute();
    });
    const doc = await t.app.ctx.services.agentSettings.current(c);
    expect(doc).toMatchObject({ version: 1, settings: { ...DEFAULT_AGENT_SETTINGS, agentName: 'Old', greetings: { openHours: 'Hello', afterHours: DEFAULT_AGENT_SETTINGS.greetings.afterHours } } });
  });

  it('validates callers that are not HTTP routes the same way', async () => {
    const agentSettings = t.app.ctx.services.agentSettings;
    await expect(agentSettings.save(SYSTEM_ACTOR, companyId, { tone: 'grumpy', maxCallSeconds: 5 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'settings.tone', message: expect.any(String) }, { field: 'settings.maxCallSeconds', message: expect.any(String) }] },
    });
    await expect(agentSettings.save(SYSTEM_ACTOR, companyId, 'not an object')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const saved = await agentSettings.save(SYSTEM_ACTOR, companyId, { agentName: 'System' });
    expect(saved.settings.agentName).toBe('System');
  });
});
