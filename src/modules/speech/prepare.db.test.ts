import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareSpeech } from '../../jobs/handlers/prepare-speech.ts';
import type { JobContext } from '../../jobs/types.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createCompany } from '../../../test/helpers/factories.ts';
import { startElevenLabsStub, type ElevenLabsStub } from '../../../test/stubs/elevenlabs.ts';
import type { VoiceProfile } from './speech.types.ts';

const KEY = 'sk_platform_prepare_0123456789';
const voice: VoiceProfile = { provider: 'elevenlabs', voiceId: '21m00Tcm4TlvDq8ikWAM', modelId: 'eleven_flash_v2_5', stability: 0.5, similarityBoost: 0.75, style: 0, speed: 1, apiKey: null };
const job = (): JobContext => ({ id: 'job-1', retryCount: 0, signal: new AbortController().signal });

describe('speech pre-synthesis', () => {
  let stub: ElevenLabsStub;
  let t: TestApp;
  let companyId: string;

  beforeAll(async () => {
    stub = await startElevenLabsStub({ apiKeys: [KEY] });
    t = await createTestApp({ env: { ELEVENLABS_BASE_URL: stub.url, ELEVENLABS_API_KEY: KEY, SPEECH_BREAKER_FAILURES: '100' } });
    companyId = (await createCompany(t.app)).id;
  });
  afterAll(async () => {
    await t?.close();
    await stub?.close();
  });

  it('synthesises each distinct phrase once, and a call then finds them cached within any budget', async () => {
    const speech = t.app.ctx.services.speech;
    const phrases = ['Thanks for calling Rapid Rooter.', 'Sorry, I did not catch that.', 'Thanks for calling Rapid Rooter.', ''];
    const before = stub.requests.length;
    expect(await speech.prepare(companyId, voice, phrases)).toEqual({ cached: 0, synthesized: 2, failed: 0, skipped: false });
    expect(stub.requests.length).toBe(before + 2);
    expect(await speech.prepare(companyId, voice, phrases)).toEqual({ cached: 2, synthesized: 0, failed: 0, skipped: false });
    const turn = await speech.audioFor(companyId, voice, 'Sorry, I did not catch that.', { budgetMs: 100 });
    expect(turn).toMatchObject({ cached: true });
    expect(stub.requests.length).toBe(before + 2);
  });

  it('skips Twilio voices without a request', async () => {
    const before = stub.requests.length;
    expect(await t.app.ctx.services.speech.prepare(companyId, { ...voice, provider: 'twilio' }, ['Hello.'])).toMatchObject({ skipped: true });
    expect(stub.requests.length).toBe(before);
  });

  it('as a job: fails (to be retried) when ElevenLabs fails, keeps what it made, and does nothing without a plan', async () => {
    const speech = t.app.ctx.services.speech;
    const plans: Record<string, { profile: VoiceProfile; texts: string[] }> = { [companyId]: { profile: voice, texts: ['Job phrase one.', 'Job phrase two.'] } };
    const handler = prepareSpeech(speech, async (id) => plans[id] ?? null);

    stub.behave({ fail: 500 });
    try {
      await expect(handler({ companyId }, job())).rejects.toThrow('speech pre-synthesis: 2 of 2 texts failed');
    } finally {
      stub.behave({});
    }
    expect(await handler({ companyId }, job())).toEqual({ cached: 0, synthesized: 2, failed: 0, skipped: false });
    expect(await handler({ companyId }, job())).toEqual({ cached: 2, synthesized: 0, failed: 0, skipped: false });
    const other = (await createCompany(t.app)).id;
    expect(await handler({ companyId: other }, job())).toMatchObject({ skipped: true });
  });
});
