import { describe, expect, it } from 'vitest';
import { ROOTER, chicagoMorning, startCall, useDemoApp } from './call-driver.fixture.ts';

/**
 * Class 1 of issue 14: details are taken from every utterance, whatever was asked, and the area
 * and the times are checked as soon as the caller gives them, not after name, phone and address.
 */

describe('a booking that listens to everything the caller says', () => {
  const demo = useDemoApp();

  const bookingsOf = async (companyId: string, callId: string) =>
    (await demo.bookingsOf(companyId, callId)).filter((b) => b.status !== 'cancelled');

  it('tells a caller outside the area at once, from the zip said in the first sentence', async () => {
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550301', at: chicagoMorning() });
    const first = await call.say("my kitchen sink is clogged, I'm in Gary four six four oh two");
    expect(first.intent).toBe('book.out_of_area');
    expect(first.say).not.toContain('name');
    expect(first.say).toContain('leave a message');
  });

  it('tells a caller outside the area at once, from a nearby town named', async () => {
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550302', at: chicagoMorning() });
    const first = await call.say('I need a drain cleaning at my house in Evanston');
    expect(first.intent).toBe('book.out_of_area');
    expect(first.say).toContain('Evanston');
  });

  it('says when the only time the caller can do is closed, before asking for anything else', async () => {
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550303', at: chicagoMorning() });
    const first = await call.say('I need a drain cleaning but I can only do sunday');
    expect(first.intent).toBe('book.closed_times');
    expect(first.say).toContain("we aren't open then");
    const no = await call.say("no, I really can't do any other day");
    expect(no.intent).toBe('book.no_time');
    expect(await bookingsOf(call.companyId, call.call.id)).toHaveLength(0);
  });

  it('keeps the address, zip and time said in one breath and asks only for what is missing', async () => {
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550304', at: chicagoMorning() });
    await call.say('my kitchen sink is clogged');
    const name = await call.say("it's Dana Whitfield");
    expect(name.intent).toBe('book.phone');
    const all = await call.say('this number is fine and it is 1450 north dearborn street in chicago six oh six one oh, tomorrow morning please');
    expect(all.intent).toBe('book.offer');
    expect(all.say).toContain('fourteen fifty North Dearborn Street, six oh six one oh');
    const done = await call.say('the first one');
    expect(done.outcome).toBe('booked');
    const [booking] = await bookingsOf(call.companyId, call.call.id);
    expect(booking).toMatchObject({ status: 'confirmed', zip: '60610', customerName: 'Dana Whitfield', address: '1450 North Dearborn Street' });
  });
});
