import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { createTestApp, testConfig, type TestApp } from '../../../test/helpers/app.ts';
import { createApiToken, createCompany, createUserSession } from '../../../test/helpers/factories.ts';
import { startElevenLabsStub, type ElevenLabsStub } from '../../../test/stubs/elevenlabs.ts';
import { looksLikeMp3 } from './mp3-sniff.ts';
import { createSpeechUrlSigner } from './speech-key.ts';
import type { VoiceProfile } from './speech.types.ts';

const KEY = 'sk_platform_routes_0123456789';
const voice: VoiceProfile = { provider: 'elevenlabs', voiceId: '21m00Tcm4TlvDq8ikWAM', modelId: 'eleven_flash_v2_5', stability: 0.5, similarityBoost: 0.75, style: 0, speed: 1, apiKey: null };

describe('GET /api/speech/:companyId/:file (Twilio <Play>)', () => {
  let stub: ElevenLabsStub;
  let t: TestApp;
  let A: string;
  let B: string;
  /** A's clip: its path, cache key and signature. */
  let path: string;
  let key: string;
  let sig: string;

  beforeAll(async () => {
    stub = await startElevenLabsStub({ apiKeys: [KEY] });
    t = await createTestApp({ env: { ELEVENLABS_BASE_URL: stub.url, ELEVENLABS_API_KEY: KEY } });
    A = (await createCompany(t.app)).id;
    B = (await createCompany(t.app)).id;
    const audio = await t.app.ctx.services.speech.audioFor(A, voice, 'Thanks for calling Alpha Plumbing.', { budgetMs: 5000 });
    path = new URL(audio!.url).pathname;
    [key, sig] = path.split('/').at(-1)!.split('.') as [string, string];
  });
  afterAll(async () => {
    await t?.close();
    await stub?.close();
  });

  it('serves the synthesised MP3 to anyone holding the URL, cacheable forever', async () => {
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
    for (const file of [`${key}.${flipped}.mp3`, `${key}.${sig.slice(1)}.mp3`, `${key}.mp3`, `${key}.${sig}.wav`, `${key.toUpperCase()}.${sig}.mp3`, 'x']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/speech/${A}/${file}` });
      expect(res.statusCode, file).toBe(404);
      expect(res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/speech/not-a-uuid/${key}.${sig}.mp3` })).statusCode).toBe(404);
  });

  it("answers 404 for A's clip under B's id, even with a signature valid for B", async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/speech/${B}/${key}.${sig}.mp3` })).statusCode).toBe(404);
    const signer = createSpeechUrlSigner(t.config.sessionSecret);
    const forB = signer.fileName(B, key);
    expect((await t.app.inject({ method: 'GET', url: `/api/speech/${B}/${forB}` })).statusCode).toBe(404);
  });

  it("gives B's owner and B's API token nothing of A's without A's signature", async () => {
    const owner = await createUserSession(t.app, B, 'owner');
    const token = await createApiToken(t.app, B);
    for (const headers of [owner.headers, token.headers]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/speech/${A}/${key}.${'A'.repeat(22)}.mp3`, headers });
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain(key);
    }
  });
});
