import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createEmbeddedEngine } from '../embedded/engine.ts';
import { createFallbackEngine, type FallbackEngineOptions } from './fallback-engine.ts';
import { NOW, SERVICE_ID, SLOT_STARTS, turnInput } from './in-memory-tools.fixture.ts';
import { createLlmEngine } from './llm-engine.ts';
import { useModelStub } from './model-stub.fixture.ts';

const model = useModelStub();

const logger = pino({ level: 'silent' });
const BUDGET_MS = 400;
/** What a turn may take beyond the budget: the grace for the model to hand over, then the embedded engine. */
const MARGIN_MS = 250;

function engine(options: Partial<FallbackEngineOptions> = {}) {
  const llm = createLlmEngine({ baseUrl: model.stub.baseUrl, model: 'test-model', logger });
  return createFallbackEngine(llm, createEmbeddedEngine(), { budgetMs: BUDGET_MS, logger, ...options });
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - started };
}

describe('a turn with a time budget', () => {
  it('answers with the embedded engine within the budget when the model is slow', async () => {
    model.stub.script({ delayMs: 5000, then: { content: 'Too late.' } });
    const { value, ms } = await timed(() => engine().respondTracked(turnInput('Do you offer a warranty?', 1), model.tools));
    expect(ms).toBeGreaterThanOrEqual(BUDGET_MS - 5);
    expect(ms).toBeLessThan(BUDGET_MS + MARGIN_MS);
    expect(value).toMatchObject({ engine: 'fallback', reason: 'timeout' });
    expect(value.result.say).toContain('90-day warranty');
    expect(value.result.next).toEqual({ kind: 'listen' });
  });

  it('answers with the embedded engine at once when the model fails', async () => {
    model.stub.script({ status: 500 });
    const { value, ms } = await timed(() => engine().respondTracked(turnInput('Do you offer a warranty?', 1), model.tools));
    expect(value).toMatchObject({ engine: 'fallback', reason: 'server_error' });
    expect(value.result.say).toContain('90-day warranty');
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it('answers with the model when it is in time', async () => {
    model.stub.script({ content: 'Every repair has a ninety-day warranty.' });
    const { value } = await timed(() => engine().respondTracked(turnInput('Do you offer a warranty?', 1), model.tools));
    expect(value).toEqual({ engine: 'llm', result: expect.objectContaining({ say: 'Every repair has a ninety-day warranty.' }) });
  });

  it('hands the embedded engine what the model\'s turn learned before it ran out of time', async () => {
    model.stub.script({ toolCalls: [{ name: 'find_slots', arguments: { service_id: SERVICE_ID, zip: '60601' } }] }, { delayMs: 5000 });
    const { value } = await timed(() => engine().respondTracked(turnInput('I have a leak at 60601', 1), model.tools));
    expect(value.engine).toBe('fallback');
    expect(value.result.state.facts).toMatchObject({ zip: '60601' });
  });

  it('says what the server did when the model runs out of time after holding a slot', async () => {
    model.stub.script(
      { toolCalls: [{ name: 'hold_slot', arguments: { service_id: SERVICE_ID, start: SLOT_STARTS[0], zip: '60601', name: 'Jane Doe', address: '1450 N Dearborn St' } }] },
      { delayMs: 5000 },
    );
    const { value, ms } = await timed(() => engine().respondTracked(turnInput('Jane Doe, 1450 N Dearborn St, 60601, Tuesday at noon', 1), model.tools));
    expect(ms).toBeLessThan(BUDGET_MS + MARGIN_MS);
    expect(value.engine).toBe('llm');
    expect(value.result.say).toMatch(/^Let me read that back: Leak repair on Tuesday, June second, between noon and four/);
    expect(value.result.state.bookingId).toBe('booking-1');
  });

  it('lets the model read, next turn, what the caller heard from the fallback', async () => {
    model.stub.script({ status: 500 });
    const first = await engine().respondTracked(turnInput('Do you offer a warranty?', 1), model.tools);
    model.stub.script({ content: 'Anything else?' });
    await engine().respondTracked(turnInput('Thanks. And do you do drains?', 2, first.result.state), model.tools);
    const messages = model.stub.requests[1]!.body.messages;
    expect(messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(messages[2]!.content).toBe(first.result.say);
  });
});

describe('turns the embedded engine owns', () => {
  it('re-prompts silence and unclear speech without asking the model', async () => {
    const silence = await engine().respondTracked(turnInput(null, 1), model.tools);
    expect(silence.engine).toBe('embedded');
    expect(silence.result.intent).toBe('silence');
    const unclear = await engine().respondTracked({ ...turnInput('mumble', 2), utterance: { text: 'mumble', confidence: 0.1 } }, model.tools);
    expect(unclear.engine).toBe('embedded');
    expect(model.stub.requests).toHaveLength(0);
  });

  it('wraps up a call past its time limit', async () => {
    const late = { ...turnInput('one more thing', 9), now: new Date(NOW.getTime() + 601_000) };
    const result = await engine().respondTracked(late, model.tools);
    expect(result.engine).toBe('embedded');
    expect(model.stub.requests).toHaveLength(0);
  });

  it('skips a failing model for a while, so its failures cost no turn a wait', async () => {
    const breaking = engine({ breakerFailures: 2, breakerCooldownMs: 60_000 });
    model.stub.script({ status: 500 }, { status: 500 });
    await breaking.respondTracked(turnInput('Do you offer a warranty?', 1), model.tools);
    await breaking.respondTracked(turnInput('Do you offer a warranty?', 2), model.tools);
    const skipped = await breaking.respondTracked(turnInput('Do you offer a warranty?', 3), model.tools);
    expect(skipped).toMatchObject({ engine: 'fallback', reason: 'circuit_open' });
    expect(model.stub.requests).toHaveLength(2);
  });
});
