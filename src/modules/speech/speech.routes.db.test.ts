import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { createTestApp, testConfig, type TestApp } from '../../../test/helpers/app.ts';
import { createApiToken, createCompany, createUserSession } from '../../../test/helpers/factories.ts';
import { startElevenLabsStub, type ElevenLabsStub } from '../../../test/stubs/elevenlabs.ts';
import { looksLikeMp3 } from './mp3-sniff.ts';
import { createSpeechUrlSigner } from './speech-key.ts';
import { PERSONAL_CLIP_URL_TTL_S } from './speech.service.ts';
import type { VoiceProfile } from './speech.types.ts';

const KEY = 'sk_platform_routes_0123456789';
const voice: VoiceProfile = { provider: 'elevenlabs', voiceId: '21m00Tcm4TlvDq8ikWAM', modelId: 'eleven_flash_v2_5', stability: 0.5, similarityBoost: 0.75, style: 0, speed: 1, apiKey: null };

describe('GET /api/speech/:companyId/:file (Twilio <Play>)', () => {
  let stub: ElevenLabsStub;
  let t: TestApp;
  let A: string;
  let B: string;
  /** A's greeting (a prepared set phrase): its path, cache key, generation, expiry (0) and signature. */
  let path: string;
  let key: string;
  let gen: string;
  let sig: string;
  /** A's clip of something a caller said: may carry their details. */
  let personalPath: string;
  const fileOf = (p: string) => p.split('/').at(-1)!;

  beforeAll(async () => {
    stub = await startElevenLabsStub({ apiKeys: [KEY] });
    t = await createTestApp({ env: { ELEVENLABS_BASE_URL: stub.url, ELEVENLABS_API_KEY: KEY } });
    A = (await createCompany(t.app)).id;
    B = (await createCompany(t.app)).id;
    await t.app.ctx.services.speech.prepare(A, voice, ['Thanks for calling Alpha Plumbing.']);
    const audio = await t.app.ctx.services.speech.audioFor(A, voice, 'Thanks for calling Alpha Plumbing.', { budgetMs: 5000 });
    path = new URL(audio!.url).pathname;
    let expires: string;
    [key, gen, expires, sig] = fileOf(path).split('.') as [string, string, string, string];
    expect(expires).toBe('0');
    const personal = await t.app.ctx.services.speech.audioFor(A, voice, 'Thanks, Mary. Is three zero three, five five five, zero one four two the best number?', { budgetMs: 5000 });
    personalPath = new URL(personal!.url).pathname;
  });
  afterAll(async () => {
    await t?.close();
    await stub?.close();
  });

  it("serves a set phrase's MP3 to anyone holding the URL, cacheable forever", async () => {
    const res = await t.app.inject({ method: 'GET', url: path });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('audio/mpeg');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.rawPayload.length).toBe(Number(res.headers['content-length']));
    expect(looksLikeMp3(res.rawPayload)).toBe(true);
    const synthesised = stub.requests.find((r) => (r.body as { text?: string })?.text === 'Thanks for calling Alpha Plumbing.');
    expect(synthesised?.status).toBe(200);
  });

  it('serves the same bytes from a second app process on the same database', async () => {
    const first = await t.app.inject({ method: 'GET', url: path });
    // Another process: its own memory cache, the same database and SESSION_SECRET.
    const other = await buildApp({ config: testConfig({ SESSION_SECRET: t.config.sessionSecret }), database: t.database });
    try {
      const res = await other.inject({ method: 'GET', url: path });
      expect(res.statusCode).toBe(200);
      expect(Buffer.compare(res.rawPayload, first.rawPayload)).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await t.app.inject({ method: 'HEAD', url: path });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('audio/mpeg');
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.headers['content-length']).toBe(String((await t.app.inject({ method: 'GET', url: path })).rawPayload.length));
    expect(res.rawPayload.length).toBe(0);
  });

  it('answers 404 for a wrong, truncated or missing signature and for malformed names', async () => {
    const flipped = `${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`;
    for (const file of [`${key}.${gen}.0.${flipped}.mp3`, `${key}.${gen}.0.${sig.slice(1)}.mp3`, `${key}.${sig}.mp3`, `${key}.mp3`, `${key}.${gen}.0.${sig}.wav`, `${key.toUpperCase()}.${gen}.0.${sig}.mp3`, `${key}.${gen}.1.${sig}.mp3`, 'x']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/speech/${A}/${file}` });
      expect(res.statusCode, file).toBe(404);
      expect(res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/speech/not-a-uuid/${fileOf(path)}` })).statusCode).toBe(404);
  });

  it("answers 404 for A's clip under B's id, even with a signature valid for B", async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/speech/${B}/${fileOf(path)}` })).statusCode).toBe(404);
    const signer = createSpeechUrlSigner(t.config.sessionSecret);
    const forB = signer.fileName(B, { cacheKey: key, generation: 1, expires: 0 });
    expect((await t.app.inject({ method: 'GET', url: `/api/speech/${B}/${forB}` })).statusCode).toBe(404);
  });

  it("gives B's owner and B's API token nothing of A's without A's signature", async () => {
    const owner = await createUserSession(t.app, B, 'owner');
    const token = await createApiToken(t.app, B);
    for (const headers of [owner.headers, token.headers]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/speech/${A}/${key}.${gen}.0.${'A'.repeat(22)}.mp3`, headers });
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain(key);
    }
  });

  it("serves a clip that may carry a caller's details privately, under a URL that expires within minutes", async () => {
    const expires = parseInt(fileOf(personalPath).split('.')[2]!, 36);
    const now = Math.floor(Date.now() / 1000);
    expect(expires).toBeGreaterThan(now);
    expect(expires).toBeLessThanOrEqual(now + PERSONAL_CLIP_URL_TTL_S);
    const res = await t.app.inject({ method: 'GET', url: personalPath });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(looksLikeMp3(res.rawPayload)).toBe(true);
  });

  it('refuses an expired URL, and a never-expiring one for a clip that is not a set phrase, even when signed', async () => {
    const signer = createSpeechUrlSigner(t.config.sessionSecret);
    const personalKey = fileOf(personalPath).split('.')[0]!;
    const expired = signer.fileName(A, { cacheKey: personalKey, generation: 1, expires: Math.floor(Date.now() / 1000) - 1 });
    const forever = signer.fileName(A, { cacheKey: personalKey, generation: 1, expires: 0 });
    for (const file of [expired, forever]) expect((await t.app.inject({ method: 'GET', url: `/api/speech/${A}/${file}` })).statusCode, file).toBe(404);
  });

  it("revokes every URL of the company at the owner's request, without a new SESSION_SECRET", async () => {
    const c = (await createCompany(t.app)).id;
    const owner = await createUserSession(t.app, c, 'owner');
    const staff = await createUserSession(t.app, c, 'staff');
    await t.app.ctx.services.speech.prepare(c, voice, ['Thanks for calling Revoked Roofing.']);
    const fixed = new URL((await t.app.ctx.services.speech.audioFor(c, voice, 'Thanks for calling Revoked Roofing.'))!.url).pathname;
    const personal = new URL((await t.app.ctx.services.speech.audioFor(c, voice, 'Thanks, Mary, at 42 Elm Street.', { budgetMs: 5000 }))!.url).pathname;
    for (const p of [fixed, personal]) expect((await t.app.inject({ method: 'GET', url: p })).statusCode).toBe(200);

    const revoke = (headers: Record<string, string>) => t.app.inject({ method: 'POST', url: `/api/companies/${c}/speech/revoke-urls`, headers });
    expect((await revoke(staff.headers)).statusCode).toBe(403);
    const revoked = await revoke(owner.headers);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toEqual({ generation: 2 });
    for (const p of [fixed, personal]) expect((await t.app.inject({ method: 'GET', url: p })).statusCode).toBe(404);

    const fresh = new URL((await t.app.ctx.services.speech.audioFor(c, voice, 'Thanks for calling Revoked Roofing.'))!.url).pathname;
    expect(fresh).not.toBe(fixed);
    expect((await t.app.inject({ method: 'GET', url: fresh })).statusCode).toBe(200);
    // A's URLs are untouched by another company's revocation.
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(200);
  });
});
