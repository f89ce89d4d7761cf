import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openRelay } from '../../src/cli/call/relay-call.ts';
import { createDemoApp, type TestApp } from '../helpers/app.ts';
import { businessMorning, phoneCall } from '../helpers/calls.ts';
import { login } from '../helpers/factories.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { startOpenAiStub, type OpenAiStub } from '../stubs/openai.ts';

/**
 * ConversationRelay calls answered by a language model that streams (a scripted
 * OpenAI-compatible server on loopback, sending server-sent events with pauses between pieces,
 * as a model writing): the caller hears the first sentence while the model is still writing the
 * rest, never a booking claim nothing backs, and the turn's record holds the whole reply.
 */
const RAPID_ROOTER = '+13125550142';
const KEY = 'sk-relay-model-test';

let t: TestApp;
let stub: OpenAiStub;
let origin: string;
let owner: { headers: Record<string, string>; companyId: string };

beforeAll(async () => {
  stub = await startOpenAiStub({ apiKey: KEY });
  t = await createDemoApp({
    clock: () => businessMorning('America/Chicago'),
    env: { LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', LLM_BASE_URL: stub.baseUrl, LLM_API_KEY: KEY, LLM_TURN_BUDGET_MS: '5000' },
  });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  origin = `ws://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const { headers } = await login(t.app, 'owner@rapidrooter.example', t.config.demoPassword);
  const [company] = (await t.app.inject({ method: 'GET', url: '/api/companies', headers })).json().items;
  owner = { headers, companyId: company.id };
  const put = await t.app.inject({ method: 'PUT', url: `/api/companies/${owner.companyId}/voice-settings`, headers, payload: { settings: { mode: 'relay' } } });
  expect(put.statusCode).toBe(200);
});
afterAll(async () => {
  await t?.close();
  await stub?.close();
});
beforeEach(() => {
  stub.requests.length = 0;
  expect(stub.pending()).toBe(0);
});

async function relayCall(from: string) {
  const call = phoneCall(t.app, t.config, RAPID_ROOTER, from);
  const answer = await call.start();
  if (answer.next.kind !== 'relay') throw new Error(`not a relay answer: ${answer.raw}`);
  const { pathname, search } = new URL(answer.next.url);
  const relay = await openRelay({ publicUrl: answer.next.url, connectUrl: `${origin}${pathname}${search}`, authToken: t.config.twilioAuthToken!, call: call.base });
  relay.setup();
  return { call, relay };
}

interface Turn {
  seq: number;
  agentText: string;
  firstSentMs: number | null;
  engine: string;
}

async function turnsOf(callSid: string, count: number): Promise<Turn[]> {
  return waitFor(`${count} recorded turns`, async (): Promise<Turn[] | undefined> => {
    const calls = (await t.app.inject({ method: 'GET', url: `/api/companies/${owner.companyId}/calls?limit=100`, headers: owner.headers })).json().items as { id: string; callSid: string }[];
    const id = calls.find((c) => c.callSid === callSid)?.id;
    if (!id) return undefined;
    const record = (await t.app.inject({ method: 'GET', url: `/api/companies/${owner.companyId}/calls/${id}`, headers: owner.headers })).json();
    const turns = record.transcript as Turn[];
    return turns.length > count && turns[count]!.firstSentMs !== null ? turns : undefined;
  });
}

describe('ConversationRelay with a streaming language model', () => {
  it('sends the first sentence while the model is still writing, then the rest; the record holds the whole reply', async () => {
    const { call, relay } = await relayCall('+13125550181');
    const reply = 'Sorry to hear about the drain. We can usually clear a kitchen clog in one visit. What is the ZIP code there?';
    stub.script({ content: reply, gapMs: 40 });
    const heard = await relay.say('my kitchen drain is clogged and backing up');

    expect(heard.text).toBe(reply);
    expect(heard.tokens[0]).toBe('Sorry to hear about the drain. ');
    // The first words left before the model's answer was finished.
    expect(stub.requests[0]!.body.stream).toBe(true);
    expect(heard.firstAt!).toBeLessThan(stub.requests[0]!.endedAt!);
    const turns = await turnsOf(call.callSid, 1);
    expect(turns[1]).toMatchObject({ seq: 1, agentText: reply, engine: 'llm' });
    await relay.close();
    await call.hangUp();
  });

  it('never says early a booking that does not exist: the claim is replaced by what the server knows', async () => {
    const { call, relay } = await relayCall('+13125550182');
    stub.script({ content: "Great news. You're all booked for tomorrow at nine. Anything else?", gapMs: 20 });
    const heard = await relay.say('can you book me for tomorrow at nine');

    expect(heard.tokens[0]).toBe('Great news. ');
    expect(heard.text).not.toMatch(/booked for tomorrow/);
    expect(heard.text).toMatch(/^Great news\. Sorry, I haven't booked anything yet/);
    const turns = await turnsOf(call.callSid, 1);
    expect(turns[1]!.agentText).toBe(heard.text);
    await relay.close();
    await call.hangUp();
  });

  it('carries on with the embedded engine when the stream breaks after its first sentence: no dead air, each sentence heard once', async () => {
    const { call, relay } = await relayCall('+13125550183');
    stub.script({ cutAfter: ['Okay, let me help with that. ', 'We have ope'] });
    const heard = await relay.say('my kitchen sink is clogged');

    expect(heard.tokens[0]).toBe('Okay, let me help with that. ');
    expect(heard.text.startsWith('Okay, let me help with that. ')).toBe(true);
    // The embedded engine's answer follows, with its last token closing the reply.
    expect(heard.text.length).toBeGreaterThan('Okay, let me help with that. '.length + 10);
    expect(heard.text.split('Okay, let me help with that.')).toHaveLength(2);
    const turns = await turnsOf(call.callSid, 1);
    expect(turns[1]).toMatchObject({ agentText: heard.text, engine: 'fallback' });
    await relay.close();
    await call.hangUp();
  });

  it('says the safety instruction first on an emergency, before anything the model writes', async () => {
    const { call, relay } = await relayCall('+13125550184');
    stub.script({ content: 'I am sorry, that sounds frightening. Is everyone out of the house?', gapMs: 20 });
    const heard = await relay.say('I smell gas in the basement');

    expect(heard.tokens[0]).not.toMatch(/sorry/i);
    expect(heard.tokens[0]).toMatch(/gas|leave|outside/i);
    expect(heard.text).toMatch(/I am sorry, that sounds frightening\. Is everyone out of the house\?$/);
    const turns = await turnsOf(call.callSid, 1);
    expect(turns[1]!.agentText).toBe(heard.text);
    await relay.close();
    await call.hangUp();
  });
});
