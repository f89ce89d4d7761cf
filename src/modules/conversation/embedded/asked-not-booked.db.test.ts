import { describe, expect, it } from 'vitest';
import { ROOTER, chicagoMorning, startCall, useDemoApp } from './call-driver.fixture.ts';

/** Issue 14, classes 5, 8 and 11: questions are answered (from the configuration where it knows), and a caller can end the call. */

describe('questions asked the way callers ask them', () => {
  const demo = useDemoApp();

  it('answers a question about the cancellation fee instead of cancelling, and a capability question instead of booking', async () => {
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550401', at: chicagoMorning() });
    const fee = await call.say('hi I need to cancel my appointment for friday, is there a fee for that');
    expect(fee.intent).toMatch(/^faq/);
    const can = await call.say('and can you guys work on tankless water heaters');
    expect(can.intent).toMatch(/^faq/);
  });

  it('answers the service area with the towns of its zips, and whether a named town is in it', async () => {
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550402', at: chicagoMorning() });
    const area = await call.say('what areas do you guys cover');
    expect(area).toMatchObject({ intent: 'faq', outcome: 'answered' });
    expect(area.say).toContain('We serve Chicago');
    const town = await call.say('do you come out to evanston');
    expect(town.say).toContain('Evanston is outside our service area');
  });

  it("books the service just discussed on \"okay, let's do it\" (class 4)", async () => {
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550404', at: chicagoMorning() });
    await call.say('how much does drain cleaning cost');
    const go = await call.say("okay let's do it");
    expect(go.intent).toBe('book.name');
    const drain = (await demo.services.bookingConfig.listServices(call.companyId)).find((s) => s.name === 'Drain cleaning')!;
    expect(go.state.facts.serviceId).toBe(drain.id);
  });

  it("ends the call when the caller says they'll call back", async () => {
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550403', at: chicagoMorning() });
    await call.say('how much does drain cleaning cost');
    const bye = await call.say("ok cool, I'll talk to my husband and call back, thanks");
    expect(bye.next).toEqual({ kind: 'hangup' });
  });

  it('answers a question asked with a detail, keeps the detail and asks for the next one (class 5)', async () => {
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550405', at: chicagoMorning() });
    expect((await call.say('my bathtub drain is clogged and I need someone out to clear it')).intent).toBe('book.name');
    const both = await call.say("it's Priya Raman, oh and do you guys take apple pay");
    expect(both.say).toContain('Apple Pay');
    expect(both.state.facts.name).toBe('Priya Raman');
    expect(both.intent).toBe('book.phone');
    expect(both.say).toMatch(/best number to reach you\?$/);
  });

  it('says plainly when it cannot answer a question mid-booking, records it, and asks its own question again', async () => {
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550406', at: chicagoMorning() });
    await call.say('my bathtub drain is clogged and I need someone out to clear it');
    await call.say('Omar Haddad');
    const unknown = await call.say('does the plumber bring his own drop ladder for attic crawl spaces');
    expect(unknown.intent).toBe('faq.unknown');
    expect(unknown.say).toMatch(/^I'm sorry, I don't have an answer to that, but I've noted your question for the team\. Is .+ the best number to reach you\?$/);
    expect(unknown.state.misunderstandings).toBe(0);
    const unanswered = (await demo.services.knowledge.listUnanswered(call.companyId, { limit: 50, offset: 0 })).items;
    expect(unanswered.some((q) => q.question.includes('drop ladder'))).toBe(true);
    // The booking goes on where it was.
    expect((await call.say('yes')).intent).toBe('book.address');
  });

  it('does not book a job of a kind the company may not do: it asks first, and says it does not know (class 5)', async () => {
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550407', at: chicagoMorning() });
    const asked = await call.say('the heater on our hot tub keeps shutting off, do you guys work on hot tub heaters');
    expect(asked.intent).toBe('faq.unknown');
    expect(asked.state.facts.serviceId).toBeUndefined();
    // A job of the caller's own, asked as a question, still books.
    const own = await startCall(demo.services, { to: ROOTER, from: '+13125550408', at: chicagoMorning() });
    expect((await own.say('can you fix my kitchen sink, it is clogged')).intent).toBe('book.name');
  });

  it('answers a question asked with the request for a visit once, then books; a re-ask repeats only its own question (class 5)', async () => {
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550409', at: chicagoMorning() });
    const first = await call.say('do you guys take apple pay? my bathroom faucet drips and I need someone out tomorrow');
    expect(first.say).toContain('Apple Pay');
    expect(first.say).toMatch(/full name, please\?$/);
    expect(first.intent).toBe('book.name');
    const again = await call.say('um');
    expect(again.say).not.toContain('Apple Pay');
    expect(again.say).toContain('name');
  });
});

