import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../auth/principal.ts';
import { POLAR, ROOTER, chicagoMorning, startCall, useDemoApp, weekdayMorning } from './call-driver.fixture.ts';


describe('questions, messages, people and silence on the phone', () => {
  const demo = useDemoApp();

  const messagesOf = async (companyId: string, callId: string) => (await demo.services.messages.list(companyId, { callId }, { limit: 10, offset: 0 })).items;

  it("answers from the company's knowledge, spoken for the ear", async () => {
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550150', at: chicagoMorning() });
    const hours = await call.say('What are your hours?');
    expect(hours).toMatchObject({ intent: 'faq', outcome: 'answered', next: { kind: 'listen' } });
    // From the booking configuration itself (what the agent books by), not the demo entry that says 7 pm.
    expect(hours.say).toContain('Monday to Friday seven a.m. to six p.m.');
    expect(hours.say).toContain('anything else');
    const price = await call.say('how much does drain cleaning cost');
    expect(price.say).toContain('one forty-nine to two forty-nine dollars');
  });

  it('says plainly when it does not know, records the question and takes a message', async () => {
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550151', at: chicagoMorning() });
    const question = 'Do you repair swimming pool heaters on boats?';
    const unknown = await call.say(question);
    expect(unknown.intent).toBe('faq.unknown');
    expect(unknown.say).toContain("I don't have an answer to that");
    expect(unknown.outcome).toBeUndefined();
    const unanswered = (await demo.services.knowledge.listUnanswered(call.companyId, { limit: 50, offset: 0 })).items;
    expect(unanswered.some((q) => q.question === question)).toBe(true);

    await call.say('yes please');
    await call.say('Kim Lee');
    const confirmNumber = await call.say('yes');
    expect(confirmNumber.say).toContain('what would you like me to pass on');
    const taken = await call.say('Please have someone call me about boat heaters.');
    expect(taken.outcome).toBe('message');
    // Twilio delivers the turn again: still one message.
    expect((await call.replay()).say).toBe(taken.say);
    expect(taken.say).toContain('three one two, five five five, zero one five one');
    const [message, ...others] = await messagesOf(call.companyId, call.call.id);
    expect(others).toHaveLength(0);
    expect(message).toMatchObject({ callerName: 'Kim Lee', callbackNumber: '+13125550151', urgent: false });
    expect(message!.body).toContain(question);
    expect(message!.body).toContain('boat heaters');
  });

  it('transfers a caller who asks for a person to the main number', async () => {
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550152', at: chicagoMorning() });
    const person = await call.say('Can I talk to a real person please?');
    expect(person).toMatchObject({ next: { kind: 'transfer', to: '+13125550100' }, outcome: 'transferred', intent: 'transfer.person' });
  });

  it('offers a message instead when the company does not transfer callers', async () => {
    const { companyId } = (await demo.services.phoneNumbers.lookup(POLAR))!;
    const { settings } = await demo.services.agentSettings.current(companyId);
    await demo.services.agentSettings.save(SYSTEM_ACTOR, companyId, { ...settings, transferWhen: { ...settings.transferWhen, callerAsksForPerson: false } });
    try {
      const call = await startCall(demo.services, { to: POLAR, from: '+17205550153', at: weekdayMorning('America/Denver') });
      const person = await call.say('I want to speak to a human');
      expect(person.next).toEqual({ kind: 'listen' });
      expect(person.say).toContain('leave a message');
      await call.say('yes');
      await call.say('my name is Ana Ruiz');
      await call.say('yes');
      await call.say('Please call me about a new furnace.');
      expect(await messagesOf(companyId, call.call.id)).toHaveLength(1);
    } finally {
      await demo.services.agentSettings.save(SYSTEM_ACTOR, companyId, settings);
    }
  });

  it('re-prompts after silence and never reads it as words', async () => {
    const call = await startCall(demo.services, { to: ROOTER, from: '+13125550154', at: chicagoMorning() });
    const first = await call.say(null);
    const second = await call.say(null);
    for (const r of [first, second]) {
      expect(r).toMatchObject({ intent: 'silence', next: { kind: 'listen' } });
      expect(r.say).toContain('Are you still there?');
    }
    expect(second.state.misunderstandings).toBe(2);
    // Speech again resets the count.
    const heard = await call.say('what are your hours');
    expect(heard.state.misunderstandings).toBe(0);
  });

  it('after the company’s limit of misunderstood turns, hands the caller to the main line', async () => {
    // Polar Air transfers after two.
    const call = await startCall(demo.services, { to: POLAR, from: '+17205550155', at: weekdayMorning('America/Denver') });
    const unclear = await call.say('mumble mumble', 0.2);
    expect(unclear).toMatchObject({ intent: 'unclear', next: { kind: 'listen' } });
    const out = await call.say(null);
    expect(out).toMatchObject({ next: { kind: 'transfer', to: '+13035550100' }, outcome: 'transferred' });
  });

  it('with no one to transfer to, asks the office to call back a caller it cannot understand', async () => {
    const { companyId } = (await demo.services.phoneNumbers.lookup(POLAR))!;
    const { settings } = await demo.services.agentSettings.current(companyId);
    await demo.services.agentSettings.save(SYSTEM_ACTOR, companyId, { ...settings, transferWhen: { ...settings.transferWhen, afterMisunderstandings: 0 } });
    try {
      const call = await startCall(demo.services, { to: POLAR, from: '+17205550156', at: weekdayMorning('America/Denver') });
      for (let i = 0; i < 2; i++) expect((await call.say('blah', 0.1)).next).toEqual({ kind: 'listen' });
      const out = await call.say('blah', 0.1);
      expect(out).toMatchObject({ next: { kind: 'hangup' }, outcome: 'message' });
      expect(await messagesOf(companyId, call.call.id)).toHaveLength(1);
    } finally {
      await demo.services.agentSettings.save(SYSTEM_ACTOR, companyId, settings);
    }
  });
});
