import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRelay } from '../../src/cli/call/relay-call.ts';
import type { CallStep, SimulatedCall } from '../../src/cli/call/simulated-call.ts';
import { socketUrl } from '../../src/modules/voice/socket-url.ts';
import { signAsTwilio } from '../../src/modules/voice/twilio-signature.ts';
import { createDemoApp, type TestApp } from '../helpers/app.ts';
import { businessMorning, phoneCall } from '../helpers/calls.ts';
import { login } from '../helpers/factories.ts';
import { waitFor } from '../helpers/wait-for.ts';

/**
 * Whole ConversationRelay calls to a demo company switched to 'relay': the signed webhook hands
 * the call to Twilio's relay, and a client speaking Twilio's side of the protocol over a real
 * WebSocket to the listening server plays the caller. What the caller hears, what the records say.
 */
const RAPID_ROOTER = '+13125550142';
const POLAR_AIR = '+13035550175';

let t: TestApp;
let origin: string;
const ids: Record<string, string> = {};

async function ownerOf(email: string) {
  const { headers } = await login(t.app, email, t.config.demoPassword);
  const [company] = (await t.app.inject({ method: 'GET', url: '/api/companies', headers })).json().items;
  return { headers, companyId: company.id as string };
}
async function api(email: string, path: string) {
  const { headers, companyId } = await ownerOf(email);
  return (await t.app.inject({ method: 'GET', url: `/api/companies/${companyId}${path}`, headers })).json();
}
const recordOf = async (email: string, callSid: string) => {
  const calls = (await api(email, '/calls?limit=100')).items as { id: string; callSid: string }[];
  return api(email, `/calls/${calls.find((c) => c.callSid === callSid)!.id}`);
};

beforeAll(async () => {
  t = await createDemoApp({ clock: () => businessMorning('America/Chicago'), env: { LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  origin = `ws://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const rr = await ownerOf('owner@rapidrooter.example');
  ids.rapidRooter = rr.companyId;
  ids.polarAir = (await ownerOf('owner@polarair.example')).companyId;
  const put = await t.app.inject({ method: 'PUT', url: `/api/companies/${rr.companyId}/voice-settings`, headers: rr.headers, payload: { settings: { mode: 'relay' } } });
  expect(put.statusCode).toBe(200);
});
afterAll(async () => t?.close());

/** The phone rings; the TwiML hands the call to ConversationRelay; Twilio opens the socket. */
async function relayCall(from: string, to = RAPID_ROOTER) {
  const call = phoneCall(t.app, t.config, to, from);
  const answer = await call.start();
  if (answer.next.kind !== 'relay') throw new Error(`not a relay answer: ${answer.raw}`);
  const relay = await connect(call, answer.next.url);
  relay.setup();
  return { call, answer, relay, next: answer.next };
}
const connect = (call: SimulatedCall, url: string, signature?: string) =>
  openRelay({ publicUrl: url, connectUrl: `${origin}${new URL(url).pathname}${new URL(url).search}`, authToken: t.config.twilioAuthToken!, call: call.base, signature });

describe('ConversationRelay calls', () => {
  it('answers with <Connect><ConversationRelay> built from the agent and voice settings, its socket URL signed and free of secrets', async () => {
    const { answer, relay, next } = await relayCall('+13125550191');
    await relay.close();
    expect(answer.said[0]).toMatch(/Rapid Rooter/);
    expect(next.action).toBe(`${t.config.publicUrl}/api/twilio/relay-action`);
    expect(next.url).toMatch(/^ws:\/\/localhost:3000\/api\/voice-socket\/relay\?company=[0-9a-f-]{36}&call=CA[0-9a-f]{32}&sig=[\w-]{43}$/);
    expect(next.url).not.toContain(t.config.twilioAuthToken!);
    expect(next.attrs).toMatchObject({ interruptible: 'any', transcriptionProvider: 'Deepgram', ttsProvider: 'ElevenLabs', language: 'en-US', dtmfDetection: 'true' });
    expect(next.attrs.voice).toMatch(/^21m00Tcm4TlvDq8ikWAM-flash_v2_5-1\.0?_0\.5_0\.75$/);
    expect(next.attrs.hints!.length).toBeGreaterThan(0);
  });

  it('holds a booking call over the socket: replies as text tokens, an interrupt recorded with what was heard, one booking', async () => {
    const before = (await api('owner@rapidrooter.example', '/bookings?limit=200')).items.length;
    const { call, relay } = await relayCall('+13125550192');
    // The caller cuts into the greeting.
    relay.interrupt('Thanks for calling Rapid');
    const heard: string[] = [];
    for (const line of [
      'Hi, my kitchen sink is clogged and I need someone to come out and fix it.', "Sure, it's Dana Whitfield.", 'yes',
      '1450 North Dearborn Street', 'six oh six one oh', 'tomorrow morning', 'the second one', "Yes, that's right.",
    ]) {
      const reply = await relay.say(line);
      expect(reply.tokens.length, line).toBeGreaterThan(0);
      heard.push(reply.text);
    }
    const readBack = heard.find((l) => l.startsWith('Let me read that back'));
    expect(readBack, heard.join('\n')).toMatch(/Dana Whitfield.*fourteen fifty North Dearborn Street/);
    expect(heard.find((l) => /booked for/.test(l)), heard.join('\n')).toBeDefined();
    // A reply of several sentences goes out sentence by sentence.
    const long = heard.find((l) => l.startsWith('Let me read that back'))!;
    expect(long.split(/[.?!] /).length).toBeGreaterThan(1);
    await relay.close();
    await call.hangUp();

    const bookings = (await api('owner@rapidrooter.example', '/bookings?limit=200')).items as { customerName: string; callId: string }[];
    expect(bookings).toHaveLength(before + 1);
    // Each turn's send time is written just after its tokens went out.
    const record = await waitFor('every turn with its send time', async () => {
      const r = await recordOf('owner@rapidrooter.example', call.callSid);
      return r.transcript.slice(1).every((x: { firstSentMs: number | null }) => x.firstSentMs !== null) && r;
    });
    expect(record).toMatchObject({ outcome: 'booked', status: 'completed' });
    expect(bookings.find((b) => b.customerName === 'Dana Whitfield')!.callId).toBe(record.id);
    const turns = record.transcript as { seq: number; transport: string; firstSentMs: number | null; interrupted: boolean; heardText: string | null; callerText: string | null }[];
    expect(turns.map((x) => x.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(turns.every((x) => x.transport === 'relay')).toBe(true);
    expect(turns[0]).toMatchObject({ interrupted: true, heardText: 'Thanks for calling Rapid' });
    expect(turns[1]).toMatchObject({ callerText: 'Hi, my kitchen sink is clogged and I need someone to come out and fix it.', interrupted: false });
    expect(turns.slice(1).every((x) => typeof x.firstSentMs === 'number' && x.firstSentMs >= 0)).toBe(true);
  });

  it("ends the session with the transfer's handoff data, then dials through the action URL", async () => {
    const { call, relay, next } = await relayCall('+13125550193');
    const reply = await relay.say('can I talk to a real person please');
    expect(reply.text.length).toBeGreaterThan(0);
    const end = await relay.ended();
    expect(JSON.parse(end!.handoffData)).toMatchObject({ reason: 'transfer', to: expect.stringMatching(/^\+1\d{10}$/) });
    const after: CallStep = await call.socketEnded(next.action, { handoffData: end!.handoffData });
    expect(after.next).toEqual({ kind: 'transfer', to: JSON.parse(end!.handoffData).to });
    expect(after.said).toEqual([]); // the words were spoken over the relay
    await relay.close();
    const record = await recordOf('owner@rapidrooter.example', call.callSid);
    expect(record.outcome).toBe('transferred');
    expect(record.transcript.at(-1).transferTo).toBe(JSON.parse(end!.handoffData).to);
  });

  it('refuses a handshake without a valid Twilio signature, or on a URL we did not mint', async () => {
    const call = phoneCall(t.app, t.config, RAPID_ROOTER, '+13125550194');
    const answer = await call.start();
    if (answer.next.kind !== 'relay') throw new Error('not relay');
    const url = answer.next.url;
    await expect(connect(call, url, signAsTwilio('not-the-token', url, {}))).rejects.toThrow(/403/);
    await expect(connect(call, url, '')).rejects.toThrow(/403/);
    // Signed by Twilio, but the URL's MAC does not match the company it names.
    const forged = url.replace(/company=[0-9a-f-]{36}/, `company=${ids.polarAir}`);
    await expect(connect(call, forged)).rejects.toThrow(/403/);
    // The same URL, correctly signed, opens.
    const ok = await connect(call, url);
    await ok.close();
  });

  it("answers a replayed setup without a second call or a second greeting", async () => {
    const { call, relay, next } = await relayCall('+13125550195');
    relay.setup();
    const reply = await relay.say('I need a drain cleaned');
    expect(reply.text.length).toBeGreaterThan(0);
    // Twilio reconnects and replays setup on a new socket: the same call goes on.
    const again = await connect(call, next.url);
    again.setup();
    const second = await again.say('Sam Ortiz');
    expect(second.text.length).toBeGreaterThan(0);
    await relay.close();
    await again.close();
    const calls = (await api('owner@rapidrooter.example', '/calls?limit=100')).items as { callSid: string }[];
    expect(calls.filter((c) => c.callSid === call.callSid)).toHaveLength(1);
    const record = await recordOf('owner@rapidrooter.example', call.callSid);
    expect(record.transcript.map((x: { seq: number }) => x.seq)).toEqual([0, 1, 2]);
    expect(record.transcript[2].callerText).toBe('Sam Ortiz');
  });

  it("lets a socket reach only its own company's call", async () => {
    const { call: ours, next } = await relayCall('+13125550196');
    const theirs = phoneCall(t.app, t.config, POLAR_AIR, '+17205550197'); // Polar Air: gather mode
    await theirs.start();
    // Rapid Rooter's socket, whose setup names Polar Air's call: closed, nothing read.
    const wrong = await connect(theirs, next.url);
    wrong.setup();
    expect((await wrong.closed).code).toBe(1008);
    // A URL minted for Rapid Rooter and Polar Air's CallSid: no such call in Rapid Rooter, closed.
    const stray = await connect(theirs, socketUrl(t.config.publicUrl, t.config.sessionSecret, 'relay', { companyId: ids.rapidRooter!, callSid: theirs.callSid }));
    stray.setup();
    expect((await stray.closed).code).toBe(1008);
    expect(stray.endMessage).toBeNull();
    const polar = await recordOf('owner@polarair.example', theirs.callSid);
    expect(polar.transcript).toHaveLength(1); // only its greeting: nothing reached it
    expect((await recordOf('owner@rapidrooter.example', ours.callSid)).transcript).toHaveLength(1);
  });

  it('takes a <Gather> answer whose turn number a relay turn took (the socket broke mid-turn) as the next turn', async () => {
    const { call, relay } = await relayCall('+13125550199');
    await relay.say('I need a drain cleaned'); // turn 1, recorded by the relay
    relay.drop();
    // The fallback had named turn 1 before the relay's record landed; the caller's answer comes to it.
    const late = await call.redeliver(`${t.config.publicUrl}/api/twilio/turn?seq=1`, 'Sam Ortiz');
    expect(late.status).toBe(200);
    expect(late.next.kind).toBe('listen');
    const record = await recordOf('owner@rapidrooter.example', call.callSid);
    expect(record.transcript.map((x: { seq: number; transport: string }) => [x.seq, x.transport])).toEqual([[0, 'relay'], [1, 'relay'], [2, 'gather']]);
    expect(record.transcript[2].callerText).toBe('Sam Ortiz');
  });

  it('carries the call on through <Gather> webhooks when the socket drops mid-call, and still books', async () => {
    const before = (await api('owner@rapidrooter.example', '/bookings?limit=200')).items.length;
    const { call, relay, next } = await relayCall('+13125550198');
    await relay.say('Hi, my kitchen sink is clogged and I need someone to come out and fix it.');
    await relay.say("Sure, it's Dana Whitfield.");
    relay.drop();
    // Twilio ends the session with an error and no handoff data, and asks the action URL.
    const resumed = await call.socketEnded(next.action, { status: 'failed', errorCode: '64105' });
    expect(resumed.next.kind).toBe('listen');
    expect(resumed.said.join(' ')).toMatch(/say that again/i);
    const heard: string[] = [];
    for (const line of ['yes', '1450 North Dearborn Street', 'six oh six one oh', 'tomorrow morning', 'the second one', "Yes, that's right."]) {
      heard.push(...(await call.say(line)).said);
    }
    expect(heard.find((l) => /booked for/.test(l)), heard.join('\n')).toBeDefined();
    expect((await api('owner@rapidrooter.example', '/bookings?limit=200')).items).toHaveLength(before + 1);
    const record = await recordOf('owner@rapidrooter.example', call.callSid);
    const transports = (record.transcript as { transport: string }[]).map((x) => x.transport);
    expect(transports.slice(0, 3)).toEqual(['relay', 'relay', 'relay']);
    expect(transports.slice(3).every((x) => x === 'gather')).toBe(true);
    expect(record.outcome).toBe('booked');
  });
});
