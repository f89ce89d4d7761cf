import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startElevenLabsStub, type ElevenLabsStub } from '../../../test/stubs/elevenlabs.ts';
import { createTestApp, testConfig, type TestApp } from '../../../test/helpers/app.ts';
import { createCompany } from '../../../test/helpers/factories.ts';
import { waitFor } from '../../../test/helpers/wait-for.ts';
import { createSpeechService } from './speech.service.ts';
import type { VoiceProfile } from './speech.types.ts';

const PLATFORM_KEY = 'sk_platform_0123456789abcdef';
const COMPANY_KEY = 'sk_company_fedcba9876543210';
const voice: VoiceProfile = { provider: 'elevenlabs', voiceId: '21m00Tcm4TlvDq8ikWAM', modelId: 'eleven_flash_v2_5', stability: 0.5, similarityBoost: 0.75, style: 0, speed: 1, apiKey: null };
// What a caller said: it must never reach the logs.
const CALLER_NAME = 'Zebediah Quintrell';

/** Every log line, written as the production logger would but without redaction: nothing may rely on it. */
function memoryLogger() {
  const chunks: string[] = [];
  const stream = new Writable({ write(chunk: Buffer, _e, done) { chunks.push(chunk.toString('utf8')); done(); } });
  return { logger: pino({ level: 'debug' }, stream), text: () => chunks.join(''), lines: () => chunks.join('').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('speech service against ElevenLabs on loopback', () => {
  const log = memoryLogger();
  let stub: ElevenLabsStub;
  let t: TestApp;
  let companyId: string;
  let otherCompanyId: string;
  const figures: Record<string, string> = {};

  /** A service as one app process would build it (its own memory cache and breaker; the shared secret). */
  const service = (env: Record<string, string> = {}, now?: () => number) => createSpeechService({
    config: testConfig({ SESSION_SECRET: t.config.sessionSecret, ELEVENLABS_BASE_URL: stub.url, ELEVENLABS_API_KEY: PLATFORM_KEY, ...env }),
    db: t.database.db, audit: t.app.ctx.services.audit, logger: log.logger, ...(now ? { now } : {}),
  });
  let n = 0;
  const sentence = (what = 'sentence') => `Thanks, ${CALLER_NAME}; ${what} ${++n}.`;

  beforeAll(async () => {
    stub = await startElevenLabsStub({ apiKeys: [PLATFORM_KEY, COMPANY_KEY] });
    t = await createTestApp();
    companyId = (await createCompany(t.app)).id;
    otherCompanyId = (await createCompany(t.app)).id;
  });
  afterAll(async () => {
    await t?.close();
    await stub?.close();
    // The measured figures are this suite's report (src code itself never writes to the console).
    // eslint-disable-next-line no-console
    if (Object.keys(figures).length) console.info(`speech figures (${process.env.TEST_BACKEND ?? 'pglite'}):\n  ${Object.entries(figures).map(([k, v]) => `${k}: ${v}`).join('\n  ')}`);
  });

  it("synthesises a new sentence with the company's voice settings, then serves it from cache without asking again", async () => {
    const speech = service();
    const text = sentence('greeting');
    const before = stub.requests.length;
    const miss = await speech.audioFor(companyId, voice, text, { budgetMs: 2500 });
    expect(miss).toMatchObject({ cached: false });
    expect(miss!.url).toMatch(new RegExp(`^${t.config.publicUrl}/api/speech/${companyId}/[0-9a-f]{64}\\.1\\.[1-9a-z][0-9a-z]*\\.[A-Za-z0-9_-]{16}\\.mp3$`));
    expect(stub.requests.length).toBe(before + 1);
    const sent = stub.requests.at(-1)!;
    expect(sent).toMatchObject({
      status: 200, voiceId: voice.voiceId, outputFormat: 'mp3_44100_128', apiKey: PLATFORM_KEY,
      body: { text, model_id: 'eleven_flash_v2_5', voice_settings: { stability: 0.5, similarity_boost: 0.75, style: 0, speed: 1, use_speaker_boost: true } },
    });

    const hit = await speech.audioFor(companyId, voice, text, { budgetMs: 2500 });
    expect(hit).toEqual({ url: expect.stringContaining(miss!.url.split('.')[0]!), cached: true, ms: expect.any(Number) });
    expect(stub.requests.length).toBe(before + 1);

    // Figures: a miss against the stub, a hit in memory, a hit in the database (a fresh process).
    const misses: number[] = [];
    for (let i = 0; i < 20; i++) misses.push((await speech.audioFor(companyId, voice, sentence('timing'), { budgetMs: 2500 }))!.ms);
    const memoryHits: number[] = [];
    for (let i = 0; i < 200; i++) memoryHits.push((await speech.audioFor(companyId, voice, text, { budgetMs: 2500 }))!.ms);
    const dbHits: number[] = [];
    for (let i = 0; i < 20; i++) dbHits.push((await service().audioFor(companyId, voice, text, { budgetMs: 2500 }))!.ms);
    const p = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!.toFixed(3);
    figures['miss (ElevenLabs stub + database insert) p50/p95 ms'] = `${p(misses, 0.5)} / ${p(misses, 0.95)}`;
    figures['hit in process memory p50/p95 ms'] = `${p(memoryHits, 0.5)} / ${p(memoryHits, 0.95)}`;
    figures['hit in database (fresh process) p50/p95 ms'] = `${p(dbHits, 0.5)} / ${p(dbHits, 0.95)}`;
  });

  it('shares the cache between app processes through the database', async () => {
    const text = sentence('shared');
    const first = await service().audioFor(companyId, voice, text, { budgetMs: 2500 });
    const requests = stub.requests.length;
    const secondProcess = service();
    const again = await secondProcess.audioFor(companyId, voice, text, { budgetMs: 2500 });
    expect(again).toMatchObject({ url: expect.stringContaining(first!.url.split('.')[0]!), cached: true });
    expect(stub.requests.length).toBe(requests);
    const file = first!.url.split('/').at(-1)!;
    expect((await secondProcess.load(companyId, file))?.audio.length).toBeGreaterThan(0);
  });

  it("keeps each company's clips apart: the same sentence elsewhere is another clip", async () => {
    const speech = service();
    const text = sentence('per company');
    const a = await speech.audioFor(companyId, voice, text, { budgetMs: 2500 });
    const requests = stub.requests.length;
    const b = await speech.audioFor(otherCompanyId, voice, text, { budgetMs: 2500 });
    expect(b).toMatchObject({ cached: false });
    expect(stub.requests.length).toBe(requests + 1);
    expect(b!.url.split('/').at(-1)!.slice(0, 64)).not.toBe(a!.url.split('/').at(-1)!.slice(0, 64));
  });

  it("speaks with the company's own key when it has one, and changed settings make a new clip", async () => {
    const speech = service();
    const text = sentence('own key');
    await speech.audioFor(companyId, { ...voice, apiKey: COMPANY_KEY }, text, { budgetMs: 2500 });
    expect(stub.requests.at(-1)!.apiKey).toBe(COMPANY_KEY);
    const slower = await speech.audioFor(companyId, { ...voice, apiKey: COMPANY_KEY, speed: 0.9 }, text, { budgetMs: 2500 });
    expect(slower).toMatchObject({ cached: false });
    expect((stub.requests.at(-1)!.body as { voice_settings: { speed: number } }).voice_settings.speed).toBe(0.9);
  });

  it('answers null without calling ElevenLabs for Twilio voices, when no key is configured, and for empty text', async () => {
    const requests = stub.requests.length;
    expect(await service().audioFor(companyId, { ...voice, provider: 'twilio', voiceId: 'Polly.Joanna-Neural' }, sentence(), { budgetMs: 2500 })).toBeNull();
    expect(await service({ ELEVENLABS_API_KEY: '' }).audioFor(companyId, voice, sentence(), { budgetMs: 2500 })).toBeNull();
    expect(await service().audioFor(companyId, voice, '   ', { budgetMs: 2500 })).toBeNull();
    expect(stub.requests.length).toBe(requests);
  });

  it('gives up when ElevenLabs is slower than the budget, aborting the request, and stores nothing', async () => {
    const speech = service();
    const text = sentence('slow');
    const budgetMs = 400;
    stub.behave({ delayMs: 3000 });
    try {
      const started = performance.now();
      expect(await speech.audioFor(companyId, voice, text, { budgetMs })).toBeNull();
      const took = performance.now() - started;
      figures[`budget ${budgetMs} ms exceeded: null after ms`] = took.toFixed(1);
      expect(took).toBeLessThan(budgetMs + 250);
      const slowRequest = stub.requests.at(-1)!;
      await waitFor('the stub to see the request aborted', () => slowRequest.aborted);
    } finally {
      stub.behave({});
    }
    // Nothing was stored: next time it is synthesised again.
    expect(await speech.audioFor(companyId, voice, text, { budgetMs: 2500 })).toMatchObject({ cached: false });
  });

  it('answers null when ElevenLabs fails, refuses the key, drops the connection or sends something that is not audio', async () => {
    const speech = service({ SPEECH_BREAKER_FAILURES: '100' });
    for (const fail of [500, 429, 'close', 'html'] as const) {
      stub.behave({ fail });
      try {
        expect(await speech.audioFor(companyId, voice, sentence(String(fail)), { budgetMs: 2500 }), `fail ${fail}`).toBeNull();
      } finally {
        stub.behave({});
      }
    }
    expect(await speech.audioFor(companyId, { ...voice, apiKey: 'sk_wrong_key_for_this_test' }, sentence('bad key'), { budgetMs: 2500 })).toBeNull();
    expect(stub.requests.at(-1)!.status).toBe(401);
    const reasons = log.lines().filter((l) => l.msg === 'speech synthesis failed').map((l) => `${l.reason}:${l.status ?? '-'}`);
    expect(reasons).toEqual(expect.arrayContaining(['server_error:500', 'rate_limited:429', 'network:-', 'not_audio:200', 'unauthorized:401']));
  });

  it('opens the circuit after consecutive failures so a down provider costs a turn nothing, then recovers', async () => {
    const clock = { t: 1_000_000 };
    const speech = service({ SPEECH_BREAKER_FAILURES: '3', SPEECH_BREAKER_COOLDOWN_MS: '30000' }, () => clock.t);
    stub.behave({ fail: 500 });
    try {
      const before = stub.requests.length;
      for (let i = 0; i < 3; i++) expect(await speech.audioFor(companyId, voice, sentence('down'), { budgetMs: 2500 })).toBeNull();
      expect(stub.requests.length).toBe(before + 3);
      const open: number[] = [];
      for (let i = 0; i < 50; i++) {
        const started = performance.now();
        expect(await speech.audioFor(companyId, voice, sentence('while open'), { budgetMs: 2500 })).toBeNull();
        open.push(performance.now() - started);
      }
      expect(stub.requests.length).toBe(before + 3);
      figures['turn cost with circuit open (no request) p50 ms'] = [...open].sort((a, b) => a - b)[25]!.toFixed(3);
      // Another key is not affected.
      stub.behave({});
      expect(await speech.audioFor(companyId, { ...voice, apiKey: COMPANY_KEY }, sentence('other key'), { budgetMs: 2500 })).toMatchObject({ cached: false });
      // After the cool-down one trial goes out; it fails, so the circuit opens again.
      stub.behave({ fail: 500 });
      clock.t += 30_000;
      expect(await speech.audioFor(companyId, voice, sentence('trial'), { budgetMs: 2500 })).toBeNull();
      expect(await speech.audioFor(companyId, voice, sentence('reopened'), { budgetMs: 2500 })).toBeNull();
      expect(stub.requests.length).toBe(before + 5);
    } finally {
      stub.behave({});
    }
    clock.t += 30_000;
    const recovered = await speech.audioFor(companyId, voice, sentence('recovered'), { budgetMs: 2500 });
    expect(recovered).toMatchObject({ cached: false });
    expect(await speech.audioFor(companyId, voice, sentence('closed'), { budgetMs: 2500 })).toMatchObject({ cached: false });
    expect(log.lines().some((l) => l.msg === 'ElevenLabs circuit opened: speaking without it for the cool-down' && l.companyId === companyId)).toBe(true);
    figures['breaker'] = '3 failures open it; 50 turns while open made 0 requests; after 30 s one trial; success closes it';
  });

  it('writes warnings with the company and the text length and fingerprint, never a key or the text', () => {
    const warnings = log.lines().filter((l) => l.msg === 'speech synthesis failed');
    expect(warnings.length).toBeGreaterThan(0);
    for (const w of warnings) expect(w).toMatchObject({ companyId: expect.any(String), textLength: expect.any(Number), textSha: expect.stringMatching(/^[0-9a-f]{12}$/) });
    const text = log.text();
    for (const secret of [PLATFORM_KEY, COMPANY_KEY, 'sk_wrong_key_for_this_test', CALLER_NAME, 'Thanks,']) expect(text).not.toContain(secret);
  });
});
