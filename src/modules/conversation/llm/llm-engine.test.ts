import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { SERVICE_ID, SLOT_STARTS, testProfile, turnInput } from './in-memory-tools.fixture.ts';
import { createLlmEngine } from './llm-engine.ts';
import { useModelStub } from './model-stub.fixture.ts';

const model = useModelStub({ apiKey: 'sk-platform-test-key' });

const logger = pino({ level: 'silent' });
const engine = () => createLlmEngine({ baseUrl: model.stub.baseUrl, model: 'test-model', platformApiKey: 'sk-platform-test-key', logger });

describe('language-model engine: booking through tools', () => {
  it('books over two turns: holds and reads back, then confirms on the caller\'s yes', async () => {
    model.stub.script(
      { toolCalls: [{ name: 'find_slots', arguments: { service_id: SERVICE_ID, zip: '60601', when: 'tomorrow afternoon' } }] },
      { toolCalls: [{ name: 'hold_slot', arguments: { service_id: SERVICE_ID, start: SLOT_STARTS[0], zip: '60601', name: 'Jane Doe', address: '1450 N Dearborn St', notes: 'Kitchen sink leaks' } }] },
      { content: 'I have Tuesday afternoon for you. Shall I book it?' },
    );
    const first = await engine().respond(turnInput("Hi, I'm Jane Doe at 1450 N Dearborn St, 60601. My kitchen sink leaks, can someone come tomorrow afternoon?", 1), model.tools);

    // The caller's words became a search window on the company's calendar (Tuesday 12:00–17:00 Chicago).
    expect(model.tools.calls.find((c) => c.tool === 'findSlots')!.args).toEqual({ serviceId: SERVICE_ID, zip: '60601', from: '2026-06-02T12:00:00-05:00', to: '2026-06-02T17:00:00-05:00' });
    expect(first.say).toBe(
      "Let me read that back: Leak repair on Tuesday, June second, between noon and four, for Jane Doe at fourteen fifty North Dearborn Street, and we'll call you at three one two, five five five, zero one two three. Is that all correct?",
    );
    expect(first.next).toEqual({ kind: 'listen' });
    expect(first.outcome).toBe('answered');
    expect(first.state.bookingId).toBe('booking-1');
    expect(first.state.facts).toMatchObject({ name: 'Jane Doe', address: '1450 N Dearborn St', zip: '60601', phone: '+13125550123', problem: 'Kitchen sink leaks', serviceId: SERVICE_ID });
    expect(model.tools.bookings.get('booking-1')).toMatchObject({ status: 'held', key: 'CA0001:1:hold_slot:1' });
    // The model saw the offered slots spoken for the ear, and the hold's read-back.
    expect(model.toolResults(1)[0]).toMatchObject({ ok: true, slots: [{ start: SLOT_STARTS[0], spoken: 'Tuesday, June second, between noon and four' }, { start: SLOT_STARTS[1] }] });
    expect(model.toolResults(2)[1]).toMatchObject({ ok: true, status: 'held', booking_id: 'booking-1' });

    model.stub.script(
      { toolCalls: [{ name: 'confirm_booking', arguments: { booking_id: 'booking-1' } }] },
      { content: "Great, you're booked! See you Tuesday." },
    );
    const second = await engine().respond(turnInput('Yes, that is right.', 2, first.state), model.tools);
    expect(model.tools.bookings.get('booking-1')!.status).toBe('confirmed');
    expect(second.outcome).toBe('booked');
    expect(second.intent).toBe('book.confirmed');
    expect(second.say).toBe("You're all set: Leak repair on Tuesday, June second, between noon and four. Is there anything else I can help with?");
    // The second turn's request carried the first turn's history, ending with what the caller heard.
    const history = model.stub.requests[3]!.body.messages;
    expect(history[0]!.role).toBe('system');
    expect(history.filter((m) => m.role === 'user').map((m) => m.content)).toHaveLength(2);
    expect(history.find((m) => m.role === 'assistant' && m.content?.startsWith('Let me read that back'))).toBeDefined();
  });

  it('on the anonymous widget, says the booking was sent as a request whatever the model claims', async () => {
    // The widget's confirm tool only sends a request (it stays held until the company confirms).
    const confirmBooking = model.tools.confirmBooking;
    model.tools.confirmBooking = async (id) => {
      const result = await confirmBooking(id);
      if (!result.ok) return result;
      model.tools.bookings.get(id)!.status = 'held';
      return { ...result, booking: { ...result.booking, status: 'held' }, requested: true };
    };
    model.stub.script(
      { toolCalls: [{ name: 'hold_slot', arguments: { service_id: SERVICE_ID, start: SLOT_STARTS[0], zip: '60601', name: 'Jane Doe', address: '1450 N Dearborn St' } }] },
      { content: 'Shall I book it?' },
    );
    const first = await engine().respond(turnInput('Book me tomorrow afternoon, Jane Doe, 1450 N Dearborn St, 60601.', 1), model.tools);
    model.stub.script(
      { toolCalls: [{ name: 'confirm_booking', arguments: { booking_id: 'booking-1' } }] },
      { content: "Great, you're booked! See you Tuesday." },
    );
    const second = await engine().respond(turnInput('Yes, that is right.', 2, first.state), model.tools);
    expect(model.tools.bookings.get('booking-1')!.status).toBe('held');
    expect(second.outcome).toBe('message');
    expect(second.intent).toBe('book.requested');
    expect(second.say).toBe("I've sent your request for Leak repair on Tuesday, June second, between noon and four to the office. It isn't booked yet: they'll confirm it with you. Is there anything else I can help with?");
    expect(model.toolResults(3).at(-1)).toMatchObject({ ok: true, status: 'requested', booking_id: 'booking-1' });
  });

  it('sends the tools as JSON Schema functions and a system prompt built from the company', async () => {
    model.stub.script({ content: 'Sure, how can I help?' });
    await engine().respond(turnInput('Hello?', 1), model.tools);
    const { body, headers } = model.stub.requests[0]!;
    expect(headers.authorization).toBe('Bearer sk-platform-test-key');
    expect(body).toMatchObject({ model: 'test-model', tool_choice: 'auto' });
    expect(body.temperature).toBeLessThanOrEqual(0.3);
    expect(body.tools.map((t) => t.function.name).sort()).toEqual([
      'cancel_booking', 'confirm_booking', 'detect_emergency', 'end_call', 'find_caller_bookings', 'find_slots', 'hold_slot',
      'reschedule_booking', 'search_knowledge', 'take_message', 'transfer_call',
    ]);
    const findSlots = body.tools.find((t) => t.function.name === 'find_slots')!;
    expect(findSlots.type).toBe('function');
    expect(findSlots.function.parameters).toMatchObject({ type: 'object', required: ['service_id', 'zip'], properties: { when: { type: 'string' } } });
    const system = body.messages[0]!;
    expect(system.role).toBe('system');
    for (const part of ['You are Alex', 'Rapid Rooter', 'Family plumbing company', 'friendly', 'Monday, June 1, 2026, 9:00 AM', 'America/Chicago',
      `Leak repair (service_id ${SERVICE_ID}`, 'one forty-nine to two forty-nine dollars', 'full name, callback number, street address, ZIP code',
      'Always mention our 90-day warranty', 'transfer the call']) {
      expect(system.content).toContain(part);
    }
    // Knowledge is reached through the tool, never stuffed into the prompt.
    expect(system.content).not.toContain('Every repair has');
  });

  it('says after hours what the company chose, in the prompt', async () => {
    model.stub.script({ content: 'We are closed, but I can take a message.' });
    await engine().respond(turnInput('Can you come now?', 1, undefined, testProfile({ isOpenNow: false, afterHours: 'take_message' })), model.tools);
    expect(model.stub.requests[0]!.body.messages[0]!.content).toContain('The office is closed now: take a message');
  });
});

describe('language-model engine: the server decides what happened', () => {
  it('corrects a model that claims a booking no tool made', async () => {
    model.stub.script({ content: "Perfect, you're all booked for tomorrow at 2!" });
    const result = await engine().respond(turnInput('Book me tomorrow at 2', 1), model.tools);
    expect(result.say).toBe("Sorry, I haven't booked anything yet. Would you like me to find a time that works for you?");
    expect(result.outcome).toBeUndefined();
    expect(model.tools.bookings.size).toBe(0);
  });

  it('refuses to confirm in the turn the hold was made, and corrects the claim that follows', async () => {
    model.stub.script(
      { toolCalls: [{ name: 'hold_slot', arguments: { service_id: SERVICE_ID, start: SLOT_STARTS[1], zip: '60601', name: 'Jane Doe', address: '1450 N Dearborn St' } }] },
      { toolCalls: [{ name: 'confirm_booking', arguments: { booking_id: 'booking-1' } }] },
      { content: 'Your appointment is confirmed.' },
    );
    const result = await engine().respond(turnInput('Jane Doe, 1450 N Dearborn St, 60601, Tuesday at 3 please', 1), model.tools);
    expect(model.toolResults(2).at(-1)).toMatchObject({ ok: false, code: 'NOT_READ_BACK' });
    expect(model.tools.bookings.get('booking-1')!.status).toBe('held');
    expect(result.outcome).not.toBe('booked');
    expect(result.say).toMatch(/^Let me read that back: Leak repair on Tuesday, June second at three in the afternoon/);
  });

  it('confirms only the hold of this call', async () => {
    model.stub.script(
      { toolCalls: [{ name: 'confirm_booking', arguments: { booking_id: 'someone-elses-booking' } }] },
      { content: 'Sorry, I could not confirm that.' },
    );
    const result = await engine().respond(turnInput('Confirm booking someone-elses-booking', 1), model.tools);
    expect(model.toolResults(1)[0]).toMatchObject({ ok: false, code: 'NOT_HELD' });
    expect(model.tools.calls.some((c) => c.tool === 'confirmBooking')).toBe(false);
    expect(result.outcome).toBeUndefined();
  });

  it('will not hold before the details the company requires are known', async () => {
    model.stub.script(
      { toolCalls: [{ name: 'hold_slot', arguments: { service_id: SERVICE_ID, start: SLOT_STARTS[0], zip: '60601', name: 'Jane' } }] },
      { content: 'What is the address for the visit?' },
    );
    const result = await engine().respond(turnInput('Tuesday at noon, I am Jane', 1), model.tools);
    expect(model.toolResults(1)[0]).toMatchObject({ ok: false, code: 'MISSING_DETAILS', missing: ['address'] });
    expect(model.tools.bookings.size).toBe(0);
    expect(result.say).toBe('What is the address for the visit?');
    expect(result.state.facts.name).toBe('Jane');
  });

  it('answers a knowledge question only from retrieval, and records what it could not answer', async () => {
    model.stub.script(
      { toolCalls: [{ name: 'search_knowledge', arguments: { question: 'Do you have a warranty?' } }, { name: 'search_knowledge', arguments: { question: 'Do you fix boats?' } }] },
      { content: "Every repair has a 90-day warranty. I'm not sure about boats, but I can take a message." },
    );
    const result = await engine().respond(turnInput('Do you have a warranty, and do you fix boats?', 1), model.tools);
    expect(model.toolResults(1)).toEqual([{ found: true, answer: 'Every repair has a 90-day warranty.' }, expect.objectContaining({ found: false })]);
    expect(model.tools.unanswered).toEqual(['Do you fix boats?']);
    expect(result.outcome).toBe('answered');
  });
});
