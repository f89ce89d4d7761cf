import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { SERVICE_ID, testProfile, turnInput } from './in-memory-tools.fixture.ts';
import { createLlmEngine, type LlmEngineOptions } from './llm-engine.ts';
import { MAX_HISTORY_MESSAGES, readMemory } from './llm-memory.ts';
import { LlmTurnError } from './llm-turn-error.ts';
import { useModelStub } from './model-stub.fixture.ts';

const KEY = 'sk-platform-9f8e7d6c5b4a';
const model = useModelStub({ apiKey: KEY });
const engine = (options: Partial<LlmEngineOptions> = {}) =>
  createLlmEngine({ baseUrl: model.stub.baseUrl, model: 'test-model', platformApiKey: KEY, logger: pino({ level: 'silent' }), ...options });

async function failure(promise: Promise<unknown>): Promise<LlmTurnError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(LlmTurnError);
  return error as LlmTurnError;
}

describe('language-model engine: what the model gets wrong', () => {
  it('answers arguments that are not JSON, or the wrong shape, with what to fix, and carries on', async () => {
    model.stub.script(
      { toolCalls: [{ name: 'find_slots', arguments: '{"service_id": "svc-leak", "zip": ' }, { name: 'hold_slot', arguments: { service_id: SERVICE_ID, start: 42 } }] },
      { content: 'What ZIP code is the visit at?' },
    );
    const result = await engine().respond(turnInput('I need a plumber', 1), model.tools);
    const [notJson, wrongShape] = model.toolResults(1);
    expect(notJson).toMatchObject({ ok: false, error: 'invalid_arguments' });
    expect(notJson!.message).toContain('not valid JSON');
    expect(wrongShape).toMatchObject({ ok: false, error: 'invalid_arguments' });
    expect(wrongShape!.message).toMatch(/start|zip|name/);
    expect(model.tools.calls.map((c) => c.tool)).toEqual(['detectEmergency']);
    expect(result.say).toBe('What ZIP code is the visit at?');
  });

  it('answers an unknown tool with the list of tools', async () => {
    model.stub.script({ toolCalls: [{ name: 'launch_rockets', arguments: {} }] }, { content: 'How can I help?' });
    await engine().respond(turnInput('hello', 1), model.tools);
    expect(model.toolResults(1)[0]).toMatchObject({ ok: false, error: 'unknown_tool' });
    expect(model.toolResults(1)[0]!.message).toContain('find_slots');
  });

  it('refuses a service the company does not offer and passes business refusals on', async () => {
    model.stub.script(
      { toolCalls: [{ name: 'find_slots', arguments: { service_id: 'made-up', zip: '60601' } }, { name: 'find_slots', arguments: { service_id: SERVICE_ID, zip: '99999' } }] },
      { content: "Sorry, we don't serve that area." },
    );
    await engine().respond(turnInput('Can you come to 99999?', 1), model.tools);
    expect(model.toolResults(1)).toEqual([
      expect.objectContaining({ ok: false, code: 'UNKNOWN_SERVICE' }),
      expect.objectContaining({ ok: false, code: 'OUT_OF_SERVICE_AREA' }),
    ]);
  });

  it('gives up after a few rounds of tool calls that lead nowhere', async () => {
    const loop = { toolCalls: [{ name: 'search_knowledge', arguments: { question: 'hours?' } }] };
    model.stub.script(loop, loop, loop, loop);
    expect((await failure(engine().respond(turnInput('what are your hours', 1), model.tools))).reason).toBe('too_many_rounds');
    expect(model.stub.requests).toHaveLength(4);
  });

  it.each([
    ['HTTP 500', { status: 500 }, 'server_error'],
    ['HTTP 429', { status: 429 }, 'rate_limited'],
    ['HTTP 400', { status: 400 }, 'rejected'],
    ['a body that is not JSON', { broken: 'not_json' as const }, 'malformed'],
    ['a body without choices', { broken: 'no_choices' as const }, 'malformed'],
    ['tool calls of the wrong shape', { broken: 'bad_tool_calls' as const }, 'malformed'],
    ['an empty answer', { content: '   ' }, 'empty_reply'],
  ])('fails the turn on %s, for the fallback to answer', async (_what, step, reason) => {
    model.stub.script(step);
    const error = await failure(engine().respond(turnInput('hello', 1), model.tools));
    expect(error.reason).toBe(reason);
  });

  it('fails the turn when the endpoint is unreachable', async () => {
    const error = await failure(engine({ baseUrl: 'http://127.0.0.1:9/v1' }).respond(turnInput('hello', 1), model.tools));
    expect(error.reason).toBe('network');
  });

  it('hands over what the turn learned when it fails', async () => {
    model.stub.script({ toolCalls: [{ name: 'find_slots', arguments: { service_id: SERVICE_ID, zip: '60601' } }] }, { status: 503 });
    const error = await failure(engine().respond(turnInput('Leak at 60601', 1), model.tools));
    expect(error.state.facts).toMatchObject({ zip: '60601', serviceId: SERVICE_ID });
  });
});

describe('language-model engine: calls that end', () => {
  it('reads the safety instruction and transfers an emergency to the on-call number', async () => {
    model.stub.script(
      { toolCalls: [{ name: 'detect_emergency', arguments: { description: 'I smell gas in the basement' } }] },
      { content: 'Leave the house now and call the gas company from outside. I am connecting you to our on-call technician.', toolCalls: [{ name: 'transfer_call', arguments: { reason: 'emergency' } }] },
    );
    const result = await engine().respond(turnInput('I smell gas in the basement!', 1), model.tools);
    expect(result.next).toEqual({ kind: 'transfer', to: '+13125550199' });
    expect(result.outcome).toBe('emergency');
    expect(result.intent).toBe('emergency.gas_leak');
    expect(result.say).toContain('Leave the house now');
    expect(result.state.facts.emergency).toBe(true);
  });

  it('says the safety instruction first even when the model never checks for an emergency', async () => {
    model.stub.script({ content: "I'm connecting you with our on-call technician.", toolCalls: [{ name: 'transfer_call', arguments: { reason: 'emergency' } }] });
    const result = await engine().respond(turnInput('There is a strong gas smell in my kitchen', 1), model.tools);
    expect(result.say).toBe("Leave the house now and call the gas company from outside. I'm connecting you with our on-call technician.");
    expect(result).toMatchObject({ outcome: 'emergency', intent: 'emergency.gas_leak', next: { kind: 'transfer', to: '+13125550199' } });
    // The model was told, with the caller's words, that the instruction is being read.
    expect(model.stub.requests[0]!.body.messages.at(-1)!.content).toContain('[Server note: this is an emergency (Gas leak).');
  });

  it('does not transfer when the company takes no transfers, and says so', async () => {
    model.stub.script({ toolCalls: [{ name: 'transfer_call', arguments: { reason: 'caller_asked' } }] }, { content: "Nobody's free right now, but I can take a message." });
    const profile = testProfile({ transferWhen: { callerAsksForPerson: false, emergency: false, afterMisunderstandings: 0 } });
    const result = await engine().respond(turnInput('Let me talk to a person', 1, undefined, profile), model.tools);
    expect(model.toolResults(1)[0]).toMatchObject({ ok: false, code: 'NO_TRANSFER' });
    expect(result.next).toEqual({ kind: 'listen' });
  });

  it('takes a message with the caller id as callback number, once per key', async () => {
    const step = { toolCalls: [{ name: 'take_message', arguments: { name: 'Sam Lee', message: 'Please call about a quote for a water heater.' } }] };
    model.stub.script(step, { content: 'Got it, someone will call you back.' });
    const result = await engine().respond(turnInput('Can someone call me back about a water heater quote? I am Sam Lee.', 3), model.tools);
    expect(result.outcome).toBe('message');
    expect(model.tools.messages).toEqual([{ name: 'Sam Lee', callbackNumber: '+13125550123', body: 'Please call about a quote for a water heater.', urgent: false, key: 'CA0001:3:take_message:1' }]);
    // Twilio retries the turn: the same key, no second message.
    model.stub.script(step, { content: 'Got it.' });
    await engine().respond(turnInput('Can someone call me back about a water heater quote? I am Sam Lee.', 3), model.tools);
    expect(model.tools.messages).toHaveLength(1);
  });

  it('hangs up with a goodbye when the model ends the call without words', async () => {
    model.stub.script({ toolCalls: [{ name: 'end_call', arguments: {} }] });
    const result = await engine().respond(turnInput("That's all, thanks", 4), model.tools);
    expect(result).toMatchObject({ next: { kind: 'hangup' }, say: 'Thanks for calling Rapid Rooter. Goodbye.' });
  });
});

describe('language-model engine: memory and secrets', () => {
  it('keeps a bounded history that the endpoint accepts turn after turn', async () => {
    let state = turnInput('x', 1).state;
    for (let seq = 1; seq <= 25; seq++) {
      model.stub.script({ toolCalls: [{ name: 'search_knowledge', arguments: { question: `question ${seq}` } }] }, { content: `Answer ${seq}.` });
      state = (await engine().respond(turnInput(`Question number ${seq}?`, seq, state), model.tools)).state;
    }
    const memory = readMemory(state);
    expect(memory.messages.length).toBeLessThanOrEqual(MAX_HISTORY_MESSAGES);
    expect(memory.messages[0]!.role).toBe('user');
    expect(memory.messages.at(-1)).toEqual({ role: 'assistant', content: 'Answer 25.' });
    // The stub refuses histories that break the protocol (orphaned tool results): none was refused.
    expect(model.stub.requests).toHaveLength(50);
  });

  it('uses the company\'s own key over the platform\'s, and never logs either', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'trace' }, new Writable({ write: (chunk: Buffer, _e, done) => { lines.push(chunk.toString()); done(); } }));
    const companyKey = 'sk-company-1a2b3c4d5e6f';
    model.stub.script({ content: 'Hi there.' });
    await engine({ logger, companyApiKey: async () => null }).respond(turnInput('hi', 1), model.tools);
    expect(model.stub.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    // The stub accepts only the platform key: the company's is refused, with the key in the body.
    const error = await failure(engine({ logger, companyApiKey: async () => companyKey }).respond(turnInput('hi', 2), model.tools));
    expect(model.stub.requests[1]!.headers.authorization).toBe(`Bearer ${companyKey}`);
    expect(error.reason).toBe('unauthorized');
    model.stub.script({ toolCalls: [{ name: 'find_slots', arguments: { service_id: SERVICE_ID, zip: '60601' } }] }, { status: 500, body: `upstream said ${KEY}` });
    await failure(engine({ logger }).respond(turnInput('hi', 3), model.tools));
    const logged = lines.join('');
    expect(lines.length).toBeGreaterThan(0);
    expect(logged).not.toContain(companyKey);
    expect(logged).not.toContain(KEY);
    expect(logged).not.toContain('sk-');
  });
});
