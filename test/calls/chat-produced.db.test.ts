import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApp, type TestApp } from '../helpers/app.ts';
import { businessMorning } from '../helpers/calls.ts';
import { login } from '../helpers/factories.ts';
import { startElevenLabsStub, type ElevenLabsStub } from '../stubs/elevenlabs.ts';

let t: TestApp;
let stub: ElevenLabsStub;
const KEY = 'xi-test-key-0123456789';
let companyId: string;
let headers: { cookie: string };
beforeAll(async () => {
  stub = await startElevenLabsStub({ apiKeys: [KEY] });
  t = await createDemoApp({ clock: () => businessMorning('America/Chicago'), env: { ELEVENLABS_BASE_URL: stub.url } });
  headers = (await login(t.app, 'owner@rapidrooter.example', t.config.demoPassword)).headers;
  companyId = (await t.app.inject({ method: 'GET', url: '/api/companies', headers })).json().items[0].id;
});
afterAll(async () => {
  await t?.close();
  await stub?.close();
});

const chat = (payload: object) => t.app.inject({ method: 'POST', url: `/api/companies/${companyId}/agent/chat`, headers, payload });

describe('the test chat says what the conversation produced', () => {
  it('names its conversation record from the greeting, and the message once the agent took one', async () => {
    const hello = (await chat({})).json();
    expect(hello.produced).toEqual({ callId: expect.any(String), bookingId: null, messageId: null });
    const detail = await t.app.inject({ method: 'GET', url: `/api/companies/${companyId}/calls/${hello.produced.callId}`, headers });
    expect(detail.json().callSid).toBe(hello.conversationId);

    let reply = hello;
    for (const text of ['I want to leave a message', 'Dana Smith', '312 555 0199', 'Please call me back about my invoice', 'yes']) {
      reply = (await chat({ conversationId: hello.conversationId, text })).json();
      if (reply.produced.messageId) break;
    }
    expect(reply.produced.messageId).toEqual(expect.any(String));
    const message = (await t.app.inject({ method: 'GET', url: `/api/companies/${companyId}/messages/${reply.produced.messageId}`, headers })).json();
    expect(message.callId).toBe(hello.produced.callId);
  });

  it('tells the anonymous website widget nothing of the records', async () => {
    const { widgetKey } = (await t.app.inject({ method: 'GET', url: `/api/companies/${companyId}/widget`, headers })).json();
    const hello = (await t.app.inject({ method: 'POST', url: `/api/widget/${widgetKey}/chat`, payload: {} })).json();
    expect(hello.say).toMatch(/Rapid Rooter/);
    expect(hello).not.toHaveProperty('produced');
  });
});

describe('the greeting preview', () => {
  it('gives the saved greeting as text and no clip while the company has no ElevenLabs key', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/companies/${companyId}/agent/greeting-preview`, headers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ which: 'openHours', audioPath: null });
    expect(res.json().text).toMatch(/Rapid Rooter/);
    expect(res.json().text).not.toMatch(/\{companyName\}/);
  });

  it('gives the ElevenLabs clip of the greeting once the company has a key, playable from the dashboard origin', async () => {
    const key = KEY;
    const put = await t.app.inject({ method: 'PUT', url: `/api/companies/${companyId}/voice-settings`, headers, payload: { settings: { provider: 'elevenlabs', useOwnKey: true }, elevenLabsApiKey: key } });
    expect(put.statusCode, put.body).toBe(200);
    const res = await t.app.inject({ method: 'GET', url: `/api/companies/${companyId}/agent/greeting-preview?which=afterHours`, headers });
    expect(res.statusCode, res.body).toBe(200);
    const { audioPath, text } = res.json();
    expect(audioPath).toMatch(new RegExp(`^/api/speech/${companyId}/`));
    expect(stub.requests.at(-1)).toMatchObject({ apiKey: key, body: expect.objectContaining({ text }) });
    const clip = await t.app.inject({ method: 'GET', url: audioPath });
    expect([clip.statusCode, clip.headers['content-type']]).toEqual([200, 'audio/mpeg']);
  });
});
