import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../auth/principal.ts';
import { POLAR, ROOTER, chicagoMorning, startCall, useDemoApp, weekdayMorning } from './call-driver.fixture.ts';


describe('emergencies on the phone', () => {
  const demo = useDemoApp();

  it.each([
    [ROOTER, 'America/Chicago', 'Uh, I think I smell gas in the basement', 'Please leave the building right now', '+13125550111'],
    [POLAR, 'America/Denver', 'my carbon monoxide alarm is going off', 'Get everyone, pets too, out of the house', '+13035550190'],
    [POLAR, 'America/Denver', "we have no heat and it's freezing in here", '', '+13035550190'],
  ])('%s: "%s" → the safety instruction first, then the on-call number', async (to, zone, said, instruction, onCall) => {
    const call = await startCall(demo.services, { to, from: '+17735550101', at: weekdayMorning(zone) });
    const r = await call.say(said);
    expect(r.intent).toMatch(/^emergency\./);
    expect(r.outcome).toBe('emergency');
    expect(r.next).toEqual({ kind: 'transfer', to: onCall });
    if (instruction) expect(r.say.startsWith(instruction)).toBe(true);
    expect(r.say.indexOf('on-call')).toBeGreaterThan(r.say.length / 2);
  });

  it('interrupts a booking in progress when the caller mentions an emergency', async () => {
    const call = await startCall(demo.services, { to: ROOTER, from: '+17735550102', at: chicagoMorning() });
    await call.say('I need a drain cleaning');
    const r = await call.say('wait, actually I smell gas now');
    expect(r.intent).toMatch(/^emergency\.gas/);
    expect(r.next.kind).toBe('transfer');
  });

  it('books the soonest emergency visit and reads the surcharge when the company does not transfer emergencies', async () => {
    const { companyId } = (await demo.services.phoneNumbers.lookup(POLAR))!;
    const { settings } = await demo.services.agentSettings.current(companyId);
    await demo.services.agentSettings.save(SYSTEM_ACTOR, companyId, { ...settings, transferWhen: { ...settings.transferWhen, emergency: false } });
    try {
      // 7 pm on a weekday: the office is closed, on-call hours run.
      const evening = new Date(weekdayMorning('America/Denver').getTime() + 10 * 3_600_000);
      const call = await startCall(demo.services, { to: POLAR, from: '+17205550160', at: evening });
      expect(call.greeting).toContain('after hours');
      const first = await call.say('Our furnace died and the house is freezing, we have no heat');
      expect(first.next).toEqual({ kind: 'listen' });
      expect(first.outcome).toBe('emergency');
      expect(first.say).toContain('emergency visit');
      for (const line of ['yes please', 'Chris Doe', 'yes', '1600 Glenarm Place 80202', 'skip']) await call.say(line);
      const offer = call.state.engine['embedded'] as { step: string };
      expect(offer.step).toBe('book.choose');
      const offered = call.transcript[call.transcript.length - 1]!;
      expect(offered).toContain('surcharge');
      expect(offered).toContain('one twenty-five dollars');
      // The details were read back with the times: the pick books, the surcharge said again.
      const done = await call.say('the first one');
      expect(done.outcome).toBe('booked');
      expect(done.say).toContain('one twenty-five dollars');
      const booked = (await demo.services.bookings.list(companyId, {}, { limit: 200, offset: 0 })).items.filter((b) => b.callId === call.call.id);
      expect(booked).toHaveLength(1);
      expect(booked[0]).toMatchObject({ status: 'confirmed', emergency: true, serviceName: 'No heat emergency' });
      expect(booked[0]!.surchargeNote).toContain('surcharge');
    } finally {
      await demo.services.agentSettings.save(SYSTEM_ACTOR, companyId, settings);
    }
  });
});
