import type { AddressInfo } from 'node:net';
import { openMediaStream, type MediaStreamClient } from '../../src/cli/call/stream-call.ts';
import type { SimulatedCall } from '../../src/cli/call/simulated-call.ts';
import { startDeepgramStub, type DeepgramStub } from '../stubs/deepgram.ts';
import { startElevenLabsStreamStub, type ElevenLabsStreamStub, type StreamedSynthesis } from '../stubs/elevenlabs-stream.ts';
import { silence, tone } from '../stubs/mulaw.ts';
import { createDemoApp, type TestApp } from './app.ts';
import { businessMorning, phoneCall } from './calls.ts';
import { login } from './factories.ts';

/**
 * Media Streams calls for the tests: the signed voice webhook answers <Connect><Stream>, a
 * client playing Twilio opens the socket, the caller's lines are sounds the Deepgram stub
 * recognises, and what the agent says is what the ElevenLabs stub synthesised, played out.
 */
export interface StreamPeers {
  t: TestApp;
  deepgram: DeepgramStub;
  elevenlabs: ElevenLabsStreamStub;
}

export interface AgentReply {
  text: string;
  synthesis: StreamedSynthesis;
  bytes: number;
  firstAt: number | null;
}

const DEEPGRAM_KEY = 'dg-test-key-0123456789';
const ELEVEN_KEY = 'el-test-key-0123456789';

/**
 * The demo app on a loopback port, on a Chicago business morning, with Deepgram and ElevenLabs
 * stream-input stubs as its speech providers (`env` adds to its settings), Rapid Rooter in
 * 'stream' mode.
 */
export async function startStreamPeers(env: Record<string, string> = {}): Promise<StreamPeers> {
  const deepgram = await startDeepgramStub({ apiKeys: [DEEPGRAM_KEY] });
  const elevenlabs = await startElevenLabsStreamStub({ apiKeys: [ELEVEN_KEY] });
  const t = await createDemoApp({
    clock: () => businessMorning('America/Chicago'),
    env: {
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      DEEPGRAM_API_KEY: DEEPGRAM_KEY, DEEPGRAM_BASE_URL: deepgram.url, DEEPGRAM_ENDPOINTING_MS: '100', STREAM_SILENCE_MS: '1500',
      ELEVENLABS_API_KEY: ELEVEN_KEY, ELEVENLABS_BASE_URL: elevenlabs.url,
      ...env,
    },
  });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const peers = { t, deepgram, elevenlabs };
  const rapid = await ownerApi(t, 'owner@rapidrooter.example');
  const put = await t.app.inject({ method: 'PUT', url: `/api/companies/${rapid.companyId}/voice-settings`, headers: rapid.headers, payload: { settings: { mode: 'stream' } } });
  if (put.statusCode !== 200) throw new Error(`voice settings answered ${put.statusCode}: ${put.body}`);
  return peers;
}

export async function closeStreamPeers(peers: StreamPeers | undefined): Promise<void> {
  await peers?.t.close();
  await peers?.deepgram.close();
  await peers?.elevenlabs.close();
}

export const origin = (t: TestApp) => `ws://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;

export function connectStream(peers: StreamPeers, call: SimulatedCall, url: string, signature?: string): Promise<MediaStreamClient> {
  const { pathname } = new URL(url);
  return openMediaStream({ publicUrl: url, connectUrl: `${origin(peers.t)}${pathname}`, authToken: peers.t.config.twilioAuthToken!, call: call.base, signature });
}

/** The caller saying `text`: its tone, then enough silence for the recogniser's endpointing. */
export const utterance = (peers: StreamPeers, text: string) => Buffer.concat([tone(peers.deepgram.toneFor(text), 240), silence(200)]);

/** The agent's next reply, heard to its end (every mark played back). */
export async function heardReply(peers: StreamPeers, stream: MediaStreamClient): Promise<AgentReply> {
  const synthesis = await peers.elevenlabs.nextSpoken();
  await stream.until(() => stream.peek().bytes >= synthesis.bytes && stream.idle);
  const heard = stream.take();
  return { text: synthesis.text.trim(), synthesis, bytes: heard.bytes, firstAt: heard.firstAt };
}

export async function say(peers: StreamPeers, stream: MediaStreamClient, text: string): Promise<AgentReply> {
  stream.sendAudio(utterance(peers, text));
  return heardReply(peers, stream);
}

/** The phone rings, the TwiML names the stream, Twilio opens it and starts it. */
export async function streamCall(peers: StreamPeers, to: string, from: string, options: { awaitGreeting?: boolean } = {}) {
  const call = phoneCall(peers.t.app, peers.t.config, to, from);
  const answer = await call.start();
  if (answer.next.kind !== 'stream') throw new Error(`not a stream answer: ${answer.raw}`);
  const next = answer.next;
  const stream = await connectStream(peers, call, next.url);
  stream.start();
  const greeting = options.awaitGreeting === false ? null : await heardReply(peers, stream);
  return { call, answer, next, stream, greeting };
}

export async function ownerApi(t: TestApp, email: string) {
  const { headers } = await login(t.app, email, t.config.demoPassword);
  const [company] = (await t.app.inject({ method: 'GET', url: '/api/companies', headers })).json().items;
  const get = async (path: string) => (await t.app.inject({ method: 'GET', url: `/api/companies/${company.id}${path}`, headers })).json();
  return {
    companyId: company.id as string,
    headers,
    get,
    async callOf(callSid: string) {
      const calls = (await get('/calls?limit=100')).items as { id: string; callSid: string }[];
      return get(`/calls/${calls.find((c) => c.callSid === callSid)!.id}`);
    },
  };
}
