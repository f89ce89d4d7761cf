import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../auth/principal.ts';
import { POLAR, ROOTER, chicagoMorning, startCall, useDemoApp, weekdayMorning } from './call-driver.fixture.ts';

/**
 * Issue 14: callers say what they need in their own words. Whether the company does a kind of
 * work is answered from its services (class 5) and a yes books it (class 4); trouble no service
 * is named for gets the general visit (class 2); an afternoon arrival window that starts before
 * noon is still an afternoon one (class 1). Examples made up for these tests.
 */
describe('callers in their own words', () => {
  const demo = useDemoApp();
  const serviceId = async (companyId: string, name: string) => (await demo.services.bookingConfig.listServices(companyId)).find((s) => s.name === name)!.id;

  it('answers "do you guys fix X" from the services and books that service on a yes', async () => {
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550611', at: chicagoMorning() });
    const asked = await call.say('hey do you guys fix water heaters');
    expect(asked).toMatchObject({ intent: 'faq', outcome: 'answered' });
    expect(asked.say).toContain('Yes, we do');
    expect(asked.say).toContain('water heater repair');
    expect(asked.say).toMatch(/book a visit for that\?$/);
    const yes = await call.say('yeah please');
    expect(yes.intent).toBe('book.name');
    expect(yes.state.facts.serviceId).toBe(await serviceId(call.companyId, 'Water heater repair'));
  });

  it('books the service just priced when the caller asks "can you book me for that"', async () => {
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550612', at: chicagoMorning() });
    await call.say('what do you charge to clean out a drain');
    const go = await call.say('alright can you book me for that');
    expect(go.intent).toBe('book.name');
    expect(go.state.facts.serviceId).toBe(await serviceId(call.companyId, 'Drain cleaning'));
  });

  it('does not say yes to a kind of work for customers the services do not name ("for restaurants")', async () => {
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550620', at: chicagoMorning() });
    const asked = await call.say('do you guys clean drains for restaurants, we run a diner');
    expect(asked.say).not.toContain('Yes, we do');
  });

  it('does not take a question about a kind of work as a request to book it', async () => {
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550613', at: chicagoMorning() });
    const asked = await call.say('quick question, do you replace water heaters? ours is getting old');
    expect(asked.intent).toMatch(/^faq/);
    expect(asked.state.facts.serviceId).toBeUndefined();
  });

  it('puts a caller through who asks for someone by name (class 7)', async () => {
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550617', at: chicagoMorning() });
    const asked = await call.say('hi there, can I speak with Mike please');
    expect(asked.next.kind).toBe('transfer');
  });

  it('notes more about the job said instead of a detail once, without counting it as a misunderstanding (class 8)', async () => {
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550618', at: chicagoMorning() });
    await call.say('the kitchen sink is clogged again');
    const more = await call.say('yeah it backs up into the other side whenever the dishwasher runs');
    expect(more.intent).toBe('book.name');
    expect(more.state.misunderstandings).toBe(0);
    expect(more.state.facts.problem).toContain('dishwasher');
    const named = await call.say('teodora vance');
    expect(named.state.facts.name).toBe('Teodora Vance');
  });

  it('answers "how much is that" mid-booking with the price of the service being booked (class 11)', async () => {
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550619', at: chicagoMorning() });
    await call.say('I want my old water heater replaced with a new one');
    const price = await call.say('and about how much does that run');
    expect(price.say).toMatch(/^Water heater replacement: fourteen hundred to twenty-six hundred dollars installed. Can I get your full name/);
    expect(price.intent).toBe('faq');
  });

  it('keeps the day already talked about when the caller names only another time (class 6)', async () => {
    const at = chicagoMorning();
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550621', at });
    await call.say('my kitchen sink is clogged');
    await call.say('ines barros');
    await call.say('yes');
    await call.say('2200 north clark street 60614');
    await call.say('the day after tomorrow at six in the morning');
    const later = await call.say('hmm how about ten instead');
    const day = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Chicago', weekday: 'long' }).format(new Date(at.getTime() + 2 * 86_400_000));
    expect(later.intent).toBe('book.offer');
    expect(later.say).toContain(`I can do ${day}`);
  });

  it('books nothing when the caller answers the times offered with "I\'ll figure something out" (class 8)', async () => {
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550623', at: chicagoMorning() });
    await call.say('my kitchen sink is clogged');
    await call.say('paul okafor');
    await call.say('yes');
    await call.say('2200 north clark street 60614');
    await call.say('tomorrow morning');
    const declined = await call.say("ok yeah I guess I'll figure something out, thanks");
    expect(declined.intent).toBe('book.declined');
    expect(declined.state.bookingId).toBeUndefined();
  });

  it('answers a policy question wrapped in a story from the company\'s entry on that policy (class 9)', async () => {
    const call = await startCall(demo.services, { to: POLAR, from: '+13035550624', at: weekdayMorning('America/Denver') });
    const story = await call.say("so we just moved in and honestly money is kind of tight this year, is there some kind of financing or do we have to pay the whole thing at once");
    expect(story.say).toContain('financed with approved credit');
  });

  describe('with a general visit among the services', () => {
    beforeAll(async () => {
      const route = (await demo.services.phoneNumbers.lookup(ROOTER))!;
      await demo.services.bookingConfig.createService(SYSTEM_ACTOR, route.companyId, { name: 'Plumbing diagnostic visit', durationMinutes: 60, requiredSkills: ['plumbing'], priceText: '$79' });
    });

    it('books the general visit for trouble no service is named for', async () => {
      const call = await startCall(demo.services, { to: ROOTER, from: '+13125550614', at: chicagoMorning() });
      const told = await call.say('my shower makes a weird rattling sound every time somebody runs the water');
      expect(told.intent).toBe('book.name');
      expect(told.state.facts.serviceId).toBe(await serviceId(call.companyId, 'Plumbing diagnostic visit'));
    });

    it('books the general visit for trouble whose cause the caller does not know', async () => {
      const call = await startCall(demo.services, { to: ROOTER, from: '+13125550622', at: chicagoMorning() });
      const told = await call.say("there's a damp patch on my hallway wall and no idea where the water comes from");
      expect(told.intent).toBe('book.name');
      expect(told.state.facts.serviceId).toBe(await serviceId(call.companyId, 'Plumbing diagnostic visit'));
    });

    it('after a job told in words no service fits, a name said for "what is it for" is kept and the general visit taken', async () => {
      const call = await startCall(demo.services, { to: ROOTER, from: '+13125550615', at: chicagoMorning() });
      await call.say('i need somebody to come look at some plumbing stuff in the basement');
      const named = await call.say('greta lindqvist');
      expect(named.state.facts.name).toBe('Greta Lindqvist');
      expect(named.state.facts.serviceId).toBe(await serviceId(call.companyId, 'Plumbing diagnostic visit'));
      expect(named.intent).toBe('book.phone');
    });
  });

  it('offers an eleven-to-two arrival window for "the afternoon" (its middle is after noon)', async () => {
    const route = (await demo.services.phoneNumbers.lookup(POLAR))!;
    const settings = await demo.services.bookingConfig.getSettings(route.companyId);
    await demo.services.bookingConfig.putSettings(SYSTEM_ACTOR, route.companyId, {
      ...settings,
      arrivalWindows: [{ start: '07:30', end: '10:30', capacity: 3 }, { start: '11:00', end: '14:00', capacity: 2 }],
    } as Parameters<typeof demo.services.bookingConfig.putSettings>[2]);
    try {
      const call = await startCall(demo.services, { to: POLAR, from: '+13035550616', at: weekdayMorning('America/Denver') });
      await call.say('the air conditioner rattles really loud when it runs');
      await call.say('omar ferreira');
      await call.say('yes');
      await call.say('1600 glenarm place 80202');
      const offered = await call.say('the day after tomorrow in the afternoon');
      expect(offered.intent).toBe('book.offer');
      expect(offered.say).toContain('between eleven and two');
      expect(offered.say).not.toContain('anything open then');
    } finally {
      await demo.services.bookingConfig.putSettings(SYSTEM_ACTOR, route.companyId, settings as Parameters<typeof demo.services.bookingConfig.putSettings>[2]);
    }
  });
});
