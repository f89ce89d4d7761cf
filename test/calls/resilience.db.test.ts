import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.ts';
import { connectDatabase, type Database } from '../../src/db/connect.ts';
import { createDemoApp, type TestApp } from '../helpers/app.ts';
import { businessMorning, injectTransport, phoneCall } from '../helpers/calls.ts';
import { createSimulatedCall, type WebhookTransport } from '../../src/cli/call/simulated-call.ts';
import { startOpenAiStub, type OpenAiStub } from '../stubs/openai.ts';

const RAPID_ROOTER = '+13125550142';
const clock = () => businessMorning('America/Chicago');

describe('when the language model fails', () => {
  let t: TestApp;
  let model: OpenAiStub;
  beforeAll(async () => {
    model = await startOpenAiStub();
    t = await createDemoApp({ clock, env: { LLM_BASE_URL: model.baseUrl, LLM_MODEL: 'test-model', LLM_TURN_BUDGET_MS: '600' } });
  });
  afterAll(async () => {
    await t?.close();
    await model?.close();
  });

  it('answers every turn with the embedded engine instead: model down, then slow', async () => {
    model.script({ status: 500, body: '{"error":{"message":"overloaded"}}' }, { delayMs: 5000, then: { content: 'too late' } });
    const call = phoneCall(t.app, t.config, RAPID_ROOTER, '+13125550160');
    await call.start();
    const down = await call.say('what are your hours on saturday');
    const startedSlow = performance.now();
    const slow = await call.say('do you fix water heaters');
    const slowMs = performance.now() - startedSlow;
    for (const step of [down, slow]) {
      expect(step.status).toBe(200);
      expect(step.next.kind).toBe('listen');
      expect(step.said.join(' ')).not.toMatch(/trouble on my end|too late/);
      expect(step.said.join(' ').length).toBeGreaterThan(10);
    }
    // The slow model costs the turn its budget, not Twilio's 15 s.
    expect(slowMs).toBeLessThan(600 + 1500);
    const companyId = (await t.app.ctx.services.phoneNumbers.lookup(RAPID_ROOTER))!.companyId;
    const record = (await t.app.ctx.services.calls.findBySid(companyId, call.callSid))!;
    const detail = await t.app.ctx.services.calls.get(companyId, record.id);
    expect(detail.transcript.slice(1).map((x) => x.engine)).toEqual(['fallback', 'fallback']);
  });
});

describe('two app instances on one database', () => {
  let t: TestApp;
  let second: { app: App; database: Database; ownsDatabase: boolean };
  beforeAll(async () => {
    t = await createDemoApp({ clock });
    // A second process: its own app and, on a real server, its own connection pool.
    const database = t.database.url ? await connectDatabase({ databaseUrl: t.database.url, poolMax: 3 }) : t.database;
    const app = await buildApp({ config: t.config, database, clock });
    await app.ready();
    second = { app, database, ownsDatabase: database !== t.database };
  });
  afterAll(async () => {
    await second?.app.close();
    if (second?.ownsDatabase) await second.database.close();
    await t?.close();
  });

  it('serves alternate turns of one call from either instance, with nothing lost between them', async () => {
    const transports = [injectTransport(t.app, t.config), injectTransport(second.app, t.config)];
    let turn = 0;
    const alternating: WebhookTransport = { post: (url, params, signature) => transports[turn++ % 2]!.post(url, params, signature) };
    const call = createSimulatedCall({ publicUrl: t.config.publicUrl, authToken: t.config.twilioAuthToken!, transport: alternating, from: '+13125550161', to: RAPID_ROOTER });
    await call.start();
    // The details are read back with the times: picking one books it.
    const lines = ['my bathroom sink is clogged and I need someone to come out', 'Jordan Blake', 'yes', '233 South Wacker Drive', '60606', 'tomorrow morning', 'the first one'];
    const said: string[] = [];
    for (const line of lines) said.push(...(await call.say(line)).said);
    expect(said.at(-1)).toMatch(/booked for/);
    const companyId = (await t.app.ctx.services.phoneNumbers.lookup(RAPID_ROOTER))!.companyId;
    const record = (await second.app.ctx.services.calls.findBySid(companyId, call.callSid))!;
    const detail = await t.app.ctx.services.calls.get(companyId, record.id);
    expect(detail.transcript.map((x) => x.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(detail.outcome).toBe('booked');
  });
});
