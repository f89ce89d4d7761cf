import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signAsTwilio } from '../../src/modules/voice/twilio-signature.ts';
import { BAD_SIGNATURES_PER_MINUTE } from '../../src/modules/voice/webhook-gate.ts';
import { createDemoApp, createTestApp, type TestApp } from '../helpers/app.ts';
import { businessMorning, injectTransport, phoneCall } from '../helpers/calls.ts';
import { loginAdmin } from '../helpers/factories.ts';

const RAPID_ROOTER = '+13125550142';
const POLAR_AIR = '+13035550175';

let t: TestApp;
beforeAll(async () => {
  t = await createDemoApp({ clock: () => businessMorning('America/Chicago') });
});
afterAll(async () => t?.close());

const companyOf = async (number: string) => (await t.app.ctx.services.phoneNumbers.lookup(number))!.companyId;

describe('Twilio voice webhooks', () => {
  it('answers with the greeting inside a speech <Gather> whose action takes the next turn', async () => {
    const call = phoneCall(t.app, t.config, RAPID_ROOTER);
    const step = await call.start();
    expect(step.status).toBe(200);
    expect(step.said.join(' ')).toMatch(/Rapid Rooter/);
    expect(step.next).toMatchObject({ kind: 'listen', action: `${t.config.publicUrl}/api/twilio/turn?seq=1` });
    // The greeting is spoken inside the Gather, so the caller can talk over it.
    expect(step.raw).toMatch(/<Gather[^>]*input="speech"[^>]*>\s*<Say[^>]*>[^<]*Rapid Rooter/);
    expect(step.next.kind === 'listen' && step.next.hints).toEqual(expect.arrayContaining(['drain cleaning']));
  });

  it('refuses a missing or wrong signature with 403, and checks it against PUBLIC_URL, not the Host header', async () => {
    const params = { CallSid: 'CAforged', From: '+13125550177', To: RAPID_ROOTER };
    const post = (signature: string | undefined, path = '/api/twilio/voice') =>
      t.app.inject({ method: 'POST', url: path, headers: { 'content-type': 'application/x-www-form-urlencoded', host: 'evil.example', ...(signature ? { 'x-twilio-signature': signature } : {}) }, payload: new URLSearchParams(params).toString() });
    expect((await post(undefined)).statusCode).toBe(403);
    expect((await post(signAsTwilio('not-the-token', `${t.config.publicUrl}/api/twilio/voice`, params))).statusCode).toBe(403);
    expect((await post(signAsTwilio(t.config.twilioAuthToken!, 'http://evil.example/api/twilio/voice', params))).statusCode).toBe(403);
    expect((await post(signAsTwilio(t.config.twilioAuthToken!, `${t.config.publicUrl}/api/twilio/voice`, params))).statusCode).toBe(200);
    // A signature over other parameters does not pass either.
    expect((await post(signAsTwilio(t.config.twilioAuthToken!, `${t.config.publicUrl}/api/twilio/voice`, { ...params, To: POLAR_AIR }))).statusCode).toBe(403);
  });

  it("accepts the company's own auth token once it has one", async () => {
    const companyId = await companyOf(POLAR_AIR);
    const own = 'polar-air-own-twilio-token-0123456789';
    await t.app.ctx.services.secrets.update({ type: 'system', id: null, label: 'test' }, companyId, [{ name: 'twilio_auth_token', value: own, field: 'twilioAuthToken' }]);
    const step = await phoneCall(t.app, t.config, POLAR_AIR, '+13125550177', own).start();
    expect(step.status).toBe(200);
    expect(step.said.join(' ')).toMatch(/Polar Air/);
  });

  it('tells a caller of an unknown number, politely, and hangs up', async () => {
    const step = await phoneCall(t.app, t.config, '+13125550000').start();
    expect(step.status).toBe(200);
    expect(step.said.join(' ')).toMatch(/isn't set up to take calls/);
    expect(step.next.kind).toBe('hangup');
  });

  it('tells a caller of a suspended company, politely, and hangs up', async () => {
    const companyId = await companyOf(RAPID_ROOTER);
    const admin = await loginAdmin(t.app);
    const suspend = (status: string) => t.app.inject({ method: 'PATCH', url: `/api/companies/${companyId}`, headers: admin.headers, payload: { status } });
    expect((await suspend('suspended')).statusCode).toBe(200);
    try {
      const step = await phoneCall(t.app, t.config, RAPID_ROOTER).start();
      expect(step.said.join(' ')).toMatch(/isn't taking calls/);
      expect(step.next.kind).toBe('hangup');
    } finally {
      await suspend('active');
    }
  });

  it('answers a repeated delivery with the same words and records nothing twice', async () => {
    const call = phoneCall(t.app, t.config, RAPID_ROOTER);
    const companyId = await companyOf(RAPID_ROOTER);
    const first = await call.start();
    const again = await injectTransport(t.app, t.config).post(
      `${t.config.publicUrl}/api/twilio/voice`,
      { CallSid: call.callSid, AccountSid: `AC${'0'.repeat(32)}`, From: '+13125550177', To: RAPID_ROOTER, Direction: 'inbound', ApiVersion: '2010-04-01', CallStatus: 'ringing' },
      signAsTwilio(t.config.twilioAuthToken!, `${t.config.publicUrl}/api/twilio/voice`, { CallSid: call.callSid, AccountSid: `AC${'0'.repeat(32)}`, From: '+13125550177', To: RAPID_ROOTER, Direction: 'inbound', ApiVersion: '2010-04-01', CallStatus: 'ringing' }),
    );
    expect(again.body).toBe(first.raw);

    const turn = await call.say('what are your hours');
    const action = `${t.config.publicUrl}/api/twilio/turn?seq=1`;
    const replay = await call.redeliver(action, 'what are your hours');
    expect(replay.raw).toBe(turn.raw);
    const record = (await t.app.ctx.services.calls.findBySid(companyId, call.callSid))!;
    const detail = await t.app.ctx.services.calls.get(companyId, record.id);
    expect(detail.transcript.map((x) => x.seq)).toEqual([0, 1]);
  });

  it('counts an unanswered question once, with its turn, however often Twilio delivers the turn', async () => {
    const call = phoneCall(t.app, t.config, RAPID_ROOTER, '+13125550161');
    const companyId = await companyOf(RAPID_ROOTER);
    await call.start();
    const question = 'do you sell zebra striped gift vouchers';
    const action = `${t.config.publicUrl}/api/twilio/turn?seq=1`;
    // Two deliveries at once, both running the turn before either records it, then a late one.
    const [first, second] = await Promise.all([call.say(question), call.redeliver(action, question)]);
    expect(second.raw).toBe(first.raw);
    expect((await call.redeliver(action, question)).raw).toBe(first.raw);
    const groups = (await t.app.ctx.services.knowledge.listUnanswered(companyId, { limit: 50, offset: 0 })).items.filter((q) => q.question === question);
    expect(groups).toMatchObject([{ askCount: 1 }]);
  });

  it('closes the call record from the status callback with its duration and outcome', async () => {
    const call = phoneCall(t.app, t.config, RAPID_ROOTER);
    await call.start();
    expect(await call.hangUp('completed')).toBe(204);
    const companyId = await companyOf(RAPID_ROOTER);
    const record = (await t.app.ctx.services.calls.findBySid(companyId, call.callSid))!;
    const detail = await t.app.ctx.services.calls.get(companyId, record.id);
    expect(detail).toMatchObject({ status: 'completed', outcome: 'abandoned', fromNumber: '+13125550177', toNumber: RAPID_ROOTER });
    expect(detail.durationSeconds).toBeGreaterThanOrEqual(1);
    expect(detail.endedAt).not.toBeNull();
  });

  it('answers the fallback URL with an apology, and only when signed', async () => {
    const params = { CallSid: 'CAfallback', To: RAPID_ROOTER, ErrorCode: '11200' };
    const url = `${t.config.publicUrl}/api/twilio/fallback`;
    const ok = await injectTransport(t.app, t.config).post(url, params, signAsTwilio(t.config.twilioAuthToken!, url, params));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatch(/<Say[^>]*>I'm sorry[^<]*<\/Say><Hangup\/>/);
    expect((await injectTransport(t.app, t.config).post(url, params, 'bogus')).status).toBe(403);
  });

  const VOICE = '/api/twilio/voice';
  const form = (params: Record<string, string>) => new URLSearchParams(params).toString();
  const platformSigned = (params: Record<string, string>) => signAsTwilio(t.config.twilioAuthToken!, `${t.config.publicUrl}${VOICE}`, params);

  it('answers 415 to anything but a form, signed or not, whatever its fields hold', async () => {
    const params = { CallSid: 'CAjson', From: '+13125550177', To: RAPID_ROOTER };
    const json = (payload: unknown, signature?: string) => t.app.inject({
      method: 'POST', url: VOICE, remoteAddress: '198.51.100.7',
      headers: { 'content-type': 'application/json', ...(signature ? { 'x-twilio-signature': signature } : {}) }, payload: JSON.stringify(payload),
    });
    const objectTo = await json({ CallSid: 'CAjson', To: { $gt: '' } });
    expect(objectTo.statusCode).toBe(415);
    expect(objectTo.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const signedJson = await json(params, platformSigned(params));
    expect(signedJson.statusCode).toBe(415);
    expect(signedJson.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const bare = await t.app.inject({ method: 'POST', url: VOICE, remoteAddress: '198.51.100.7' });
    expect(bare.statusCode).toBe(415);
  });

  it('checks the signature before the input guards look at the fields', async () => {
    const params = { CallSid: 'CAnul', From: '+13125550177', To: RAPID_ROOTER, SpeechResult: 'a\u0000b' };
    const post = (signature?: string) => t.app.inject({
      method: 'POST', url: VOICE, remoteAddress: '198.51.100.8',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature ? { 'x-twilio-signature': signature } : {}) }, payload: form(params),
    });
    expect((await post()).statusCode).toBe(403);
    const signed = await post(platformSigned(params));
    expect(signed.statusCode).toBe(400);
    expect(signed.json().error.code).toBe('INVALID_TEXT');
  });

  it('refuses an address that keeps sending bad signatures, and only that address', async () => {
    const params = { CallSid: 'CAflood', From: '+13125550177', To: RAPID_ROOTER };
    const post = (remoteAddress: string, signature = 'forged') => t.app.inject({
      method: 'POST', url: VOICE, remoteAddress,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, payload: form(params),
    });
    for (let i = 0; i < BAD_SIGNATURES_PER_MINUTE; i++) expect((await post('203.0.113.9')).statusCode).toBe(403);
    const refused = await post('203.0.113.9');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    expect((await post('203.0.113.10')).statusCode).toBe(403);
    expect((await post('203.0.113.10', platformSigned(params))).statusCode).toBe(200);
  });
});

describe('Twilio webhooks without a database', () => {
  it('refuses unsigned and non-form requests without reading the database', async () => {
    const bare = await createTestApp();
    try {
      await bare.database.close();
      const params = { CallSid: 'CAnodb', From: '+13125550177', To: '+13125559876' };
      const unsigned = await bare.app.inject({ method: 'POST', url: '/api/twilio/voice', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(params).toString() });
      expect(unsigned.statusCode).toBe(403);
      const json = await bare.app.inject({ method: 'POST', url: '/api/twilio/voice', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ ...params, To: {} }) });
      expect(json.statusCode).toBe(415);
    } finally {
      await bare.app.close();
    }
  });
});
