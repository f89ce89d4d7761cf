import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulatedCall, type WebhookTransport } from '../../src/cli/call/simulated-call.ts';
import { loggerOptions } from '../../src/plugins/logging.ts';
import { createDemoApp, testConfig, type TestApp } from '../helpers/app.ts';
import { businessMorning } from '../helpers/calls.ts';
import { createCompany, createUserSession } from '../helpers/factories.ts';
import { startElevenLabsStub, type ElevenLabsStub } from '../stubs/elevenlabs.ts';
import { startOpenAiStub, type OpenAiStub } from '../stubs/openai.ts';
import { startTwilioRestStub, type TwilioRestStub } from '../stubs/twilio-rest.ts';

const RAPID_ROOTER = '+13125550142';
const ELEVEN_KEY = 'platform-eleven-key-trace-0123456789';
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const UPSTREAM = `00-${TRACE_ID}-00f067aa0ba902b7-01`;
const traceIdOf = (header: string | string[] | null | undefined) => (typeof header === 'string' ? /^00-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/.exec(header)?.[1] : undefined);

function memoryLogger() {
  const chunks: string[] = [];
  const stream = new Writable({ write(chunk: Buffer, _encoding, done) { chunks.push(chunk.toString('utf8')); done(); } });
  const logger = pino({ ...(loggerOptions(testConfig()) as pino.LoggerOptions), level: 'info' }, stream);
  return { logger, lines: () => chunks.join('').trim().split('\n').map((l) => JSON.parse(l) as { msg: string; reqId?: string; traceId?: string; [k: string]: unknown }) };
}

describe('one trace id per request and per call turn', () => {
  const log = memoryLogger();
  let t: TestApp;
  let model: OpenAiStub;
  let eleven: ElevenLabsStub;
  let twilio: TwilioRestStub;
  // What the next webhook carries besides Twilio's own headers.
  let extraHeaders: Record<string, string> = {};
  const transport = (): WebhookTransport => ({
    async post(url, params, signature) {
      const res = await t.app.inject({
        method: 'POST',
        url: url.slice(t.config.publicUrl.length),
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature, ...extraHeaders },
        payload: new URLSearchParams(params).toString(),
      });
      return { status: res.statusCode, body: res.body };
    },
  });
  const call = (from: string) => createSimulatedCall({ publicUrl: t.config.publicUrl, authToken: t.config.twilioAuthToken!, transport: transport(), from, to: RAPID_ROOTER });

  beforeAll(async () => {
    model = await startOpenAiStub();
    eleven = await startElevenLabsStub({ apiKeys: [ELEVEN_KEY] });
    twilio = await startTwilioRestStub({ accountSid: `AC${'e'.repeat(32)}`, authToken: 'trace-test-auth-token-0123' });
    t = await createDemoApp({
      logger: log.logger,
      clock: () => businessMorning('America/Chicago'),
      env: { LLM_BASE_URL: model.baseUrl, LLM_MODEL: 'test-model', ELEVENLABS_BASE_URL: eleven.url, ELEVENLABS_API_KEY: ELEVEN_KEY, TWILIO_API_BASE_URL: twilio.url },
    });
  });
  afterAll(async () => {
    await t?.close();
    await Promise.all([model?.close(), eleven?.close(), twilio?.close()]);
  });

  it("continues the caller's traceparent: the turn's log lines, the model request and the speech request name the same trace", async () => {
    const phone = call('+13125550181');
    await phone.start();
    model.script({ content: 'We open at eight on Saturdays.' });
    const [modelBefore, speechBefore] = [model.requests.length, eleven.requests.length];
    extraHeaders = { traceparent: UPSTREAM };
    const step = await phone.say('what are your hours on saturday');
    extraHeaders = {};
    expect(step.status).toBe(200);

    const toModel = model.requests.slice(modelBefore);
    const toSpeech = eleven.requests.slice(speechBefore);
    expect(toModel.length).toBeGreaterThan(0);
    expect(toSpeech.length).toBeGreaterThan(0);
    for (const r of [...toModel.map((m) => m.headers.traceparent), ...toSpeech.map((s) => s.traceparent)]) expect(traceIdOf(r)).toBe(TRACE_ID);
    // Our own span is the parent downstream, not the caller's.
    expect(toModel[0]!.headers.traceparent).not.toBe(UPSTREAM);

    const lines = log.lines().filter((l) => l.traceId === TRACE_ID);
    expect(lines.map((l) => l.msg)).toContain('request completed');
    const reqId = lines.find((l) => l.msg === 'request completed')!.reqId;
    // Every line of that request names the trace.
    expect(log.lines().filter((l) => l.reqId === reqId).every((l) => l.traceId === TRACE_ID)).toBe(true);
  });

  it('starts a trace of its own for a request without one (or with a malformed one), and sends it on', async () => {
    const phone = call('+13125550182');
    extraHeaders = { traceparent: `00-${'0'.repeat(32)}-00f067aa0ba902b7-01` };
    await phone.start();
    model.script({ content: 'Yes, we fix water heaters.' });
    const before = model.requests.length;
    extraHeaders = {};
    await phone.say('do you fix water heaters');
    const sent = traceIdOf(model.requests.slice(before)[0]?.headers.traceparent);
    expect(sent).toMatch(/^[0-9a-f]{32}$/);
    expect(sent).not.toBe('0'.repeat(32));
    const turnLines = log.lines().filter((l) => l.traceId === sent);
    expect(turnLines.map((l) => l.msg)).toContain('request completed');
    // Each turn is its own request, so its own trace.
    expect(new Set(log.lines().filter((l) => l.msg === 'request completed').map((l) => l.traceId)).size).toBeGreaterThan(2);
  });

  it('carries the trace to Twilio REST requests (a company proving a number in its account)', async () => {
    const company = await createCompany(t.app);
    const owner = await createUserSession(t.app, company.id, 'owner');
    const account = { accountSid: `AC${'d'.repeat(32)}`, authToken: 'trace-company-auth-token-42' };
    twilio.addAccount(account);
    twilio.ownNumber(account.accountSid, '+13125550191');
    const stored = await t.app.inject({ method: 'PATCH', url: `/api/companies/${company.id}/secrets`, headers: owner.headers, payload: { twilioAccountSid: account.accountSid, twilioAuthToken: account.authToken } });
    expect(stored.statusCode, stored.body).toBe(200);
    const res = await t.app.inject({ method: 'POST', url: `/api/companies/${company.id}/phone-numbers`, headers: { ...owner.headers, traceparent: UPSTREAM }, payload: { number: '(312) 555-0191' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(traceIdOf(twilio.numberLookups.at(-1)?.traceparent)).toBe(TRACE_ID);
  });
});
