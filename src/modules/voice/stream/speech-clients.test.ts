import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeepgramStub, type DeepgramStub } from '../../../../test/stubs/deepgram.ts';
import { startElevenLabsStreamStub, type ElevenLabsStreamStub } from '../../../../test/stubs/elevenlabs-stream.ts';
import { silence, tone } from '../../../../test/stubs/mulaw.ts';
import { createDeepgram } from './speech-to-text.ts';
import { createElevenLabsStreaming } from './text-to-speech.ts';

/** The two streaming speech clients against loopback peers speaking Deepgram's and ElevenLabs' protocols. */
let deepgram: DeepgramStub;
let elevenlabs: ElevenLabsStreamStub;
const VOICE = { provider: 'elevenlabs' as const, voiceId: '21m00Tcm4TlvDq8ikWAM', modelId: 'eleven_flash_v2_5', stability: 0.5, similarityBoost: 0.75, style: 0, speed: 1, apiKey: null };

beforeAll(async () => {
  deepgram = await startDeepgramStub({ apiKeys: ['dg-key'] });
  elevenlabs = await startElevenLabsStreamStub({ apiKeys: ['el-key'] });
});
afterAll(async () => {
  await deepgram.close();
  await elevenlabs.close();
});

describe('Deepgram live recognition client', () => {
  it('hears speech start, interim words, then the whole utterance once the caller stops', async () => {
    const events: string[] = [];
    let done!: (text: string) => void;
    const heard = new Promise<string>((r) => (done = r));
    const stt = createDeepgram({ apiKey: 'dg-key', baseUrl: deepgram.url, endpointingMs: 100 });
    const live = await stt.open({ language: 'en-US', keywords: ['drain'] }, {
      speechStarted: () => events.push('started'),
      interim: () => events.push('interim'),
      utterance: (text) => done(text),
      closed: () => events.push('closed'),
    });
    live.send(Buffer.concat([silence(100), tone(deepgram.toneFor('my drain is blocked'), 300), silence(200)]));
    expect(await heard).toBe('my drain is blocked');
    expect(events[0]).toBe('started');
    expect(events).toContain('interim');
    expect(Object.fromEntries(deepgram.connections.at(-1)!.query)).toMatchObject({ encoding: 'mulaw', sample_rate: '8000', keyterm: 'drain' });
    live.close();
    await expect.poll(() => deepgram.connections.at(-1)!.closedByClient).toBe(true);
  });

  it('is refused with a wrong key', async () => {
    const stt = createDeepgram({ apiKey: 'wrong', baseUrl: deepgram.url, endpointingMs: 100 });
    const noop = () => undefined;
    await expect(stt.open({ language: 'en-US', keywords: [] }, { speechStarted: noop, interim: noop, utterance: noop, closed: noop })).rejects.toThrow(/401/);
  });
});

describe('ElevenLabs stream-input client', () => {
  it('speaks the sentences as μ-law with their characters, then says it is done', async () => {
    const tts = createElevenLabsStreaming({ baseUrl: elevenlabs.url, platformKey: 'el-key' });
    const synthesis = await tts.open(VOICE);
    expect(synthesis.usable).toBe(true);
    let bytes = 0;
    let chars = 0;
    await new Promise<void>((resolve, reject) => {
      const input = synthesis.start({ audio: (chunk, n) => { bytes += chunk.length; chars += n; }, done: resolve, failed: reject });
      input.say('Hello there. ');
      // A sentence known later (a model still writing) joins the same reply.
      setTimeout(() => {
        input.say('How can I help?');
        input.end();
      }, 30);
    });
    const spoken = elevenlabs.syntheses.at(-1)!;
    expect(spoken.text.trim()).toBe('Hello there. How can I help?');
    expect(spoken.query.get('output_format')).toBe('ulaw_8000');
    expect(bytes).toBe(spoken.bytes);
    expect(chars).toBe(spoken.text.length);
  });

  it("is refused without a key, and uses the company's own key when it has one", async () => {
    await expect(createElevenLabsStreaming({ baseUrl: elevenlabs.url, platformKey: undefined }).open(VOICE)).rejects.toThrow(/no ElevenLabs key/);
    await expect(createElevenLabsStreaming({ baseUrl: elevenlabs.url, platformKey: 'el-key' }).open({ ...VOICE, apiKey: 'not-theirs' })).rejects.toThrow(/401/);
  });
});
