import { describe, expect, it } from 'vitest';
import { ROOTER, chicagoMorning, startCall, useDemoApp } from './call-driver.fixture.ts';

/**
 * Issue 14, classes 6–8 through the real turn path: a day turned down in the same breath as the
 * one wanted, "move that to … instead" after the booking, a callback asked for in so many words,
 * and a bare "no thanks" that ends the call.
 */
const localDay = (d: Date) => new Intl.DateTimeFormat('en-US', { timeZone: 'America/Chicago', weekday: 'long' }).format(d);

describe('a caller who changes their mind, or asks for something in their own words', () => {
  const demo = useDemoApp();

  const liveBookings = async (companyId: string, callId: string) =>
    (await demo.bookingsOf(companyId, callId)).filter((b) => b.status === 'confirmed');

  it('searches the day the caller wants, not the one they turned down in the same sentence', async () => {
    const at = chicagoMorning();
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550401', at });
    for (const line of ['the shower drain is clogged', 'Ines Morales', 'yes', '233 South Wacker Drive 60606']) await call.say(line);
    const dayAfter = localDay(new Date(at.getTime() + 86_400_000));
    const twoDays = localDay(new Date(at.getTime() + 2 * 86_400_000));
    const first = await call.say(`${dayAfter.toLowerCase()} please`);
    expect(first.say).toContain(dayAfter);
    const again = await call.say(`hmm no, not ${dayAfter.toLowerCase()}, ${twoDays.toLowerCase()} would suit me better`);
    expect(again.intent).toBe('book.offer');
    expect(again.say).toContain(twoDays);
    expect(again.say).not.toContain(dayAfter);
    expect((await call.say('the first one')).outcome).toBe('booked');
    const [booking] = await liveBookings(call.companyId, call.call.id);
    expect(localDay(new Date(booking!.start))).toBe(twoDays);
  });

  it('moves the visit just booked when the caller says "push that to … instead"', async () => {
    const at = chicagoMorning();
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550402', at });
    for (const line of ['I need a drain cleaning', 'Otto Brandt', 'yes', '233 South Wacker Drive 60606', 'as soon as possible']) await call.say(line);
    expect((await call.say('the first one')).outcome).toBe('booked');
    const later = localDay(new Date(at.getTime() + 2 * 86_400_000));
    const moving = await call.say(`oh wait, could you push that to ${later.toLowerCase()} instead`);
    expect(moving.intent).toBe('reschedule.offer');
    // The times were read out for this booking: a yes moves it to the first.
    expect((await call.say('yes')).intent).toBe('reschedule.done');
    const bookings = await liveBookings(call.companyId, call.call.id);
    expect(bookings).toHaveLength(1);
    expect(localDay(new Date(bookings[0]!.start))).toBe(later);
  });

  it('takes a message when the caller wants somebody to call them', async () => {
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550403', at: chicagoMorning() });
    const first = await call.say("it's nothing urgent, I'd just like somebody to call me tomorrow about a quote for a new water heater");
    expect(first.intent).toBe('message.name');
    await call.say('Priya Natarajan');
    const taken = await call.say('yes that number works');
    expect(taken.outcome).toBe('message');
    const [message] = (await demo.services.messages.list(call.companyId, { callId: call.call.id }, { limit: 10, offset: 0 })).items;
    expect(message).toMatchObject({ callerName: 'Priya Natarajan', callbackNumber: '+13125550403' });
    expect(message!.body).toContain('quote for a new water heater');
  });

  it('does not greet again on a mid-call "yes", and ends the call on a bare "no thank you"', async () => {
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550404', at: chicagoMorning() });
    for (const line of ['I need a drain cleaning', 'Kofi Mensah', 'yes', '233 South Wacker Drive 60606', 'as soon as possible']) await call.say(line);
    expect((await call.say('the first one')).outcome).toBe('booked');
    const more = await call.say('yes');
    expect(more.say).not.toContain('Hi!');
    const bye = await call.say('no thank you');
    expect(bye.next).toEqual({ kind: 'hangup' });
  });

  it('keeps a name and number said after "we aren\'t open then", asking what is missing instead of searching times', async () => {
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550405', at: chicagoMorning() });
    expect((await call.say('the bathroom faucet drips, I can only do sunday')).intent).toBe('book.closed_times');
    const next = await call.say("it's Lena Ortiz, three one two, five five five, zero one nine nine");
    expect(next.say).not.toContain('trouble');
    expect(next.state.facts).toMatchObject({ name: 'Lena Ortiz', phone: '+13125550199' });
    expect(next.intent).toBe('book.address');
  });

  it('takes the matter said at the message offer as the message, and leaves a name the caller never gives', async () => {
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550406', at: chicagoMorning() });
    const first = await call.say('does your owner still coach the little league team on saturdays');
    expect(first.intent).toBe('faq.unknown');
    const offer = await call.say('oh okay then can you let him know the warranty card never came in the mail');
    expect(offer.intent).toBe('message.name');
    await call.say('three one two five five five zero one four four');
    const taken = await call.say("no that's fine, he can just mail it");
    expect(taken.outcome).toBe('message');
    const [message] = (await demo.services.messages.list(call.companyId, { callId: call.call.id }, { limit: 10, offset: 0 })).items;
    expect(message!.body).toContain('warranty card never came');
    expect(message!.callbackNumber).toBe('+13125550144');
  });
});
