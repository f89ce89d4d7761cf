import { describe, expect, it } from 'vitest';
import { speakSlot } from '../ear/when.ts';
import { ROOTER, chicagoMorning, startCall, useDemoApp, weekdayMorning } from './call-driver.fixture.ts';


describe('booking a visit on the phone with the embedded engine', () => {
  const demo = useDemoApp();

  it('collects the details, reads them back with the times offered, and books exactly one visit at the time picked', async () => {
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550188', at: chicagoMorning() });
    expect(call.greeting).toContain('Rapid Rooter Plumbing');

    const first = await call.say('Hi, my kitchen sink is clogged and I need someone to come out and fix it.');
    expect(first.say).toContain('full name');
    await call.say("Sure, it's Dana Whitfield.");
    const phone = await call.say('yes');
    expect(phone.intent).toBe('book.address');
    await call.say('1450 North Dearborn Street');
    const zip = await call.say('six oh six one oh');
    expect(zip.say).toContain('When would you like us to come out?');

    const offer = await call.say('tomorrow morning');
    expect(offer.intent).toBe('book.offer');
    const offered = (offer.state.engine['embedded'] as { offers: unknown[] }).offers;
    expect(offered.length).toBeGreaterThanOrEqual(2);
    expect(offered.length).toBeLessThanOrEqual(3);
    // The details are read back with the times: picking one is the caller's yes.
    expect(offer.say).toContain('Dana Whitfield');
    expect(offer.say).toContain('fourteen fifty North Dearborn Street, six oh six one oh');
    expect(offer.say).toContain('three one two, five five five, zero one eight eight');
    expect(offer.say).not.toMatch(/\d/);
    expect(await demo.bookingsOf(call.companyId, call.call.id)).toHaveLength(0);

    const done = await call.say('the second one');
    expect(done.outcome).toBe('booked');
    const bye = await call.say("No, that's all. Thanks, bye!");
    expect(bye.next).toEqual({ kind: 'hangup' });

    const booked = await demo.bookingsOf(call.companyId, call.call.id);
    expect(booked).toHaveLength(1);
    expect(booked[0]).toMatchObject({ status: 'confirmed', source: 'phone', serviceName: 'Drain cleaning', customerName: 'Dana Whitfield', customerPhone: '+13125550188', zip: '60610' });
    expect(done.say).toContain(speakSlot(booked[0]!));
  });

  it('holds once when the same turn is delivered twice', async () => {
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550177', at: weekdayMorning('America/Chicago', 4) });
    for (const line of ['I need to book a drain cleaning', 'Sam Ortiz', 'yes', '233 South Wacker Drive 60606', 'as soon as possible']) await call.say(line);
    const held = await call.say('the first one');
    const again = await call.replay();
    expect(again.say).toBe(held.say);
    expect(again.state.bookingId).toBe(held.state.bookingId);
    expect(await demo.bookingsOf(call.companyId, call.call.id)).toHaveLength(1);
  });

  it('ends booking politely for a zip outside the service area and offers to take a message', async () => {
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550166', at: chicagoMorning() });
    for (const line of ['my water heater is not working, can you send someone', 'Lee Park', 'yes', '12 Main Street']) await call.say(line);
    const out = await call.say('four six three zero three');
    expect(out.intent).toBe('book.out_of_area');
    expect(out.say).toContain("we don't serve the four six three oh three area");
    expect(out.say).toContain('leave a message');
    await call.say('yes please');
    const taken = await call.say('Please call me if you ever expand to Indiana.');
    expect(taken.outcome).toBe('message');
    const messages = (await demo.services.messages.list(call.companyId, { callId: call.call.id }, { limit: 10, offset: 0 })).items;
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ callerName: 'Lee Park', callbackNumber: '+13125550166' });
    expect(messages[0]!.body).toContain('46303');
    expect(await demo.bookingsOf(call.companyId, call.call.id)).toHaveLength(0);
  });
});
