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
});
