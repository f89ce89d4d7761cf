import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAD_SIGNATURES_PER_MINUTE } from '../../src/modules/voice/webhook-gate.ts';
import { createDemoApp, type TestApp } from '../helpers/app.ts';
import { createBookingFixture, localInstant, MONDAY, upcoming } from '../helpers/booking.ts';
import { businessMorning, phoneCall } from '../helpers/calls.ts';
import { startElevenLabsStub, type ElevenLabsStub } from '../stubs/elevenlabs.ts';
import { startOpenAiStub, type OpenAiStub } from '../stubs/openai.ts';

const RAPID_ROOTER = '+13125550142';
const ELEVEN_KEY = 'platform-eleven-key-metrics-0123456789';

/** The value of one sample line (`name{labels} value`), 0 when it is not there. */
function sample(body: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of body.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = (m[2] ?? '').split(',').filter(Boolean);
    if (wanted.every((w) => have.includes(w)) && have.length === wanted.length) return Number(m[3]);
  }
  return 0;
}

describe('application metrics', () => {
  let t: TestApp;
  let model: OpenAiStub;
  let eleven: ElevenLabsStub;
  const scrape = async () => (await t.app.inject({ method: 'GET', url: '/metrics' })).body;

  beforeAll(async () => {
    model = await startOpenAiStub();
    eleven = await startElevenLabsStub({ apiKeys: [ELEVEN_KEY] });
    t = await createDemoApp({
      clock: () => businessMorning('America/Chicago'),
      env: { LLM_BASE_URL: model.baseUrl, LLM_MODEL: 'test-model', LLM_TURN_BUDGET_MS: '600', ELEVENLABS_BASE_URL: eleven.url, ELEVENLABS_API_KEY: ELEVEN_KEY },
    });
  });
  afterAll(async () => {
    await t?.close();
    await Promise.all([model?.close(), eleven?.close()]);
  });

  it('times call turns by engine and channel, the first TwiML, speech and its cache, and counts model fallbacks by reason', async () => {
    model.script({ content: 'We open at eight.' }, { status: 500, body: '{"error":{"message":"overloaded"}}' }, { delayMs: 3000, then: { content: 'too late' } });
    const first = phoneCall(t.app, t.config, RAPID_ROOTER, '+13125550171');
    await first.start();
    await first.say('what are your hours on saturday');
    await first.say('do you fix water heaters');
    await first.say('and drains');
    // The same greeting again: from the speech cache.
    await phoneCall(t.app, t.config, RAPID_ROOTER, '+13125550172').start();

    const body = await scrape();
    expect(sample(body, 'clientsvia_call_turn_seconds_count', { engine: 'llm', channel: 'phone' })).toBe(1);
    expect(sample(body, 'clientsvia_call_turn_seconds_count', { engine: 'fallback', channel: 'phone' })).toBe(2);
    expect(sample(body, 'clientsvia_call_first_twiml_seconds_count', { outcome: 'answered' })).toBe(2);
    expect(sample(body, 'clientsvia_model_calls_total', { outcome: 'ok' })).toBe(1);
    expect(sample(body, 'clientsvia_model_calls_total', { outcome: 'error' })).toBe(1);
    expect(sample(body, 'clientsvia_model_calls_total', { outcome: 'timeout' })).toBe(1);
    expect(sample(body, 'clientsvia_model_fallbacks_total', { reason: 'error' })).toBe(1);
    expect(sample(body, 'clientsvia_model_fallbacks_total', { reason: 'timeout' })).toBe(1);
    expect(sample(body, 'clientsvia_speech_synthesis_seconds_count', { outcome: 'ok' })).toBeGreaterThan(0);
    expect(sample(body, 'clientsvia_speech_cache_total', { result: 'miss' })).toBeGreaterThan(0);
    expect(sample(body, 'clientsvia_speech_cache_total', { result: 'hit' })).toBeGreaterThan(0);
    expect(sample(body, 'clientsvia_db_transaction_seconds_count', { kind: 'tenant', outcome: 'commit' })).toBeGreaterThan(0);
    expect(sample(body, 'clientsvia_db_transaction_seconds_count', { kind: 'platform', outcome: 'commit' })).toBeGreaterThan(0);
    expect(sample(body, 'clientsvia_database_up')).toBe(1);
  });

  it('counts bookings created and cancelled and SLOT_TAKEN refusals, without a company id in any label', async () => {
    const f = await createBookingFixture(t.app);
    const start = localInstant(f.timeZone, upcoming(f.timeZone, MONDAY), '10:00');
    const book = () => f.call('POST', '/bookings', { serviceId: f.serviceId, start, zip: '60601', contact: { name: 'Dana', phone: '(312) 555-0123' } });
    const made = await book();
    expect(made.statusCode, made.body).toBe(201);
    const taken = await book();
    expect(taken.json().error.code).toBe('SLOT_TAKEN');
    expect((await f.call('POST', `/bookings/${made.json().id}/cancel`, {})).statusCode).toBe(200);

    const body = await scrape();
    expect(sample(body, 'clientsvia_bookings_created_total', { source: 'dashboard', status: 'confirmed' })).toBe(1);
    expect(sample(body, 'clientsvia_bookings_cancelled_total')).toBe(1);
    expect(sample(body, 'clientsvia_booking_slot_taken_total', { stage: 'recheck' })).toBe(1);
    // The refused booking's transaction rolled back.
    expect(sample(body, 'clientsvia_db_transaction_seconds_count', { kind: 'tenant', outcome: 'rollback' })).toBeGreaterThan(0);
    expect(body).not.toContain(f.companyId);
  });

  it('counts webhook signature refusals and the 429s of a bad-signature flood', async () => {
    const forged = () => t.app.inject({
      method: 'POST', url: '/api/twilio/voice', remoteAddress: '203.0.113.44',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'not-a-signature' },
      payload: new URLSearchParams({ CallSid: 'CA0123', To: RAPID_ROOTER, From: '+13125550100' }).toString(),
    });
    const statuses: number[] = [];
    for (let i = 0; i <= BAD_SIGNATURES_PER_MINUTE; i++) statuses.push((await forged()).statusCode);
    expect(statuses.filter((s) => s === 403)).toHaveLength(BAD_SIGNATURES_PER_MINUTE);
    expect(statuses.at(-1)).toBe(429);

    const body = await scrape();
    expect(sample(body, 'clientsvia_webhook_signature_refusals_total', { route: '/api/twilio/voice' })).toBe(BAD_SIGNATURES_PER_MINUTE);
    expect(sample(body, 'clientsvia_rate_limit_refusals_total', { route: '/api/twilio/voice' })).toBe(1);
  });
});
