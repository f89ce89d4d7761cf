import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createApiToken, createCompany, createUserSession, type Session } from '../../../test/helpers/factories.ts';
import { DEFAULT_VOICE_SETTINGS } from './voice-settings.rules.ts';

const ELEVEN_KEY = 'sk_3f9a1c7e5b2d4a6f8e0c1b3d5f7a9c2e4b6d8f0a1c3e';

describe('voice settings', () => {
  let t: TestApp;
  let companyId: string;
  let owner: Session;

  beforeAll(async () => {
    t = await createTestApp();
    companyId = (await createCompany(t.app)).id;
    owner = await createUserSession(t.app, companyId, 'owner');
  });
  afterAll(async () => t?.close());

  const url = (company: string) => `/api/companies/${company}/voice-settings`;
  const put = (payload: object, company = companyId, headers: Record<string, string> = owner.headers) => t.app.inject({ method: 'PUT', url: url(company), headers, payload });
  const get = async (company = companyId) => (await t.app.inject({ method: 'GET', url: url(company), headers: owner.headers })).json();
  const freshCompany = async () => {
    const id = (await createCompany(t.app)).id;
    return { id, owner: await createUserSession(t.app, id, 'owner') };
  };

  it('answers the defaults, with no key set, for a company that never saved; staff and API tokens may read', async () => {
    const staff = await createUserSession(t.app, companyId, 'staff');
    const token = await createApiToken(t.app, companyId);
    for (const headers of [staff.headers, token.headers]) {
      const res = await t.app.inject({ method: 'GET', url: url(companyId), headers });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ settings: DEFAULT_VOICE_SETTINGS, elevenLabsApiKey: { set: false, last4: null }, updatedAt: null });
    }
  });

  it("stores the company's ElevenLabs key encrypted and shows only that it is set and its last four", async () => {
    const c = await freshCompany();
    const res = await put({ settings: { voiceId: 'EXAVITQu4vr4xnSDxMaL', stability: 0.3, speed: 1.1, useOwnKey: true }, elevenLabsApiKey: `  ${ELEVEN_KEY}\n` }, c.id, c.owner.headers);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      settings: { ...DEFAULT_VOICE_SETTINGS, voiceId: 'EXAVITQu4vr4xnSDxMaL', stability: 0.3, speed: 1.1, useOwnKey: true },
      elevenLabsApiKey: { set: true, last4: ELEVEN_KEY.slice(-4) },
    });
    expect(res.body).not.toContain(ELEVEN_KEY.slice(0, 12));
    expect(await t.app.ctx.services.secrets.reveal(c.id, 'elevenlabs_api_key')).toBe(ELEVEN_KEY);

    // Absent keeps the key; settings left out keep theirs (a new provider brings its own voice).
    const keyOnly = await put({ settings: { provider: 'twilio', useOwnKey: false } }, c.id, c.owner.headers);
    expect(keyOnly.statusCode).toBe(200);
    expect(keyOnly.json()).toMatchObject({ settings: { provider: 'twilio', voiceId: 'Polly.Joanna-Neural', stability: 0.3, speed: 1.1, useOwnKey: false }, elevenLabsApiKey: { set: true } });
    expect((await put({ elevenLabsApiKey: null }, c.id, c.owner.headers)).json()).toMatchObject({ settings: { provider: 'twilio' }, elevenLabsApiKey: { set: false, last4: null } });
    expect(await t.app.ctx.services.secrets.reveal(c.id, 'elevenlabs_api_key')).toBeNull();

    const audit = await sql<{ action: string; changes: unknown }>`
      SELECT action, changes FROM audit_log WHERE company_id = ${c.id} AND entity_type IN ('voice_settings', 'secret') ORDER BY created_at, action`.execute(t.database.db);
    expect(audit.rows).toEqual([
      { action: 'secret.set', changes: { name: 'elevenlabs_api_key' } },
      { action: 'voice_settings.updated', changes: { fields: ['voiceId', 'stability', 'speed', 'useOwnKey'] } },
      { action: 'voice_settings.updated', changes: { fields: ['provider', 'voiceId', 'useOwnKey'] } },
      { action: 'secret.cleared', changes: { name: 'elevenlabs_api_key' } },
    ]);
  });

  it('keeps every field a change leaves out', async () => {
    const c = await freshCompany();
    expect((await put({ settings: { voiceId: 'EXAVITQu4vr4xnSDxMaL', stability: 0.3, style: 0.4 } }, c.id, c.owner.headers)).statusCode).toBe(200);
    const faster = await put({ settings: { speed: 1.1 } }, c.id, c.owner.headers);
    expect(faster.statusCode).toBe(200);
    expect(faster.json().settings).toEqual({ ...DEFAULT_VOICE_SETTINGS, voiceId: 'EXAVITQu4vr4xnSDxMaL', stability: 0.3, style: 0.4, speed: 1.1 });
    const stored = await t.app.inject({ method: 'GET', url: url(c.id), headers: c.owner.headers });
    expect(stored.json().settings).toEqual(faster.json().settings);
  });

  it('stores the voice mode, keeping it across other changes; the default follows the platform', async () => {
    const c = await freshCompany();
    const read = async () => (await t.app.inject({ method: 'GET', url: url(c.id), headers: c.owner.headers })).json().settings.mode;
    expect(await read()).toBe('default');
    expect((await put({ settings: { mode: 'relay' } }, c.id, c.owner.headers)).json().settings.mode).toBe('relay');
    expect((await put({ settings: { provider: 'twilio' } }, c.id, c.owner.headers)).json().settings).toMatchObject({ provider: 'twilio', mode: 'relay' });
    const bad = await put({ settings: { mode: 'carrier-pigeon' } }, c.id, c.owner.headers);
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error)).toContain('body.settings.mode');
    expect(await read()).toBe('relay');
    expect((await put({ settings: { mode: 'stream' } }, c.id, c.owner.headers)).json().settings.mode).toBe('stream');
    expect(await read()).toBe('stream');
  });

  it("refuses to use the company's own key when there is none, changing nothing", async () => {
    const c = await freshCompany();
    const noKey = await put({ settings: { useOwnKey: true } }, c.id, c.owner.headers);
    expect(noKey.statusCode).toBe(400);
    expect(noKey.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'settings.useOwnKey' }] } });

    expect((await put({ settings: { useOwnKey: true }, elevenLabsApiKey: ELEVEN_KEY }, c.id, c.owner.headers)).statusCode).toBe(200);
    const before = await get(c.id);
    const clearing = await put({ elevenLabsApiKey: null }, c.id, c.owner.headers);
    expect(clearing.statusCode).toBe(400);
    expect(clearing.json().error.details.fields[0].field).toBe('body.elevenLabsApiKey');
    expect(await get(c.id)).toEqual(before);
    expect(await t.app.ctx.services.secrets.reveal(c.id, 'elevenlabs_api_key')).toBe(ELEVEN_KEY);
  });

  it.each([
    ['a Twilio voice for ElevenLabs', { settings: { voiceId: 'Polly.Joanna' } }, 'settings.voiceId'],
    ['an ElevenLabs voice for Twilio', { settings: { provider: 'twilio', voiceId: 'EXAVITQu4vr4xnSDxMaL' } }, 'settings.voiceId'],
    ['a model that is not ElevenLabs', { settings: { modelId: 'gpt_4o' } }, 'settings.modelId'],
    ['a speed out of range', { settings: { speed: 2 } }, 'body.settings.speed'],
    ['a stability above 1', { settings: { stability: 1.5 } }, 'body.settings.stability'],
    ['an unknown provider', { settings: { provider: 'polly' } }, 'body.settings.provider'],
    ['a key with a space inside', { elevenLabsApiKey: 'sk_abc def_ghijkl' }, 'body.elevenLabsApiKey'],
    ['an empty key (a blank form field must not clear it)', { elevenLabsApiKey: '' }, 'body.elevenLabsApiKey'],
    ['an empty body', {}, 'body'],
  ])('refuses %s with 400 naming the field', async (_, payload, field) => {
    const before = await get();
    const res = await put(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.json().error)).toContain(field);
    expect(res.body).not.toContain('def_ghijkl');
    expect(await get()).toEqual(before);
  });

  it('lets only owners (and the platform admin) change the voice or the key', async () => {
    const staff = await createUserSession(t.app, companyId, 'staff');
    const token = await createApiToken(t.app, companyId);
    for (const headers of [staff.headers, token.headers]) {
      const res = await put({ elevenLabsApiKey: ELEVEN_KEY }, companyId, headers);
      expect(res.statusCode).toBe(403);
    }
    expect((await get()).elevenLabsApiKey.set).toBe(false);
  });
});
