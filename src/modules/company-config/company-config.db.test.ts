import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createApiToken, createCompany, createUserSession, loginAdmin, type Session } from '../../../test/helpers/factories.ts';
import { seedDemoAgent } from '../../seed/demo-agent.ts';
import { seedDemoBooking } from '../../seed/demo-booking.ts';
import { seedDemoKnowledge } from '../../seed/demo-knowledge.ts';
import { SYSTEM_ACTOR } from '../auth/principal.ts';
import type { CompanyConfig } from './company-config.schemas.ts';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ELEVEN_KEY = 'sk_config_doc_3f9a1c7e5b2d4a6f8e0c1b3d5f7a';
type Doc = CompanyConfig & Record<string, unknown>;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const url = (companyId: string) => `/api/companies/${companyId}/config`;
async function getConfig(companyId: string, headers: Record<string, string>): Promise<CompanyConfig> {
  const res = await t.app.inject({ method: 'GET', url: url(companyId), headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CompanyConfig;
}
const putConfig = (companyId: string, headers: Record<string, string>, payload: unknown) =>
  t.app.inject({ method: 'PUT', url: url(companyId), headers, payload: payload as object });
async function fresh(name?: string) {
  const c = await createCompany(t.app, { ...(name ? { name } : {}), tradeCategorySlugs: [] });
  return { id: c.id, owner: await createUserSession(t.app, c.id, 'owner') };
}

/** A plumber configured part by part through the services, as its owner would (the demo plumber's configuration). */
async function configuredPlumber(name: string, options: { numbers: { number: string; label: string }[]; voiceKey?: string }) {
  const c = await createCompany(t.app, { name, tradeCategorySlugs: ['plumbing'] });
  const { services } = t.app.ctx;
  for (const phone of options.numbers) await services.phoneNumbers.add(SYSTEM_ACTOR, c.id, phone, 'assigned');
  await seedDemoBooking(services, SYSTEM_ACTOR, c.id, 'rapid-rooter-plumbing');
  await seedDemoAgent(services, SYSTEM_ACTOR, c.id, 'rapid-rooter-plumbing');
  await seedDemoKnowledge(services, SYSTEM_ACTOR, c.id, 'rapid-rooter-plumbing');
  if (options.voiceKey) await services.voiceSettings.put(SYSTEM_ACTOR, c.id, { settings: { voiceId: 'EXAVITQu4vr4xnSDxMaL', useOwnKey: true }, elevenLabsApiKey: options.voiceKey });
  return { id: c.id, owner: await createUserSession(t.app, c.id, 'owner') };
}

/** Every row of the company in every table with a company_id (tenant and platform), and its company row. */
async function rowsOf(companyId: string): Promise<Record<string, string[]>> {
  const { db } = t.database;
  const tables = await sql<{ name: string }>`
    SELECT n.nspname || '.' || c.relname AS name FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'company_id' AND NOT a.attisdropped
    WHERE n.nspname IN ('public', 'platform') AND c.relkind IN ('r', 'p') ORDER BY 1`.execute(db);
  const out: Record<string, string[]> = {};
  for (const { name } of tables.rows) {
    const rows = await sql<{ row: string }>`SELECT to_jsonb(x)::text AS row FROM ${sql.table(name)} x WHERE company_id = ${companyId}`.execute(db);
    out[name] = rows.rows.map((r) => r.row).sort();
  }
  out['platform.companies'] = (await sql<{ row: string }>`SELECT to_jsonb(c)::text AS row FROM platform.companies c WHERE id = ${companyId}`.execute(db)).rows.map((r) => r.row);
  return out;
}

const importAudits = async (companyId: string) =>
  (await sql<{ changes: { sections: string[] } }>`SELECT changes FROM audit_log WHERE company_id = ${companyId} AND action = 'company.config_imported' ORDER BY created_at`.execute(t.database.db)).rows;

describe('the company configuration document', () => {
  let plumber: { id: string; owner: Session };
  beforeAll(async () => {
    plumber = await configuredPlumber('Rapid Rooter Plumbing', { numbers: [{ number: '+1 312 555 0142', label: 'Main line' }, { number: '+1 312 555 0199', label: 'Emergency line' }], voiceKey: ELEVEN_KEY });
  });

  it('answers the whole configuration as one document, with no ids and no secrets', async () => {
    const res = await t.app.inject({ method: 'GET', url: url(plumber.id), headers: plumber.owner.headers });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as CompanyConfig;
    expect(doc).toMatchObject({
      version: 1,
      company: { name: 'Rapid Rooter Plumbing', timeZone: 'America/Chicago', tradeCategories: ['plumbing'] },
      phoneNumbers: [{ number: '+13125550142', label: 'Main line' }, { number: '+13125550199', label: 'Emergency line' }],
      agent: { agentName: 'Rosa', afterHours: 'transfer_on_call', transferNumbers: { main: '+13125550100', emergencyOnCall: '+13125550111' } },
      voice: { provider: 'elevenlabs', voiceId: 'EXAVITQu4vr4xnSDxMaL', useOwnKey: true },
      knowledge: { overrides: [{ tradeCategory: 'plumbing', key: 'gas-lines', enabled: true, answer: expect.stringContaining('Peoples Gas') }] },
    });
    expect(doc.booking.services.map((s) => s.name)).toEqual(['Drain cleaning', 'Emergency: burst pipe or flooding', 'Leak repair', 'Water heater repair', 'Water heater replacement']);
    expect(doc.booking.settings.onCall?.services).toEqual(['Leak repair', 'Emergency: burst pipe or flooding']);
    expect(doc.booking.technicians.map((x) => x.name)).toEqual(['Luis Ortega', 'Mike Kowalski', 'Sarah Chen']);
    expect(doc.knowledge.entries).toHaveLength(29);
    expect(res.body).not.toMatch(UUID);
    expect(res.body).not.toContain(ELEVEN_KEY.slice(-4));
    expect(res.body).not.toContain('+13125550151'); // technicians' own phones stay out

    // Staff read it too (each part is readable on its own route).
    const staff = await createUserSession(t.app, plumber.id, 'staff');
    expect(await getConfig(plumber.id, staff.headers)).toEqual(doc);
  });

  it('changes nothing when the document GET answered is sent back', async () => {
    const doc = await getConfig(plumber.id, plumber.owner.headers);
    const before = await rowsOf(plumber.id);
    const res = await putConfig(plumber.id, plumber.owner.headers, doc);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(doc);
    expect(await rowsOf(plumber.id)).toEqual(before);
    expect(await importAudits(plumber.id)).toEqual([]);

    // Nor does the same configuration written loosely: stored forms are compared, not spellings.
    const loose = structuredClone(doc);
    loose.phoneNumbers[0]!.number = '(312) 555-0142';
    loose.booking.services[0]!.requiredSkills = [' Drains '];
    loose.booking.technicians[2]!.zips = doc.booking.technicians[2]!.zips!.map((zip) => ` ${zip}-1234`);
    loose.knowledge.entries[0]!.answer = `  ${doc.knowledge.entries[0]!.answer}\n`;
    loose.knowledge.entries[1]!.tags = doc.knowledge.entries[1]!.tags!.map((tag) => tag.toUpperCase());
    const { agent: _agent, ...withoutAgent } = loose;
    expect((await putConfig(plumber.id, plumber.owner.headers, { ...withoutAgent, agent: { ...doc.agent, agentName: ' Rosa ' } })).statusCode).toBe(200);
    expect(await rowsOf(plumber.id)).toEqual(before);
  });

  it("gives another company the same configuration (an onboarding template), audited once", async () => {
    const doc = await getConfig(plumber.id, plumber.owner.headers);
    const other = await fresh();
    // The numbers are the plumber's own, and the key is a secret the new company sets itself.
    // The platform admin onboards it: a number is the admin's to assign (an owner must prove it in its Twilio account).
    const template = { ...doc, company: { ...doc.company, name: 'Second City Plumbing' }, phoneNumbers: [{ number: '(312) 555-0120', label: ' Main line ' }], voice: { ...doc.voice, useOwnKey: false } };
    expect(await t.app.ctx.services.phoneNumbers.lookup('+13125550120')).toBeNull(); // and cached as nobody's
    const res = await putConfig(other.id, (await loginAdmin(t.app)).headers, template);
    expect(res.statusCode, res.body).toBe(200);
    const expected = { ...template, phoneNumbers: [{ number: '+13125550120', label: 'Main line' }] };
    expect(res.json()).toEqual(expected);
    expect(await getConfig(other.id, other.owner.headers)).toEqual(expected);
    expect(await importAudits(other.id)).toEqual([{ changes: { sections: ['company', 'phoneNumbers', 'booking', 'agent', 'voice', 'knowledge'] } }]);

    // The imported configuration is live: the number answers for the company, on-call maps to its own services.
    expect((await t.app.ctx.services.phoneNumbers.lookup('+13125550120'))?.companyId).toBe(other.id);
    const settings = await t.app.ctx.services.bookingConfig.getSettings(other.id);
    const services = await t.app.ctx.services.bookingConfig.listServices(other.id);
    expect(settings.onCall?.serviceIds.map((id) => services.find((s) => s.id === id)?.name)).toEqual(['Leak repair', 'Emergency: burst pipe or flooding']);
    const found = await t.app.ctx.services.knowledge.search(other.id, 'do you install gas lines for a dryer');
    expect(found.results[0]?.answer).toContain('Peoples Gas');
  });

  it('matches services and technicians by name: updates, adds, deletes, and deactivates those bookings refer to', async () => {
    const c = await fresh();
    const base = await getConfig(plumber.id, plumber.owner.headers);
    const doc = { ...base, phoneNumbers: [], voice: { ...base.voice, useOwnKey: false } };
    expect((await putConfig(c.id, c.owner.headers, doc)).statusCode).toBe(200);
    const config = t.app.ctx.services.bookingConfig;
    const byName = async () => new Map((await config.listServices(c.id)).map((s) => [s.name, s]));
    const before = await byName();
    const drain = before.get('Drain cleaning')!;
    const mike = (await config.listTechnicians(c.id)).find((x) => x.name === 'Mike Kowalski')!;
    const slot = (await t.app.ctx.services.bookings.availability(c.id, { serviceId: drain.id, zip: '60614', technicianId: mike.id })).slots[0]!;
    await t.app.ctx.services.bookings.create(SYSTEM_ACTOR, c.id, { serviceId: drain.id, start: slot.start, zip: '60614', technicianId: mike.id, contact: { name: 'Dana Booker', phone: '(312) 555-0170' } }, { source: 'dashboard' });

    const next = structuredClone(doc);
    next.booking.services = [
      ...doc.booking.services.filter((s) => !['Drain cleaning', 'Water heater repair'].includes(s.name)).map((s) => (s.name === 'Leak repair' ? { ...s, name: 'LEAK REPAIR', priceText: '$180 to $360' } : s)),
      { name: 'Sump pump installation', durationMinutes: 180, requiredSkills: ['plumbing'] },
    ];
    next.booking.technicians = doc.booking.technicians.filter((x) => x.name !== 'Mike Kowalski' && x.name !== 'Sarah Chen');
    next.booking.settings.onCall!.services = ['leak repair', 'Sump pump installation'];
    const res = await putConfig(c.id, c.owner.headers, next);
    expect(res.statusCode, res.body).toBe(200);

    const after = await byName();
    expect(after.get('Drain cleaning')).toMatchObject({ id: drain.id, active: false }); // booked: kept for its history
    expect(after.has('Water heater repair')).toBe(false);
    expect(after.get('LEAK REPAIR')).toMatchObject({ id: before.get('Leak repair')!.id, priceText: '$180 to $360' });
    expect(after.get('Sump pump installation')).toMatchObject({ durationMinutes: 180, priceText: '', slotIntervalMinutes: 30, active: true });
    const team = await config.listTechnicians(c.id);
    expect(team.map((x) => [x.name, x.active])).toEqual([['Luis Ortega', true], ['Mike Kowalski', false]]);
    const onCall = (await config.getSettings(c.id)).onCall!.serviceIds;
    expect(onCall).toEqual([after.get('LEAK REPAIR')!.id, after.get('Sump pump installation')!.id]);
    // What the document now says is what GET answers, and sending it back changes nothing.
    const now = await getConfig(c.id, c.owner.headers);
    expect(now.booking.settings.onCall!.services).toEqual(['LEAK REPAIR', 'Sump pump installation']);
    const rows = await rowsOf(c.id);
    expect((await putConfig(c.id, c.owner.headers, now)).statusCode).toBe(200);
    expect(await rowsOf(c.id)).toEqual(rows);
  });

  it('runs two imports at once one after the other: the result is one of them, never a mix', async () => {
    const c = await fresh();
    const base = await getConfig(plumber.id, plumber.owner.headers);
    const variant = (from: number, name: string) => ({
      ...base, phoneNumbers: [], voice: { ...base.voice, useOwnKey: false },
      booking: { ...base.booking, technicians: [...base.booking.technicians, { name, skills: [], zips: [], weeklyHours: null, timeOff: [], active: true }] },
      knowledge: { ...base.knowledge, entries: base.knowledge.entries.slice(from, from + 10) },
    });
    // Profile, agent and voice first, so the two differ only in tenant rows no lock of their own orders.
    expect((await putConfig(c.id, c.owner.headers, variant(20, 'Sid Only'))).statusCode).toBe(200);
    const [a, b] = [variant(0, 'Ann Only'), variant(10, 'Bob Only')];
    const results = await Promise.all([putConfig(c.id, c.owner.headers, a), putConfig(c.id, c.owner.headers, b)]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200]);
    const now = await getConfig(c.id, c.owner.headers);
    expect([a, b].some((d) => JSON.stringify(now.knowledge.entries) === JSON.stringify(d.knowledge.entries))).toBe(true);
    expect(now.booking.technicians.map((x) => x.name).filter((n) => n.endsWith('Only'))).toHaveLength(1);
  });

  it("is the owner's: staff and API tokens may not import, and another company's owner gets 404 and learns nothing", async () => {
    const doc = await getConfig(plumber.id, plumber.owner.headers);
    const staff = await createUserSession(t.app, plumber.id, 'staff');
    const token = await createApiToken(t.app, plumber.id);
    expect((await putConfig(plumber.id, staff.headers, doc)).json().error.code).toBe('FORBIDDEN');
    expect((await putConfig(plumber.id, token.headers, doc)).json().error.code).toBe('FORBIDDEN');

    const other = await fresh('Bravo Heating');
    const before = await rowsOf(plumber.id);
    for (const res of [await t.app.inject({ method: 'GET', url: url(plumber.id), headers: other.owner.headers }), await putConfig(plumber.id, other.owner.headers, { ...doc, company: { ...doc.company, name: 'Hijacked' } })]) {
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('Rapid Rooter');
      expect(res.body).not.toContain('Rosa');
    }
    expect(await rowsOf(plumber.id)).toEqual(before);
  });
});

describe('importing a configuration document: all checked first, all or nothing', () => {
  let companyId: string;
  let owner: Session;
  let doc: Doc;
  let before: Record<string, string[]>;
  let admin: Session;
  // As the platform admin, who may assign the new numbers these documents name (an owner would have to prove them first).
  const put = (payload: unknown) => putConfig(companyId, admin.headers, payload);
  const edited = (edit: (d: Doc) => void): Doc => {
    const d = structuredClone(doc);
    edit(d);
    return d;
  };

  /** The import is refused naming the field, and the company is exactly as before. */
  async function refused(payload: unknown, status: number, code: string, field: string) {
    const res = await put(payload);
    expect([res.statusCode, res.json().error.code, res.json().error.details?.field], res.body).toEqual([status, code, field]);
    expect(await rowsOf(companyId)).toEqual(before);
    return res.json().error;
  }

  beforeAll(async () => {
    ({ id: companyId, owner } = await configuredPlumber('North Shore Plumbing', { numbers: [{ number: '+1 312 555 0242', label: 'Main line' }, { number: '+1 312 555 0299', label: 'Emergency line' }] }));
    doc = (await getConfig(companyId, owner.headers)) as Doc;
    before = await rowsOf(companyId);
    admin = await loginAdmin(t.app);
  });

  it('names every shape problem by its path in the document', async () => {
    await refused(edited((d) => { d.booking.services[2]!.durationMinutes = 2; }), 400, 'VALIDATION_FAILED', 'booking.services[2].durationMinutes');
    await refused(edited((d) => { Object.assign(d.booking.services[0]!, { colour: 'blue' }); }), 400, 'VALIDATION_FAILED', 'booking.services[0].colour');
    await refused(edited((d) => { delete (d as Partial<Doc>).knowledge; }), 400, 'VALIDATION_FAILED', 'knowledge');
    await refused(edited((d) => { d.booking.technicians[1]!.zips = ['6061']; }), 400, 'VALIDATION_FAILED', 'booking.technicians[1].zips[0]');
    await refused(edited((d) => { d.voice.voiceId = 'not a voice!'; }), 400, 'VALIDATION_FAILED', 'voice.voiceId');
    await refused(edited((d) => { (d.booking.settings as Record<string, unknown>).onCall = 5; }), 400, 'VALIDATION_FAILED', 'booking.settings.onCall');
    await refused(['not', 'a', 'document'], 400, 'VALIDATION_FAILED', 'document');
    const several = await refused(edited((d) => { d.version = 2 as 1; d.company.name = ''; }), 400, 'VALIDATION_FAILED', 'version');
    expect(several.details.fields.map((f: { field: string }) => f.field)).toEqual(['version', 'company.name']);
  });

  it("names what each module's own rules refuse, by its path in the document", async () => {
    await refused(edited((d) => { d.company.timeZone = 'Mars/Olympus_Mons'; }), 400, 'INVALID_TIME_ZONE', 'company.timeZone');
    await refused(edited((d) => { d.company.tradeCategories = ['plumbing', 'underwater-welding']; }), 400, 'VALIDATION_FAILED', 'company.tradeCategories[1]');
    await refused(edited((d) => { d.phoneNumbers[1]!.number = 'call me maybe'; }), 400, 'INVALID_PHONE_NUMBER', 'phoneNumbers[1].number');
    await refused(edited((d) => { d.phoneNumbers[1]!.number = '(312) 555-0242'; }), 400, 'VALIDATION_FAILED', 'phoneNumbers[1].number');
    await refused(edited((d) => { d.agent.transferNumbers!.main = '312.555.0299'; }), 400, 'VALIDATION_FAILED', 'agent.transferNumbers.main');
    await refused(edited((d) => { d.agent.transferNumbers!.main = null; }), 400, 'VALIDATION_FAILED', 'agent.transferNumbers.main');
    await refused(edited((d) => { d.voice = { provider: 'twilio', voiceId: 'Rachel' }; }), 400, 'VALIDATION_FAILED', 'voice.voiceId');
    await refused(edited((d) => { d.booking.settings.overrides![0] = { date: '2026-12-24', closed: true, ranges: [{ start: '08:00', end: '12:00' }] }; }), 400, 'INVALID_BOOKING_SETTINGS', 'booking.settings.overrides[0]');
    await refused(edited((d) => { d.booking.settings.weeklyHours!.monday![0]!.start = '24:00'; }), 400, 'INVALID_BOOKING_SETTINGS', 'booking.settings.weeklyHours.monday[0].start');
    await refused(edited((d) => { d.booking.settings.onCall!.services = ['Leak repair', 'Roof repair']; }), 422, 'UNKNOWN_SERVICE', 'booking.settings.onCall.services[1]');
    await refused(edited((d) => { d.booking.services.push({ ...d.booking.services[0]!, name: ' drain CLEANING ' }); }), 400, 'VALIDATION_FAILED', 'booking.services[5].name');
    await refused(edited((d) => { d.booking.technicians[0]!.timeOff = [{ start: '2030-01-15T12:00:00Z', end: '2030-01-15T08:00:00Z' }]; }), 400, 'INVALID_BOOKING_SETTINGS', 'booking.technicians[0].timeOff[0]');
    await refused(edited((d) => { d.knowledge.overrides[0]!.tradeCategory = 'hvac'; }), 400, 'VALIDATION_FAILED', 'knowledge.overrides[0].tradeCategory');
    await refused(edited((d) => { d.knowledge.entries[4]!.question = doc.knowledge.entries[1]!.question.toUpperCase(); }), 400, 'VALIDATION_FAILED', 'knowledge.entries[4].question');
  });

  it('writes nothing when only the last part of an otherwise changed document is wrong', async () => {
    const changedEverywhere = (d: Doc) => {
      d.company.name = 'Renamed Plumbing';
      d.company.tradeCategories = ['plumbing', 'hvac'];
      d.phoneNumbers = [{ number: '+1 312 555 0188', label: 'New line' }];
      d.agent.agentName = 'Maya';
      d.voice = { provider: 'twilio', voiceId: 'Polly.Joanna-Neural' };
      d.booking.services = d.booking.services.slice(1);
      d.booking.technicians = [{ name: 'Pat Newhire', skills: ['plumbing'] }];
      d.booking.settings.onCall = null;
      d.knowledge.entries = d.knowledge.entries.slice(3);
    };
    // Caught before the transaction: the last entry's answer is blank.
    await refused(edited((d) => {
      changedEverywhere(d);
      d.knowledge.entries.at(-1)!.answer = '   ';
    }), 400, 'VALIDATION_FAILED', `knowledge.entries[${doc.knowledge.entries.length - 4}].answer`);
    // Found last inside the transaction, after every other part was written: rolled back.
    await refused(edited((d) => {
      changedEverywhere(d);
      d.knowledge.overrides = [{ tradeCategory: 'plumbing', key: 'no-such-starter-entry', question: 'Anything?', enabled: false }];
    }), 400, 'VALIDATION_FAILED', 'knowledge.overrides[0].key');
    // The voice would speak through the company's own ElevenLabs key, which it never set.
    await refused(edited((d) => {
      changedEverywhere(d);
      d.voice = { useOwnKey: true };
    }), 400, 'VALIDATION_FAILED', 'voice.useOwnKey');
  });

  it("answers 409 PHONE_NUMBER_TAKEN for another company's number, and neither company changes", async () => {
    const holder = await createCompany(t.app, { name: 'Number Holder Drains' });
    await t.app.ctx.services.phoneNumbers.add(SYSTEM_ACTOR, holder.id, { number: '+1 773 555 0100', label: 'Main' }, 'assigned');
    const holderBefore = await rowsOf(holder.id);
    const error = await refused(edited((d) => {
      d.company.name = 'Renamed Plumbing';
      d.phoneNumbers = [{ number: '+1 312 555 0299', label: 'Relabelled' }, { number: '773-555-0100', label: 'Taken' }];
    }), 409, 'PHONE_NUMBER_TAKEN', 'phoneNumbers[1].number');
    expect(JSON.stringify(error)).not.toContain('Number Holder');
    expect(await rowsOf(holder.id)).toEqual(holderBefore);
    expect((await t.app.ctx.services.phoneNumbers.lookup('+13125550242'))?.companyId).toBe(companyId);
  });
});

describe("the company's own emergencies in the configuration document", () => {
  const ownEmergency = {
    name: 'Water in the server room', severity: 'urgent' as const, triggers: ['water in the server room'],
    safetyInstruction: 'Switch off the power to the server rack if you can reach it without stepping in water.',
  };

  it('imports them with the trade emergencies switched off, answers them back, and a second import changes nothing', async () => {
    const plumber = await configuredPlumber('Lakeview Plumbing', { numbers: [{ number: '+1 312 555 0342', label: 'Main line' }] });
    const doc = await getConfig(plumber.id, plumber.owner.headers);
    expect(doc.agent).toMatchObject({ emergencies: [], tradeEmergenciesOff: [] });
    const withOwn = { ...doc, agent: { ...doc.agent, emergencies: [ownEmergency], tradeEmergenciesOff: [{ tradeCategory: 'plumbing', key: 'water-heater-leak' }] } };
    const res = await putConfig(plumber.id, plumber.owner.headers, withOwn);
    expect(res.statusCode, res.body).toBe(200);
    expect(await getConfig(plumber.id, plumber.owner.headers)).toEqual(withOwn);
    const before = await rowsOf(plumber.id);
    expect((await putConfig(plumber.id, plumber.owner.headers, withOwn)).statusCode).toBe(200);
    expect(await rowsOf(plumber.id)).toEqual(before);
    const found = await t.app.ctx.services.knowledge.emergencyFor(plumber.id, 'there is water in the server room');
    expect(found).toMatchObject({ source: 'company', name: ownEmergency.name });
    expect(await t.app.ctx.services.knowledge.emergencyFor(plumber.id, 'my water heater is leaking')).toBeNull();
  });

  it('refuses a life-safety trade emergency switched off and a trigger that could never match, by their paths', async () => {
    const plumber = await configuredPlumber('Hyde Park Plumbing', { numbers: [{ number: '+1 312 555 0343', label: 'Main line' }] });
    const doc = await getConfig(plumber.id, plumber.owner.headers);
    const before = await rowsOf(plumber.id);
    const gasOff = await putConfig(plumber.id, plumber.owner.headers, { ...doc, agent: { ...doc.agent, tradeEmergenciesOff: [{ tradeCategory: 'plumbing', key: 'gas-smell' }] } });
    expect([gasOff.statusCode, gasOff.json().error.code, gasOff.json().error.details?.field], gasOff.body).toEqual([400, 'VALIDATION_FAILED', 'agent.tradeEmergenciesOff.0']);
    const never = await putConfig(plumber.id, plumber.owner.headers, { ...doc, agent: { ...doc.agent, emergencies: [{ ...ownEmergency, triggers: ['not the'] }] } });
    expect([never.statusCode, never.json().error.details?.field], never.body).toEqual([400, 'agent.emergencies.0.triggers.0']);
    expect(await rowsOf(plumber.id)).toEqual(before);
  });
});
