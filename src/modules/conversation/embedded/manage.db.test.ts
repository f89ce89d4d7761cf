import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../auth/principal.ts';
import { speakSlot } from '../ear/when.ts';
import { createAgentTools } from '../tools.ts';
import { ROOTER, chicagoMorning, startCall, useDemoApp, weekdayMorning } from './call-driver.fixture.ts';

const HOUR = 3_600_000;

describe('changing bookings, taken slots, closed hours and long calls', () => {
  const demo = useDemoApp();
  let rooterId: string;
  let drainCleaning: string;
  beforeAll(async () => {
    rooterId = (await demo.services.phoneNumbers.lookup(ROOTER))!.companyId;
    drainCleaning = (await demo.services.bookingConfig.listServices(rooterId)).find((s) => s.name === 'Drain cleaning')!.id;
  });

  /** A confirmed drain cleaning for this phone, in the week after `from`. */
  async function bookFor(phone: string, from: Date) {
    const { slots } = await demo.services.bookings.availability(rooterId, { serviceId: drainCleaning, zip: '60614', from: new Date(from.getTime() + 26 * HOUR).toISOString() });
    const { booking } = await demo.services.bookings.create(SYSTEM_ACTOR, rooterId, { serviceId: drainCleaning, start: slots[0]!.start, zip: '60614', contact: { name: 'Rae Kim', phone } }, { source: 'api' });
    return booking;
  }

  it('moves the caller’s booking, found by caller id, to the time picked from those read out', async () => {
    const at = chicagoMorning();
    const before = await bookFor('+13125550190', at);
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550190', at });
    const found = await call.say('Hi, I need to reschedule my appointment');
    expect(found.say).toContain(`drain cleaning on ${speakSlot(before)}`);
    const offer = await call.say('as soon as possible');
    expect(offer.intent).toBe('reschedule.offer');
    const target = (offer.state.engine['embedded'] as { offers: { start: string; localDate: string; localStartTime: string }[] }).offers[0]!;
    // The times were read out for this booking: the pick is the caller's yes.
    const done = await call.say('the first one');
    expect(done).toMatchObject({ intent: 'reschedule.done', outcome: 'booked' });
    expect(done.say).toContain(speakSlot(target));
    const after = await demo.services.bookings.get(rooterId, before.id);
    expect(after.status).toBe('confirmed');
    expect(Date.parse(after.start)).toBe(Date.parse(target.start));
  });

  it('cancels the caller’s booking on a yes, and never another caller’s', async () => {
    const at = weekdayMorning('America/Chicago', 5);
    const mine = await bookFor('+13125550191', at);
    const theirs = await bookFor('+13125550192', at);
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550191', at });
    const asked = await call.say('I need to cancel my appointment');
    expect(asked.say).toContain('Would you like me to cancel');
    const done = await call.say('yes please');
    expect(done.intent).toBe('cancel.done');
    expect((await demo.services.bookings.get(rooterId, mine.id)).status).toBe('cancelled');

    // The tools themselves refuse another caller's booking, whatever id or number is asked for.
    const tools = createAgentTools(demo.services, { companyId: rooterId, call: call.call, now: at });
    expect(await tools.findCallerBookings('+13125550192')).toEqual([]);
    expect(await tools.cancelBooking(theirs.id, 'not mine')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await tools.rescheduleBooking(theirs.id, theirs.start)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await tools.confirmBooking('not-a-booking-id')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((await demo.services.bookings.get(rooterId, theirs.id)).status).toBe('confirmed');
  });

  it('offers the alternatives when the chosen time was taken meanwhile', async () => {
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550193', at: weekdayMorning('America/Chicago', 6) });
    for (const line of ['I need a drain cleaning', 'Jo Park', 'yes', '2020 North Clark Street', '60614']) await call.say(line);
    const offer = await call.say('tomorrow morning');
    const first = (offer.state.engine['embedded'] as { offers: { start: string }[] }).offers[0]!;
    // Other callers take every technician at that time.
    for (let i = 0; i < 5; i++) {
      await demo.services.bookings.create(SYSTEM_ACTOR, rooterId, { serviceId: drainCleaning, start: first.start, zip: '60614', contact: { name: `Other ${i}`, phone: `+1312555020${i}` } }, { source: 'api' }).catch(() => null);
    }
    const taken = await call.say('the first one');
    expect(taken.intent).toBe('book.slot_taken');
    expect(taken.say).toContain('that time was just taken');
    const done = await call.say('the first one');
    expect(done.outcome).toBe('booked');
    const mine = (await demo.services.bookings.list(rooterId, {}, { limit: 200, offset: 0 })).items.filter((b) => b.callId === call.call.id && b.status === 'confirmed');
    expect(mine).toHaveLength(1);
    expect(Date.parse(mine[0]!.start)).not.toBe(Date.parse(first.start));
  });

  it('after hours, keeps the on-call line for emergencies: others are booked at open times, or leave a message', async () => {
    const evening = new Date(chicagoMorning().getTime() + 11 * HOUR);
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550194', at: evening });
    expect(call.greeting).toContain('The office is closed');
    const r = await call.say('I would like to book a drain cleaning');
    expect(r.next).toEqual({ kind: 'listen' });
    expect(r.intent).toBe('book.name');

    const { settings } = await demo.services.agentSettings.current(rooterId);
    await demo.services.agentSettings.save(SYSTEM_ACTOR, rooterId, { ...settings, afterHours: 'take_message' });
    try {
      const second = await startCall(demo.services, { to: ROOTER, from: '+13125550195', at: evening });
      const m = await second.say('I would like to book a drain cleaning');
      expect(m.say).toContain("We're closed right now");
      expect(m.intent).toBe('message.name');
      await second.say('Bo Chen');
      await second.say('yes');
      const taken = await second.say('Tomorrow morning would be great.');
      expect(taken.outcome).toBe('message');
    } finally {
      await demo.services.agentSettings.save(SYSTEM_ACTOR, rooterId, settings);
    }
  });

  it('after hours, never hands a silent caller to the closed office', async () => {
    const evening = new Date(chicagoMorning().getTime() + 11 * HOUR);
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550197', at: evening });
    let last = await call.say(null);
    for (let i = 0; i < 5 && last.next.kind === 'listen'; i++) last = await call.say(null);
    expect(last.next).toEqual({ kind: 'hangup' });
  });

  it('wraps up at the maximum call length, asking the office to call back an unfinished caller', async () => {
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550196', at: chicagoMorning(), secondsPerTurn: 400 });
    await call.say('I need a drain cleaning');
    const end = await call.say('Max Field');
    expect(end).toMatchObject({ next: { kind: 'hangup' }, outcome: 'message', intent: 'call.time_limit' });
    expect((await demo.services.messages.list(rooterId, { callId: call.call.id }, { limit: 10, offset: 0 })).items).toHaveLength(1);
  });
});
