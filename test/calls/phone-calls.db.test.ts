import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatedCall } from '../../src/cli/call/simulated-call.ts';
import { createDemoApp, type TestApp } from '../helpers/app.ts';
import { businessMorning, phoneCall } from '../helpers/calls.ts';
import { login } from '../helpers/factories.ts';
import { startElevenLabsStub, type ElevenLabsStub } from '../stubs/elevenlabs.ts';

/**
 * Whole calls to the seeded demo companies through the signed Twilio webhooks, on a Tuesday
 * morning of company time: what the caller hears, and what the records say afterwards.
 */
const RAPID_ROOTER = '+13125550142';
const POLAR_AIR = '+13035550175';
const ELEVEN_KEY = 'platform-eleven-key-0123456789';

let t: TestApp;
let eleven: ElevenLabsStub;
beforeAll(async () => {
  eleven = await startElevenLabsStub({ apiKeys: [ELEVEN_KEY] });
  t = await createDemoApp({
    clock: () => businessMorning('America/Chicago'),
    env: { ELEVENLABS_BASE_URL: eleven.url, ELEVENLABS_API_KEY: ELEVEN_KEY, SPEECH_BUDGET_MS: '1500', SPEECH_BREAKER_COOLDOWN_MS: '10', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' },
  });
  // ElevenLabs down unless a test says otherwise: the agent's words arrive as <Say> text.
  eleven.behave({ fail: 500 });
});
afterAll(async () => {
  await t?.close();
  await eleven?.close();
});

async function api(email: string, path: string) {
  const { headers } = await login(t.app, email, t.config.demoPassword);
  const [company] = (await t.app.inject({ method: 'GET', url: '/api/companies', headers })).json().items;
  return (await t.app.inject({ method: 'GET', url: `/api/companies/${company.id}${path}`, headers })).json();
}
const rapidRooter = (path: string) => api('owner@rapidrooter.example', path);

/** Plays the caller's lines in order; returns everything the agent said, line by line. */
async function converse(call: SimulatedCall, lines: string[]): Promise<string[]> {
  const heard: string[] = [];
  const first = await call.start();
  heard.push(...first.said);
  for (const line of lines) {
    if (!call.listening) break;
    const step = await call.say(line);
    heard.push(`> ${line}`, ...step.said, ...(step.next.kind === 'transfer' ? [`[transfer ${step.next.to}]`] : []));
  }
  return heard;
}

const recordOf = async (email: string, callSid: string) => {
  const calls = (await api(email, '/calls?limit=100')).items as { id: string; callSid: string }[];
  return api(email, `/calls/${calls.find((c) => c.callSid === callSid)!.id}`);
};

describe('phone calls end to end', () => {
  it('books exactly one visit at the time read back, and records the call as booked', async () => {
    const before = (await rapidRooter('/bookings?limit=200')).items.length;
    const call = phoneCall(t.app, t.config, RAPID_ROOTER, '+13125550188');
    const heard = await converse(call, [
      'Hi, my kitchen sink is clogged and I need someone to come out and fix it.',
      "Sure, it's Dana Whitfield.",
      'yes',
      '1450 North Dearborn Street',
      'six oh six one oh',
      'tomorrow morning',
      'the second one',
      "Yes, that's right.",
      "No, that's all. Thanks, bye!",
    ]);
    const readBack = heard.find((l) => l.startsWith('Let me read that back'));
    expect(readBack, heard.join('\n')).toBeDefined();
    expect(readBack).toMatch(/Dana Whitfield.*fourteen fifty North Dearborn Street.*three one two, five five five, zero one eight eight/);
    const booked = heard.find((l) => /booked for/.test(l))!;
    expect(booked, heard.join('\n')).toBeDefined();

    const bookings = (await rapidRooter('/bookings?limit=200')).items as { id: string; status: string; customerName: string; localStartTime: string; localDate: string; callId: string; address: string }[];
    expect(bookings).toHaveLength(before + 1);
    const booking = bookings.find((b) => b.customerName === 'Dana Whitfield')!;
    expect(booking).toMatchObject({ status: 'confirmed', address: '1450 North Dearborn Street' });
    // The time the caller heard is the time booked.
    const spokenTime = /at (\w+) in the morning/.exec(booked)![1]!;
    const hour = Number(booking.localStartTime.slice(0, 2));
    expect(spokenTime).toBe(['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven'][hour]);

    const record = await recordOf('owner@rapidrooter.example', call.callSid);
    expect(record).toMatchObject({ outcome: 'booked', bookingId: booking.id, fromNumber: '+13125550188' });
    expect(booking.callId).toBe(record.id);
    expect(record.transcript.length).toBeGreaterThanOrEqual(9);
    const contact = await rapidRooter(`/contacts/${record.contactId}`);
    expect(contact).toMatchObject({ name: 'Dana Whitfield', phones: ['+13125550188'] });
  });

  it('answers a question from the knowledge base', async () => {
    const call = phoneCall(t.app, t.config, POLAR_AIR, '+17205550101');
    const heard = await converse(call, ['um yeah hi how often should i change my furnace filter']);
    expect(heard.at(-1)).toMatch(/filter/i);
    await call.hangUp();
    expect((await recordOf('owner@polarair.example', call.callSid)).outcome).toBe('answered');
  });

  it('says it does not know, takes a message, and records the unanswered question', async () => {
    const call = phoneCall(t.app, t.config, RAPID_ROOTER, '+13125550133');
    const heard = await converse(call, ['do you sell gift cards for the holidays', 'yes please', 'Morgan Lee', 'yes', 'please call me back about gift cards']);
    expect(heard.join(' ')).toMatch(/don't|not sure|no answer/i);
    const messages = (await rapidRooter('/messages?limit=50')).items as { callerName: string; callbackNumber: string; body: string }[];
    expect(messages.find((m) => m.callerName === 'Morgan Lee')).toMatchObject({ callbackNumber: '+13125550133' });
    const unanswered = await rapidRooter('/unanswered-questions');
    expect(JSON.stringify(unanswered)).toMatch(/gift card/);
    expect((await recordOf('owner@rapidrooter.example', call.callSid)).outcome).toBe('message');
  });

  it("reads each trade's emergency instruction first, then hands the caller to the on-call line", async () => {
    const gas = await converse(phoneCall(t.app, t.config, RAPID_ROOTER, '+13125550144'), ['I smell gas in my basement']);
    expect(gas[2]).toMatch(/leave|outside|don't|do not/i);
    expect(gas.at(-1)).toMatch(/^\[transfer \+1\d{10}\]$/);
    const co = await converse(phoneCall(t.app, t.config, POLAR_AIR, '+17205550145'), ['my carbon monoxide alarm is going off']);
    expect(co.slice(1).join(' ')).toMatch(/fresh air|outside|leave/i);
  });

  it('hands a caller who asks for a person to the main line', async () => {
    const heard = await converse(phoneCall(t.app, t.config, RAPID_ROOTER, '+13125550146'), ['can I talk to a real person please']);
    expect(heard.at(-1)).toMatch(/^\[transfer \+1\d{10}\]$/);
  });

  it('tells a caller outside the service area so, and offers a message instead of a booking', async () => {
    const heard = await converse(phoneCall(t.app, t.config, RAPID_ROOTER, '+13125550147'), [
      'I need a drain cleaned', 'Sam Ortiz', 'yes', '12 Main Street', '9 0 2 1 0',
    ]);
    expect(heard.at(-1)).toMatch(/area|outside|don't (serve|cover)/i);
  });

  it('speaks ElevenLabs clips when it answers in time, and <Say> when it is down', async () => {
    eleven.behave({});
    await new Promise((resolve) => setTimeout(resolve, 20)); // past the breaker's cool-down
    const ok = await phoneCall(t.app, t.config, RAPID_ROOTER, '+13125550148').start();
    expect(ok.played).toHaveLength(1);
    expect(ok.played[0]).toMatch(new RegExp(`^${t.config.publicUrl}/api/speech/`));
    eleven.behave({ fail: 500 });
    const call = phoneCall(t.app, t.config, RAPID_ROOTER, '+13125550149');
    await call.start();
    const step = await call.say('what are your hours on saturday');
    expect(step.played).toHaveLength(0);
    expect(step.said.join(' ').length).toBeGreaterThan(10);
  });
});
