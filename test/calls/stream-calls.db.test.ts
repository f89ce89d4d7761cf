import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamConversation } from '../../src/cli/call/stream-conversation.ts';
import { socketUrl } from '../../src/modules/voice/socket-url.ts';
import { signAsTwilio } from '../../src/modules/voice/twilio-signature.ts';
import { phoneCall } from '../helpers/calls.ts';
import { closeStreamPeers, connectStream, heardReply, origin, ownerApi, say, startStreamPeers, streamCall, utterance, type StreamPeers } from '../helpers/stream-calls.ts';
import { waitFor } from '../helpers/wait-for.ts';

/**
 * Whole Media Streams calls to a demo company switched to 'stream': the signed webhook answers
 * <Connect><Stream>, a client playing Twilio's side sends the caller's μ-law audio over a real
 * WebSocket, the Deepgram stub recognises it, the ElevenLabs stub speaks the agent's replies as
 * μ-law, which the client plays back, echoing marks. What the caller hears, what the records say.
 */
const RAPID_ROOTER = '+13125550142';
const POLAR_AIR = '+13035550175';
const BOOKING_LINES = [
  'Hi, my kitchen sink is clogged and I need someone to come out and fix it.', "Sure, it's Dana Whitfield.", 'yes',
  '1450 North Dearborn Street', 'six oh six one oh', 'tomorrow morning', 'the second one', "Yes, that's right.",
];

let peers: StreamPeers;
let rapid: Awaited<ReturnType<typeof ownerApi>>;
let polar: Awaited<ReturnType<typeof ownerApi>>;

beforeAll(async () => {
  peers = await startStreamPeers();
  rapid = await ownerApi(peers.t, 'owner@rapidrooter.example');
  polar = await ownerApi(peers.t, 'owner@polarair.example');
});
afterAll(() => closeStreamPeers(peers));

describe('Media Streams calls', () => {
  it('answers with <Connect><Stream>, its socket URL signed in the path, and opens both speech connections as the stream starts (closing them at its stop)', async () => {
    const { answer, next, stream, greeting } = await streamCall(peers, RAPID_ROOTER, '+13125550181');
    expect(next.url).toMatch(/^ws:\/\/localhost:3000\/api\/voice-socket\/stream\/[0-9a-f-]{36}\/CA[0-9a-f]{32}\/[\w-]{43}$/);
    expect(next.action).toBe(`${peers.t.config.publicUrl}/api/twilio/stream-action`);
    expect(answer.raw).not.toContain(peers.t.config.twilioAuthToken!);
    expect(greeting!.text).toMatch(/Rapid Rooter/);
    expect(greeting!.bytes).toBe(greeting!.synthesis.bytes);
    // Before the caller said a word: recognition is listening, and the next reply's voice is open.
    const dg = peers.deepgram.connections.at(-1)!;
    expect(Object.fromEntries(dg.query)).toMatchObject({ encoding: 'mulaw', sample_rate: '8000', interim_results: 'true', endpointing: '100', vad_events: 'true' });
    const warm = await waitFor('a warm synthesis', () => peers.elevenlabs.syntheses.find((s) => s.openedAt > greeting!.synthesis.openedAt && s.textAt === null));
    expect(greeting!.synthesis.query.get('output_format')).toBe('ulaw_8000');
    // Twilio's stop (the caller hung up) closes the stream and both speech connections.
    stream.stop();
    expect((await stream.closed).code).toBe(1000);
    await waitFor('both speech connections closed', () => dg.closedByClient && warm.cancelled);
  });

  it('holds a booking call over the stream: one booking, each turn with its send and hearing times', async () => {
    const before = (await rapid.get('/bookings?limit=200')).items.length;
    const { call, stream } = await streamCall(peers, RAPID_ROOTER, '+13125550182');
    const heard: string[] = [];
    for (const line of BOOKING_LINES) heard.push((await say(peers, stream, line)).text);
    expect(heard.find((l) => l.startsWith('Let me read that back')), heard.join('\n')).toMatch(/Dana Whitfield.*fourteen fifty North Dearborn Street/);
    expect(heard.find((l) => /booked for/.test(l)), heard.join('\n')).toBeDefined();
    await stream.close();
    await call.hangUp();

    const bookings = (await rapid.get('/bookings?limit=200')).items as { customerName: string; callId: string }[];
    expect(bookings).toHaveLength(before + 1);
    const record = await waitFor('every turn heard', async () => {
      const r = await rapid.callOf(call.callSid);
      return r.transcript.every((x: { firstHeardMs: number | null }) => x.firstHeardMs !== null) && r;
    });
    expect(record).toMatchObject({ outcome: 'booked', status: 'completed' });
    expect(bookings.find((b) => b.customerName === 'Dana Whitfield')!.callId).toBe(record.id);
    const turns = record.transcript as { seq: number; transport: string; firstSentMs: number; firstHeardMs: number; interrupted: boolean; callerText: string | null }[];
    expect(turns.map((x) => x.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(turns.every((x) => x.transport === 'stream' && !x.interrupted)).toBe(true);
    expect(turns[1]!.callerText).toBe(BOOKING_LINES[0]);
    expect(turns.every((x) => x.firstSentMs >= 0 && x.firstHeardMs >= x.firstSentMs)).toBe(true);
  });

  it('stops talking when the caller talks over it: clear within 100 ms, synthesis stopped, what was heard recorded', async () => {
    // A slow synthesis: the caller cuts in while most of the greeting is still to come.
    peers.elevenlabs.behave({ msPerChar: 4, chunkIntervalMs: 100 });
    try {
      const opened = peers.elevenlabs.syntheses.length;
      const { call, stream } = await streamCall(peers, RAPID_ROOTER, '+13125550183', { awaitGreeting: false });
      // The greeting is playing: two marks have come back when the caller starts to talk.
      await stream.until(() => stream.peek().marks.length >= 2);
      const startedTalking = stream.sendAudio(utterance(peers, 'I need a drain cleaned'));
      await stream.until(() => stream.clears.length > 0);
      stream.take(); // what follows is the answer to what the caller said
      const clearMs = stream.clears[0]! - startedTalking;
      process.stdout.write(`barge-in: clear ${clearMs.toFixed(1)} ms after the caller started talking\n`);
      expect(clearMs).toBeLessThan(100);
      const greeting = peers.elevenlabs.syntheses.slice(opened).find((s) => /Rapid Rooter/.test(s.text))!;
      await waitFor('the greeting synthesis closed', () => greeting.cancelled);
      const reply = await heardReply(peers, stream);
      expect(reply.text.length).toBeGreaterThan(0);
      await stream.close();
      const record = await waitFor('the cut-in recorded', async () => {
        const r = await rapid.callOf(call.callSid);
        return r.transcript.length === 2 && r.transcript[0].interrupted && r;
      });
      const [first, second] = record.transcript;
      expect(first.heardText.length).toBeGreaterThan(0);
      expect(first.agentText.startsWith(first.heardText)).toBe(true);
      expect(first.heardText.length).toBeLessThan(first.agentText.length);
      expect(second).toMatchObject({ callerText: 'I need a drain cleaned', interrupted: false, transport: 'stream' });
    } finally {
      peers.elevenlabs.behave({ msPerChar: 1, chunkIntervalMs: 0 });
    }
  });

  it('transfers: the words are played out, the stream closes, and the action dials', async () => {
    const { call, stream, next } = await streamCall(peers, RAPID_ROOTER, '+13125550184');
    const reply = await say(peers, stream, 'can I talk to a real person please');
    expect(reply.text.length).toBeGreaterThan(0);
    expect((await stream.closed).code).toBe(1000);
    const after = await call.socketEnded(next.action, {});
    expect(after.next).toMatchObject({ kind: 'transfer', to: expect.stringMatching(/^\+1\d{10}$/) });
    expect(after.said).toEqual([]); // the words went over the stream
    const record = await rapid.callOf(call.callSid);
    expect(record.outcome).toBe('transferred');
    expect(record.transcript.at(-1).transferTo).toBe((after.next as { to: string }).to);
  });

  it("goes turn by turn for a 'stream' company that speaks through Twilio's <Say> voice: nothing could speak its stream", async () => {
    const set = (mode: string) => peers.t.app.inject({ method: 'PUT', url: `/api/companies/${polar.companyId}/voice-settings`, headers: polar.headers, payload: { settings: { mode } } });
    expect((await set('stream')).statusCode).toBe(200);
    try {
      const answer = await phoneCall(peers.t.app, peers.t.config, POLAR_AIR, '+17205550178').start();
      expect(answer.next.kind).toBe('listen');
      expect(answer.said.join(' ')).toMatch(/Polar Air/);
    } finally {
      await set('default');
    }
  });

  it('refuses a handshake without a valid Twilio signature, or on a path we did not mint', async () => {
    const call = phoneCall(peers.t.app, peers.t.config, RAPID_ROOTER, '+13125550185');
    const answer = await call.start();
    if (answer.next.kind !== 'stream') throw new Error('not stream');
    const url = answer.next.url;
    await expect(connectStream(peers, call, url, signAsTwilio('not-the-token', url, {}))).rejects.toThrow(/403/);
    await expect(connectStream(peers, call, url, '')).rejects.toThrow(/403/);
    const forged = url.replace(/stream\/[0-9a-f-]{36}\//, `stream/${polar.companyId}/`);
    await expect(connectStream(peers, call, forged)).rejects.toThrow(/403/);
    const ok = await connectStream(peers, call, url);
    await ok.close();
  });

  it('carries the call on through <Gather> webhooks when the socket drops mid-call, and still books', async () => {
    const before = (await rapid.get('/bookings?limit=200')).items.length;
    const { call, stream, next } = await streamCall(peers, RAPID_ROOTER, '+13125550186');
    await say(peers, stream, BOOKING_LINES[0]!);
    await say(peers, stream, BOOKING_LINES[1]!);
    stream.drop();
    const resumed = await call.socketEnded(next.action, { status: 'failed' });
    expect(resumed.next.kind).toBe('listen');
    expect(resumed.said.join(' ')).toMatch(/say that again/i);
    const heard: string[] = [];
    for (const line of BOOKING_LINES.slice(2)) heard.push(...(await call.say(line)).said);
    expect(heard.find((l) => /booked for/.test(l)), heard.join('\n')).toBeDefined();
    expect((await rapid.get('/bookings?limit=200')).items).toHaveLength(before + 1);
    const transports = ((await rapid.callOf(call.callSid)).transcript as { transport: string }[]).map((x) => x.transport);
    expect(transports.slice(0, 3)).toEqual(['stream', 'stream', 'stream']);
    expect(transports.slice(3).every((x) => x === 'gather')).toBe(true);
  });

  it('greets through <Gather> when the stream breaks before a word of the greeting went out', async () => {
    const call = phoneCall(peers.t.app, peers.t.config, RAPID_ROOTER, '+13125550190');
    const answer = await call.start();
    if (answer.next.kind !== 'stream') throw new Error('not stream');
    const stream = await connectStream(peers, call, answer.next.url);
    stream.drop(); // before Twilio's start: nothing was spoken
    const resumed = await call.socketEnded(answer.next.action, { status: 'failed' });
    expect(resumed.next.kind).toBe('listen');
    expect(resumed.said.join(' ')).toMatch(/Rapid Rooter/);
  });

  it("takes a long silence after the agent spoke as the caller's answer, as a <Gather> timeout does", async () => {
    const { call, stream } = await streamCall(peers, RAPID_ROOTER, '+13125550191');
    const started = performance.now();
    const prompt = await heardReply(peers, stream); // nobody said anything
    expect(performance.now() - started).toBeGreaterThanOrEqual(1400);
    expect(prompt.text.length).toBeGreaterThan(0);
    await stream.close();
    const record = await rapid.callOf(call.callSid);
    expect(record.transcript.map((x: { seq: number; callerText: string | null }) => [x.seq, x.callerText])).toEqual([[0, null], [1, null]]);
  });

  it('answers a replayed start without a second call or a second greeting', async () => {
    const { call, stream, next } = await streamCall(peers, RAPID_ROOTER, '+13125550187');
    const greetings = () => peers.elevenlabs.syntheses.filter((s) => /Rapid Rooter/.test(s.text)).length;
    const greeted = greetings();
    stream.start(); // the same start again on the same socket
    await say(peers, stream, 'I need a drain cleaned');
    await stream.close();
    // Another socket for the same call: the conversation goes on where it was.
    const again = await connectStream(peers, call, next.url);
    again.start();
    await say(peers, again, 'Sam Ortiz');
    await again.close();
    expect(greetings()).toBe(greeted);
    const calls = (await rapid.get('/calls?limit=100')).items as { callSid: string }[];
    expect(calls.filter((c) => c.callSid === call.callSid)).toHaveLength(1);
    const record = await rapid.callOf(call.callSid);
    expect(record.transcript.map((x: { seq: number }) => x.seq)).toEqual([0, 1, 2]);
    expect(record.transcript[2].callerText).toBe('Sam Ortiz');
  });

  it("lets a socket reach only its own company's call", async () => {
    const { call: ours, next, stream } = await streamCall(peers, RAPID_ROOTER, '+13125550188');
    await stream.close();
    const theirs = phoneCall(peers.t.app, peers.t.config, POLAR_AIR, '+17205550189'); // Polar Air: gather mode
    await theirs.start();
    // Rapid Rooter's socket, whose start names Polar Air's call: closed, nothing read.
    const wrong = await connectStream(peers, theirs, next.url);
    wrong.start();
    expect((await wrong.closed).code).toBe(1008);
    // A URL minted for Rapid Rooter and Polar Air's CallSid: no such call in Rapid Rooter, closed.
    const stray = await connectStream(peers, theirs, socketUrl(peers.t.config.publicUrl, peers.t.config.sessionSecret, 'stream', { companyId: rapid.companyId, callSid: theirs.callSid }));
    stray.start();
    expect((await stray.closed).code).toBe(1008);
    expect((await polar.callOf(theirs.callSid)).transcript).toHaveLength(1); // only its greeting: nothing reached it
    expect((await rapid.callOf(ours.callSid)).transcript).toHaveLength(1);
  });

  it('is driven from the terminal (npm run call): a recorded line is answered with audio, /fallback goes on turn by turn', async () => {
    const call = phoneCall(peers.t.app, peers.t.config, RAPID_ROOTER, '+13125550179');
    const answer = await call.start();
    if (answer.next.kind !== 'stream') throw new Error('not stream');
    const file = join(mkdtempSync(join(tmpdir(), 'clientsvia-stream-')), 'line.ulaw');
    writeFileSync(file, utterance(peers, 'I need a drain cleaned'));
    const printed: string[] = [];
    const typed = [`/audio ${file}`, 'hello?', '/fallback'][Symbol.iterator]();
    const after = await streamConversation({
      call, answer: answer.next, serverUrl: origin(peers.t).replace(/^ws/, 'http'), authToken: peers.t.config.twilioAuthToken!,
      lines: { next: async () => typed.next() }, say: (line) => printed.push(line), prompt: () => undefined,
    });
    expect(printed.filter((l) => /^Agent: \[[\d.]+ s of audio/.test(l))).toHaveLength(2); // the greeting, the answer
    expect(printed.some((l) => /carries sound/.test(l))).toBe(true);
    expect(after!.next.kind).toBe('listen');
    const record = await rapid.callOf(call.callSid);
    expect(record.transcript[1].callerText).toBe('I need a drain cleaned');
  });
});
