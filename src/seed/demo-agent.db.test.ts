import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { login } from '../../test/helpers/factories.ts';
import { seedDemo } from './demo.ts';

describe('demo agents', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.app.ctx.services, t.config, { onlyIfEmpty: true });
  });
  afterAll(async () => t?.close());

  it('gives each demo company a saved agent and voice that pass the same checks as the API', async () => {
    for (const [email, agentName, provider] of [['owner@rapidrooter.example', 'Rosa', 'elevenlabs'], ['owner@polarair.example', 'Jordan', 'twilio']] as const) {
      const owner = await login(t.app, email, t.config.demoPassword);
      const [company] = (await t.app.inject({ method: 'GET', url: '/api/companies', headers: owner.headers })).json().items;
      const get = async (path: string) => (await t.app.inject({ method: 'GET', url: `/api/companies/${company.id}/${path}`, headers: owner.headers })).json();
      const agent = await get('agent-settings');
      expect(agent).toMatchObject({ version: 1, settings: { agentName, transferWhen: { callerAsksForPerson: true, emergency: true } } });
      expect(agent.settings.transferNumbers.main).toMatch(/^\+1\d{10}$/);
      expect((await get('voice-settings')).settings.provider).toBe(provider);
      // Saving the seeded document back unchanged is accepted: it is valid as the API sees it.
      const again = await t.app.inject({ method: 'PUT', url: `/api/companies/${company.id}/agent-settings`, headers: owner.headers, payload: { settings: agent.settings, expectedVersion: 1 } });
      expect(again.statusCode, again.body).toBe(200);
    }
  });
});
