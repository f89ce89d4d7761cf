import { beforeAll, describe, expect, it } from 'vitest';
import { createUserSession, type Session } from '../../../test/helpers/factories.ts';
import { SYSTEM_ACTOR } from '../auth/principal.ts';
import { POLAR, ROOTER, chicagoMorning, startCall, useDemoApp, weekdayMorning } from '../conversation/embedded/call-driver.fixture.ts';

const ROOTER_ON_CALL = '+13125550111';
const SERVER_ROOM = {
  name: 'Water near the server room',
  severity: 'urgent',
  triggers: ['water in the server room', 'sparking'],
  safetyInstruction: 'Switch off the power to the server rack at the red switch by the door, if you can reach it without stepping in water.',
};

describe("a company's own emergencies", () => {
  const demo = useDemoApp();
  let rooter: string;
  let polar: string;
  let owner: Session;

  beforeAll(async () => {
    rooter = (await demo.services.phoneNumbers.lookup(ROOTER))!.companyId;
    polar = (await demo.services.phoneNumbers.lookup(POLAR))!.companyId;
    owner = await createUserSession(demo.t.app, rooter, 'owner');
    const saved = await demo.t.app.inject({ method: 'PUT', url: `/api/companies/${rooter}/agent-settings`, headers: owner.headers, payload: { settings: { emergencies: [SERVER_ROOM] } } });
    expect(saved.statusCode).toBe(200);
  });

  const check = (companyId: string, text: string, headers = owner.headers) =>
    demo.t.app.inject({ method: 'POST', url: `/api/companies/${companyId}/emergencies/check`, headers, payload: { text } });

  it('transfers a caller who says a company phrase to on-call, after its safety instruction', async () => {
    const call = await startCall(demo.services, { to: ROOTER, from: '+17735550131', at: chicagoMorning() });
    const r = await call.say("Hi, um, there's water in the server room at our office");
    expect(r.outcome).toBe('emergency');
    expect(r.intent).toMatch(/^emergency\./);
    expect(r.next).toEqual({ kind: 'transfer', to: ROOTER_ON_CALL });
    expect(r.say.startsWith(SERVER_ROOM.safetyInstruction)).toBe(true);
  });

  it("does not fire another company's phrase", async () => {
    const call = await startCall(demo.services, { to: POLAR, from: '+17205550132', at: weekdayMorning('America/Denver') });
    const r = await call.say("there's water in the server room");
    expect(r.outcome).not.toBe('emergency');
    expect(r.next.kind).not.toBe('transfer');
    expect((await check(polar, "there's water in the server room", (await createUserSession(demo.t.app, polar, 'owner')).headers)).json()).toEqual({ emergency: null });
  });

  it('does not fire a company phrase the caller negates ("no, nothing is sparking")', async () => {
    const call = await startCall(demo.services, { to: ROOTER, from: '+17735550133', at: chicagoMorning() });
    const r = await call.say('no, nothing is sparking, I just need a drain cleaning');
    expect(r.outcome).not.toBe('emergency');
    expect(r.intent ?? '').not.toMatch(/^emergency/);
  });

  it('tells which rule a sentence meets: the company phrase, a trade emergency, or none', async () => {
    expect((await check(rooter, 'the outlet by the rack is sparking')).json()).toEqual({
      emergency: { source: 'company', tradeCategory: null, key: 'company-water-near-the-server-room', name: SERVER_ROOM.name, severity: 'urgent', matchedTrigger: 'sparking', safetyInstruction: SERVER_ROOM.safetyInstruction },
    });
    expect((await check(rooter, 'I smell gas in the kitchen')).json().emergency).toMatchObject({ source: 'trade', tradeCategory: 'plumbing', key: 'gas-smell', severity: 'life_safety' });
    expect((await check(rooter, 'my sink drains slowly')).json()).toEqual({ emergency: null });
  });

  it('stops matching an urgent trade emergency the company switches off, and lists it as switched off', async () => {
    expect((await check(rooter, 'the toilet is overflowing')).json().emergency).toMatchObject({ key: 'sewage-backup' });
    const off = await demo.t.app.inject({ method: 'PUT', url: `/api/companies/${rooter}/agent-settings`, headers: owner.headers, payload: { settings: { tradeEmergenciesOff: [{ tradeCategory: 'plumbing', key: 'sewage-backup' }] } } });
    expect(off.statusCode).toBe(200);
    expect(off.json().settings.emergencies).toEqual([SERVER_ROOM]);
    try {
      expect((await check(rooter, 'the toilet is overflowing')).json()).toEqual({ emergency: null });
      const listed = (await demo.t.app.inject({ method: 'GET', url: `/api/companies/${rooter}/emergencies/trade`, headers: owner.headers })).json().items as { key: string; switchedOff: boolean }[];
      expect(listed.find((e) => e.key === 'sewage-backup')).toMatchObject({ switchedOff: true });
      expect(listed.find((e) => e.key === 'gas-smell')).toMatchObject({ switchedOff: false });
    } finally {
      await demo.t.app.inject({ method: 'PUT', url: `/api/companies/${rooter}/agent-settings`, headers: owner.headers, payload: { settings: { tradeEmergenciesOff: [] } } });
    }
  });

  it("hears a save at the caller's next turn, though the rules are kept between turns", async () => {
    const aquarium = { name: 'Cracked aquarium', severity: 'urgent', triggers: ['aquarium cracked'], safetyInstruction: 'Unplug the aquarium pump if the plug is dry.' };
    const said = 'the big aquarium cracked in our lobby';
    expect(await demo.services.knowledge.emergencyFor(rooter, said)).toBeNull();
    // Through the service, not the API: the save itself tells the emergency check.
    await demo.services.agentSettings.save(SYSTEM_ACTOR, rooter, { emergencies: [SERVER_ROOM, aquarium] });
    try {
      expect(await demo.services.knowledge.emergencyFor(rooter, said)).toMatchObject({ source: 'company', name: aquarium.name });
    } finally {
      await demo.services.agentSettings.save(SYSTEM_ACTOR, rooter, { emergencies: [SERVER_ROOM] });
    }
    expect(await demo.services.knowledge.emergencyFor(rooter, said)).toBeNull();
  });

  it.each([
    ['a life-safety trade emergency', { tradeEmergenciesOff: [{ tradeCategory: 'plumbing', key: 'gas-smell' }] }, 'settings.tradeEmergenciesOff.0', 'cannot be switched off'],
    ['an unknown trade emergency', { tradeEmergenciesOff: [{ tradeCategory: 'plumbing', key: 'no-such-thing' }] }, 'settings.tradeEmergenciesOff.0', 'names no trade emergency'],
    ['a trigger of small words only', { emergencies: [{ ...SERVER_ROOM, triggers: ['no', 'water in the server room'] }] }, 'settings.emergencies.0.triggers.0', 'needs a word'],
    ['two emergencies of one name', { emergencies: [SERVER_ROOM, { ...SERVER_ROOM, name: ' water near the SERVER room ' }] }, 'settings.emergencies.1.name', 'another'],
    ['a blank instruction', { emergencies: [{ ...SERVER_ROOM, safetyInstruction: '   ' }] }, 'settings.emergencies.0.safetyInstruction', 'blank'],
    ['an unknown severity', { emergencies: [{ ...SERVER_ROOM, severity: 'mild' }] }, 'body.settings.emergencies.0.severity', 'anyOf'],
    ['no triggers', { emergencies: [{ ...SERVER_ROOM, triggers: [] }] }, 'body.settings.emergencies.0.triggers', 'fewer'],
  ])('refuses %s with 400 VALIDATION_FAILED naming the field, saving nothing', async (_what, settings, field, message) => {
    const before = (await demo.t.app.inject({ method: 'GET', url: `/api/companies/${rooter}/agent-settings`, headers: owner.headers })).json();
    const res = await demo.t.app.inject({ method: 'PUT', url: `/api/companies/${rooter}/agent-settings`, headers: owner.headers, payload: { settings } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    const fields = res.json().error.details.fields as { field: string; message: string }[];
    expect(fields.filter((f) => f.field === field).map((f) => f.message).join('; ') || JSON.stringify(fields)).toContain(message);
    const after = (await demo.t.app.inject({ method: 'GET', url: `/api/companies/${rooter}/agent-settings`, headers: owner.headers })).json();
    expect(after.version).toBe(before.version);
  });

  it('stores triggers trimmed, in lower case, each once', async () => {
    const c = await demo.t.app.inject({ method: 'PUT', url: `/api/companies/${rooter}/agent-settings`, headers: owner.headers, payload: { settings: { emergencies: [{ ...SERVER_ROOM, triggers: ['  Water in the  SERVER room ', 'water in the server room', 'sparking'] }] } } });
    expect(c.statusCode).toBe(200);
    expect(c.json().settings.emergencies[0].triggers).toEqual(['water in the server room', 'sparking']);
  });
});
