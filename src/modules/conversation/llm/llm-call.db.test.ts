import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDemoApp, type TestApp } from '../../../../test/helpers/app.ts';
import { startOpenAiStub, toolResultsOf, type OpenAiStub, type ScriptStep } from '../../../../test/stubs/openai.ts';
import type { Services } from '../../../services.ts';
import { speakSlot } from '../ear/when.ts';
import { createEmbeddedEngine } from '../embedded/engine.ts';
import { startCall, weekdayMorning } from '../embedded/call-driver.fixture.ts';
import { buildAgentProfile } from '../profile.ts';
import { createFallbackEngine } from './fallback-engine.ts';
import { createLlmEngine } from './llm-engine.ts';

const ROOTER = '+13125550142';
const BUDGET_MS = 1500;

/**
 * Whole calls through the language-model engine with the real tools over the database (the
 * demo plumbing company), the model played by a scripted OpenAI-compatible server on loopback.
 */
describe('phone calls answered by a language model, with the real tools', () => {
  let t: TestApp;
  let services: Services;
  let stub: OpenAiStub;
  let drainId: string;
  const logger = pino({ level: 'silent' });
  const engine = () => createFallbackEngine(
    createLlmEngine({ baseUrl: stub.baseUrl, model: 'test-model', platformApiKey: 'sk-test-platform', logger }),
    createEmbeddedEngine(),
    { budgetMs: BUDGET_MS, logger },
  );
  const bookingsOf = async (companyId: string, callId: string) =>
    (await services.bookings.list(companyId, {}, { limit: 200, offset: 0 })).items.filter((b) => b.callId === callId);
  const lastResult = (body: Parameters<Extract<ScriptStep, (...a: never[]) => unknown>>[0]) => toolResultsOf(body).at(-1)!;

  beforeAll(async () => {
    t = await createDemoApp();
    services = t.app.ctx.services;
    stub = await startOpenAiStub({ apiKey: 'sk-test-platform' });
    const route = await services.phoneNumbers.lookup(ROOTER);
    const profile = await buildAgentProfile(services, route!.companyId, new Date());
    drainId = profile.services.find((s) => s.name === 'Drain cleaning')!.id;
  });
  afterAll(async () => {
    await stub?.close();
    await t?.close();
  });
  beforeEach(() => {
    stub.requests.length = 0;
    expect(stub.pending()).toBe(0);
  });

  it('books exactly one visit, at the time read back, only after the caller says yes', async () => {
    const call = await startCall(services, { to: ROOTER, from: '+13125550188', at: weekdayMorning('America/Chicago'), engine: engine() });
    stub.script(
      { toolCalls: [{ name: 'find_slots', arguments: { service_id: drainId, zip: '60610', when: 'tomorrow morning' } }] },
      (body) => {
        const slots = lastResult(body).slots as Array<{ start: string }>;
        return { toolCalls: [{ name: 'hold_slot', arguments: { service_id: drainId, start: slots[1]!.start, zip: '60610', name: 'Dana Whitfield', address: '1450 North Dearborn Street', notes: 'Kitchen sink is clogged' } }] };
      },
      { content: 'I have that for you. Shall I book it?' },
    );
    const readBack = await call.say("Hi, I'm Dana Whitfield at 1450 North Dearborn Street, 60610. My kitchen sink is clogged, can someone come tomorrow morning?");
    const held = await bookingsOf(call.companyId, call.call.id);
    expect(held.map((b) => b.status)).toEqual(['held']);
    expect(readBack.state.bookingId).toBe(held[0]!.id);
    expect(readBack.outcome).not.toBe('booked');
    expect(readBack.say).toContain(`Drain cleaning on ${speakSlot(held[0]!)}, for Dana Whitfield at fourteen fifty North Dearborn Street`);
    expect(readBack.say).toContain('three one two, five five five, zero one eight eight');
    expect(readBack.say).not.toMatch(/\d/);

    // Twilio delivers the same turn again: the model acts again, the same keys hold nothing new.
    stub.script(
      { toolCalls: [{ name: 'find_slots', arguments: { service_id: drainId, zip: '60610', when: 'tomorrow morning' } }] },
      (body) => ({ toolCalls: [{ name: 'hold_slot', arguments: { service_id: drainId, start: (lastResult(body).slots as Array<{ start: string }>)[1]!.start, zip: '60610', name: 'Dana Whitfield', address: '1450 North Dearborn Street', notes: 'Kitchen sink is clogged' } }] }),
      { content: 'Shall I book it?' },
    );
    const again = await call.replay();
    expect(again.state.bookingId).toBe(readBack.state.bookingId);
    expect(await bookingsOf(call.companyId, call.call.id)).toHaveLength(1);

    stub.script(
      (body) => {
        const held = [...toolResultsOf(body)].reverse().find((r) => r.status === 'held')!;
        return { toolCalls: [{ name: 'confirm_booking', arguments: { booking_id: held.booking_id as string } }] };
      },
      { content: "You're booked! See you then." },
    );
    const done = await call.say("Yes, that's right.");
    expect(done.outcome).toBe('booked');
    const booked = await bookingsOf(call.companyId, call.call.id);
    expect(booked).toHaveLength(1);
    expect(booked[0]).toMatchObject({ status: 'confirmed', source: 'phone', serviceName: 'Drain cleaning', customerName: 'Dana Whitfield', customerPhone: '+13125550188', zip: '60610' });
    expect(done.say).toContain(speakSlot(booked[0]!));
    expect(readBack.say).toContain(speakSlot(booked[0]!));
  });

  it('corrects a model that says the caller is booked when nothing was', async () => {
    const call = await startCall(services, { to: ROOTER, from: '+13125550187', at: weekdayMorning('America/Chicago'), engine: engine() });
    stub.script({ content: "Great news, you're all booked for tomorrow at 9!" });
    const turn = await call.say('Can you book me for tomorrow at 9?');
    expect(turn.say).not.toMatch(/booked for/);
    expect(turn.say).toContain("haven't booked anything yet");
    expect(turn.outcome).toBeUndefined();
    expect(await bookingsOf(call.companyId, call.call.id)).toHaveLength(0);
  });

  it('cannot confirm a booking made on another call', async () => {
    const other = await startCall(services, { to: ROOTER, from: '+13125550186', at: weekdayMorning('America/Chicago', 5), engine: engine() });
    stub.script(
      { toolCalls: [{ name: 'find_slots', arguments: { service_id: drainId, zip: '60610' } }] },
      (body) => ({ toolCalls: [{ name: 'hold_slot', arguments: { service_id: drainId, start: (lastResult(body).slots as Array<{ start: string }>)[0]!.start, zip: '60610', name: 'Ari Cole', address: '12 Elm Street', notes: 'Slow drain' } }] }),
      { content: 'Shall I book it?' },
    );
    const theirs = (await other.say('Ari Cole, 12 Elm Street, 60610, slow drain, first available')).state.bookingId!;
    const call = await startCall(services, { to: ROOTER, from: '+13125550185', at: weekdayMorning('America/Chicago', 5), engine: engine() });
    stub.script({ toolCalls: [{ name: 'confirm_booking', arguments: { booking_id: theirs } }] }, { content: 'Done.' });
    const turn = await call.say(`Please confirm booking ${theirs}`);
    expect(toolResultsOf(stub.requests.at(-1)!.body)[0]).toMatchObject({ ok: false, code: 'NOT_HELD' });
    expect(turn.outcome).toBeUndefined();
    expect((await services.bookings.get(other.companyId, theirs)).status).toBe('held');
  });

  it('answers with the embedded engine, on the real tools, when the model is down or slow', async () => {
    const call = await startCall(services, { to: ROOTER, from: '+13125550184', at: weekdayMorning('America/Chicago'), engine: engine() });
    stub.script({ status: 500 });
    const down = await call.say('Hi, my kitchen sink is clogged and I need someone to come out and fix it.');
    expect(down.say).toContain('full name');
    stub.script({ delayMs: 10_000 });
    const started = performance.now();
    const slow = await call.say("Sure, it's Dana Whitfield.");
    const ms = performance.now() - started;
    expect(ms).toBeLessThan(BUDGET_MS + 500);
    expect(slow.say.length).toBeGreaterThan(0);
    expect(slow.state.facts.name).toBe('Dana Whitfield');
  });
});
