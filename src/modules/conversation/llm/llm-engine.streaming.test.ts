import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { SERVICE_ID, SLOT_STARTS, turnInput } from './in-memory-tools.fixture.ts';
import { createLlmEngine } from './llm-engine.ts';
import { useModelStub } from './model-stub.fixture.ts';

/**
 * The engine on a streaming call: the model's answer arrives as server-sent events and whole
 * sentences go to the transport while the model writes on (speakEarly). What goes early and
 * what the turn's reply then is.
 */
const KEY = 'sk-streaming-test';
const model = useModelStub({ apiKey: KEY });
const engine = () => createLlmEngine({ baseUrl: model.stub.baseUrl, model: 'test-model', platformApiKey: KEY, logger: pino({ level: 'silent' }) });

function streamedTurn(text: string, seq = 1, state?: Parameters<typeof turnInput>[2]) {
  const early: string[] = [];
  return { early, input: { ...turnInput(text, seq, state), speakEarly: (s: string) => early.push(s) } };
}

describe('language-model engine: streamed answers', () => {
  it('speaks whole sentences as they come, across a tool round, and its reply begins with them, each once', async () => {
    model.stub.script(
      { content: 'Sure thing. Let me look at the calendar.', toolCalls: [{ name: 'find_slots', arguments: { service_id: SERVICE_ID, zip: '60601', when: 'tomorrow afternoon' } }] },
      { content: 'I have Tuesday afternoon between noon and four. Does that work?' },
    );
    const { early, input } = streamedTurn('can someone look at my leaking sink tomorrow afternoon, zip 60601');
    const result = await engine().respond(input, model.tools);

    // The words beside the tool call wait, as without a stream, except a sentence already whole.
    expect(early).toEqual(['Sure thing.', 'I have Tuesday afternoon between noon and four.', 'Does that work?']);
    expect(result.say).toBe('Sure thing. I have Tuesday afternoon between noon and four. Does that work?');
    expect(model.stub.requests.map((r) => r.body.stream)).toEqual([true, true]);
    // The tool call, streamed in pieces, arrived whole.
    expect(model.tools.calls.find((c) => c.tool === 'findSlots')!.args).toMatchObject({ serviceId: SERVICE_ID, zip: '60601' });
  });

  it("after a write, the server's own sentence is said: nothing more of the model's goes early", async () => {
    model.stub.script(
      { content: 'Okay.', toolCalls: [{ name: 'find_slots', arguments: { service_id: SERVICE_ID, zip: '60601', when: 'tomorrow afternoon' } }] },
      { content: 'One moment while I hold that.', toolCalls: [{ name: 'hold_slot', arguments: { service_id: SERVICE_ID, start: SLOT_STARTS[0], zip: '60601', name: 'Jane Doe', address: '1450 N Dearborn St' } }] },
      { content: "You're booked for Tuesday!" },
    );
    const { early, input } = streamedTurn("I'm Jane Doe at 1450 N Dearborn St 60601, book me tomorrow afternoon");
    const result = await engine().respond(input, model.tools);

    expect(early).toEqual([]);
    expect(result.say).toMatch(/^Let me read that back: .*Jane Doe.*Is that all correct\?$/);
    expect(model.stub.requests.map((r) => r.body.stream)).toEqual([true, true, false]);
  });

  it('stops speaking early at a booking claim and lets the server answer for it', async () => {
    model.stub.script({ content: "Perfect. I've booked you for Tuesday at one. Anything else?" });
    const { early, input } = streamedTurn('book me tuesday at one');
    const result = await engine().respond(input, model.tools);

    expect(early).toEqual(['Perfect.']);
    expect(result.say).toBe("Perfect. Sorry, I haven't booked anything yet. Would you like me to find a time that works for you?");
  });

  it('takes a whole answer from a server that ignores the request to stream', async () => {
    const whole = { id: 'x', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: 'We are open until five today.' }, finish_reason: 'stop' }] };
    model.stub.script({ status: 200, body: JSON.stringify(whole) });
    const { early, input } = streamedTurn('how late are you open');
    const result = await engine().respond(input, model.tools);
    expect(early).toEqual([]);
    expect(result.say).toBe('We are open until five today.');
  });

  it('asks for a stream only when a transport listens early', async () => {
    model.stub.script({ content: 'We are open until five today.' });
    const result = await engine().respond(turnInput('how late are you open', 1), model.tools);
    expect(result.say).toBe('We are open until five today.');
    expect(model.stub.requests[0]!.body.stream).toBe(false);
  });
});
