import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApp, type TestApp } from '../helpers/app.ts';
import { businessMorning } from '../helpers/calls.ts';
import { login } from '../helpers/factories.ts';
import { startElevenLabsStub, type ElevenLabsStub } from '../stubs/elevenlabs.ts';
import { startOpenAiStub, type OpenAiStub } from '../stubs/openai.ts';
import { startTwilioRestStub, type TwilioRestStub } from '../stubs/twilio-rest.ts';

/**
 * Every widget turn a model answers is a paid request on the company's (or the platform's)
 * key, for anyone on the internet. A daily budget per company; past it the conversation goes
 * on, answered by the embedded engine, and the alert is raised once.
 */
const MODEL_TURNS = 2;
const QUESTIONS = ['what are your hours on saturday', 'do you fix water heaters', 'how much is a drain cleaning', 'do you work in 60614'];

let t: TestApp;
let model: OpenAiStub;
let eleven: ElevenLabsStub;
let twilio: TwilioRestStub;
const TWILIO = { accountSid: 'AC00000000000000000000000000000001', authToken: 'spend-test-auth-token' };
let companyId: string;
let headers: { cookie: string };
let widgetKey: string;
const logLines: string[] = [];

beforeAll(async () => {
  model = await startOpenAiStub();
  eleven = await startElevenLabsStub({ apiKeys: ['spend-test-eleven-key'] });
  twilio = await startTwilioRestStub(TWILIO);
  const logger = pino({ level: 'warn' }, new Writable({ write: (chunk: Buffer, _e, done) => void (logLines.push(chunk.toString()), done()) }));
  t = await createDemoApp({
    clock: () => businessMorning('America/Chicago'),
    logger,
    jobs: true,
    env: {
      LLM_BASE_URL: model.baseUrl, LLM_MODEL: 'test-model', LLM_TURN_BUDGET_MS: '3000', ANON_MODEL_TURNS_PER_COMPANY_PER_DAY: String(MODEL_TURNS),
      ELEVENLABS_BASE_URL: eleven.url, ELEVENLABS_API_KEY: 'spend-test-eleven-key',
      TWILIO_API_BASE_URL: twilio.url, TWILIO_ACCOUNT_SID: TWILIO.accountSid, TWILIO_AUTH_TOKEN: TWILIO.authToken,
    },
  });
  headers = (await login(t.app, 'owner@rapidrooter.example', t.config.demoPassword)).headers;
  companyId = (await t.app.inject({ method: 'GET', url: '/api/companies', headers })).json().items[0].id;
  widgetKey = (await t.app.inject({ method: 'GET', url: `/api/companies/${companyId}/widget`, headers })).json().widgetKey;
});
afterAll(async () => {
  await t?.close();
  await model?.close();
  await eleven?.close();
  await twilio?.close();
});

const MODEL_SAYS = 'We are open Saturday from eight to noon. Anything else?';
const widget = (payload: object) => t.app.inject({ method: 'POST', url: '/api/widget/' + widgetKey + '/chat', remoteAddress: '198.51.100.77', payload });
const alerts = () => logLines.filter((l) => l.includes('"alert":"anon_budget_reached"'));

describe('anonymous spend on the language model', () => {
  it('answers widget turns with the model until the daily budget, then with the embedded engine, alerting once', async () => {
    model.script(...Array.from({ length: 20 }, () => ({ content: MODEL_SAYS })));
    const hello = await widget({});
    expect(hello.statusCode, hello.body).toBe(200);
    const { conversationId } = hello.json();

    const replies: string[] = [];
    const modelRequestsAfter: number[] = [];
    for (const text of QUESTIONS) {
      const res = await widget({ conversationId, text });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().next).toBe('listen');
      replies.push(res.json().say);
      modelRequestsAfter.push(model.requests.length);
    }
    // The budget's turns reached the model; none after it did, and the visitor was still answered.
    expect(modelRequestsAfter[MODEL_TURNS - 1]).toBeGreaterThanOrEqual(MODEL_TURNS);
    expect(modelRequestsAfter.slice(MODEL_TURNS)).toEqual(Array(QUESTIONS.length - MODEL_TURNS).fill(modelRequestsAfter[MODEL_TURNS - 1]));
    expect(replies.slice(0, MODEL_TURNS)).toEqual(Array(MODEL_TURNS).fill(MODEL_SAYS));
    for (const reply of replies.slice(MODEL_TURNS)) {
      expect(reply).not.toBe(MODEL_SAYS);
      expect(reply.length).toBeGreaterThan(10);
    }

    // A new visitor the same day: still no model, and no second alert.
    const before = model.requests.length;
    const other = (await widget({})).json().conversationId;
    expect((await widget({ conversationId: other, text: QUESTIONS[0] })).statusCode).toBe(200);
    expect(model.requests.length).toBe(before);
    expect(alerts()).toHaveLength(1);
    expect(alerts()[0]).toContain(companyId);
  });

  it('does not budget the signed-in owner testing the agent in the dashboard', async () => {
    const before = model.requests.length;
    const chat = (payload: object) => t.app.inject({ method: 'POST', url: `/api/companies/${companyId}/agent/chat`, headers, payload });
    const { conversationId } = (await chat({})).json();
    const res = await chat({ conversationId, text: QUESTIONS[0] });
    expect(res.statusCode, res.body).toBe(200);
    expect(model.requests.length).toBeGreaterThan(before);
  });

  it('never spends on speech or SMS for a widget visitor, even for a booking request', async () => {
    const hello = await widget({});
    const { conversationId } = hello.json();
    const lines = ['My kitchen sink is clogged, can someone come fix it?', 'Dana Spender', '312-555-0199', '1450 North Dearborn Street', '60610', 'tomorrow morning', 'the first one', "Yes, that's right."];
    for (const text of lines) {
      const res = await widget({ conversationId, text });
      expect(res.statusCode, res.body).toBe(200);
      if (res.json().next !== 'listen') break;
    }
    // Jobs run in this app: an SMS or a speech job would have reached its stub by now.
    await new Promise((r) => setTimeout(r, 1500));
    expect(eleven.requests).toHaveLength(0);
    expect(twilio.sent).toHaveLength(0);
  });
});
