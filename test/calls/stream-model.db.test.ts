import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeStreamPeers, ownerApi, say, startStreamPeers, streamCall, type StreamPeers } from '../helpers/stream-calls.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { startOpenAiStub, type OpenAiStub } from '../stubs/openai.ts';

/**
 * Media Streams calls answered by a language model that streams (loopback Deepgram, ElevenLabs
 * stream-input and OpenAI-compatible servers): synthesis of the first sentence starts while the
 * model is still writing, the rest joins the same reply, and the record holds all of it.
 */
const RAPID_ROOTER = '+13125550142';
const LLM_KEY = 'sk-stream-model-test';

let peers: StreamPeers;
let model: OpenAiStub;
let rapid: Awaited<ReturnType<typeof ownerApi>>;

beforeAll(async () => {
  model = await startOpenAiStub({ apiKey: LLM_KEY });
  peers = await startStreamPeers({ STREAM_SILENCE_MS: '5000', LLM_BASE_URL: model.baseUrl, LLM_API_KEY: LLM_KEY, LLM_TURN_BUDGET_MS: '5000' });
  rapid = await ownerApi(peers.t, 'owner@rapidrooter.example');
});
afterAll(async () => {
  await closeStreamPeers(peers);
  await model?.close();
});
beforeEach(() => {
  model.requests.length = 0;
  expect(model.pending()).toBe(0);
});

describe('Media Streams with a streaming language model', () => {
  it('starts speaking the first sentence while the model writes on; one reply, recorded whole', async () => {
    const { call, stream } = await streamCall(peers, RAPID_ROOTER, '+13125550186');
    const reply = 'Sorry to hear about the drain. We can usually clear a kitchen clog in one visit. What is the ZIP code there?';
    model.script({ content: reply, gapMs: 40 });
    const heard = await say(peers, stream, 'my kitchen drain is clogged and backing up');

    expect(heard.text).toBe(reply);
    expect(heard.bytes).toBe(heard.synthesis.bytes);
    // The voice had its first words before the model had finished its answer.
    expect(model.requests[0]!.body.stream).toBe(true);
    expect(heard.synthesis.textAt!).toBeLessThan(model.requests[0]!.endedAt!);
    const turn = await waitFor('the turn heard', async () => {
      const record = await rapid.callOf(call.callSid);
      const t1 = (record.transcript as { seq: number; agentText: string; engine: string; firstSentMs: number | null; firstHeardMs: number | null }[])[1];
      return t1 && t1.firstHeardMs !== null && t1;
    });
    expect(turn).toMatchObject({ seq: 1, agentText: reply, engine: 'llm', transport: 'stream' });
    expect(turn.firstSentMs).toBeGreaterThanOrEqual(0);
    expect(turn.firstHeardMs!).toBeGreaterThanOrEqual(turn.firstSentMs!);
    await stream.close();
    await call.hangUp();
  });
});
