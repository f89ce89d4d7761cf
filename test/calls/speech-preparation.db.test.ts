import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { businessMorning, phoneCall } from '../helpers/calls.ts';
import { createCompany, createUserSession, loginAdmin } from '../helpers/factories.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { startElevenLabsStub, type ElevenLabsStub } from '../stubs/elevenlabs.ts';

const KEY = 'platform-eleven-key-prepare-0123';

describe('speech prepared ahead of calls', () => {
  let t: TestApp;
  let eleven: ElevenLabsStub;
  beforeAll(async () => {
    eleven = await startElevenLabsStub({ apiKeys: [KEY] });
    t = await createTestApp({ jobs: true, clock: () => businessMorning('America/Chicago'), env: { ELEVENLABS_BASE_URL: eleven.url, ELEVENLABS_API_KEY: KEY } });
  });
  afterAll(async () => {
    await t?.close();
    await eleven?.close();
  });

  it('synthesises the greetings when the voice changes, so the first call plays them from the cache', async () => {
    const company = await createCompany(t.app, { name: 'Prepared Plumbing' });
    const owner = await createUserSession(t.app, company.id, 'owner');
    const assigned = await t.app.inject({ method: 'POST', url: `/api/companies/${company.id}/phone-numbers`, headers: (await loginAdmin(t.app)).headers, payload: { number: '(312) 555-0171' } });
    expect(assigned.statusCode).toBe(201);
    const put = await t.app.inject({
      method: 'PUT', url: `/api/companies/${company.id}/voice-settings`, headers: owner.headers,
      payload: { settings: { provider: 'elevenlabs', voiceId: '21m00Tcm4TlvDq8ikWAM', modelId: 'eleven_flash_v2_5' } },
    });
    expect(put.statusCode, put.body).toBe(200);
    await waitFor('greetings synthesised', () => (eleven.requests.length >= 4 ? true : undefined), 15_000);
    const texts = eleven.requests.map((r) => (r.body as { text: string }).text);
    expect(texts.some((text) => text.includes('Prepared Plumbing'))).toBe(true);

    const before = eleven.requests.length;
    const greeting = await phoneCall(t.app, t.config, '+13125550171').start();
    expect(greeting.played).toHaveLength(1);
    expect(eleven.requests.length).toBe(before);
  });
});
