import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApp, type TestApp } from '../helpers/app.ts';
import { businessMorning } from '../helpers/calls.ts';
import { login } from '../helpers/factories.ts';

let t: TestApp;
let companyId: string;
let headers: { cookie: string };
beforeAll(async () => {
  t = await createDemoApp({ clock: () => businessMorning('America/Chicago') });
  headers = (await login(t.app, 'owner@rapidrooter.example', t.config.demoPassword)).headers;
  companyId = (await t.app.inject({ method: 'GET', url: '/api/companies', headers })).json().items[0].id;
});
afterAll(async () => t?.close());

describe('chatting with the agent', () => {
  it('greets, answers, records the conversation as a web call, and replays a repeated turn', async () => {
    const chat = (payload: object) => t.app.inject({ method: 'POST', url: `/api/companies/${companyId}/agent/chat`, headers, payload });
    const hello = (await chat({})).json();
    expect(hello).toMatchObject({ seq: 0, next: 'listen', conversationId: expect.stringMatching(/^WEB[0-9a-f]{32}$/) });
    expect(hello.say).toMatch(/Rapid Rooter/);
    // Written, not spoken: no "Thanks for calling" in a chat window.
    expect(hello.say).not.toMatch(/calling|you'?ve reached/i);
    const answer = (await chat({ conversationId: hello.conversationId, text: 'do you fix water heaters' })).json();
    expect(answer.seq).toBe(1);
    expect(answer.say.length).toBeGreaterThan(10);
    expect((await chat({ conversationId: hello.conversationId, text: 'something else entirely', seq: 1 })).json()).toEqual(answer);

    const calls = (await t.app.inject({ method: 'GET', url: `/api/companies/${companyId}/calls?limit=50`, headers })).json().items;
    const web = calls.find((c: { callSid: string }) => c.callSid === hello.conversationId);
    expect(web).toMatchObject({ channel: 'web', turnCount: 1 });
    const detail = (await t.app.inject({ method: 'GET', url: `/api/companies/${companyId}/calls/${web.id}`, headers })).json();
    expect(detail.transcript.map((x: { callerText: string | null }) => x.callerText)).toEqual([null, 'do you fix water heaters']);
  });

  it('speaks a changed greeting on the very next conversation (settings are cached, but forgotten on change)', async () => {
    const chat = () => t.app.inject({ method: 'POST', url: `/api/companies/${companyId}/agent/chat`, headers, payload: {} });
    expect((await chat()).json().say).toMatch(/Rapid Rooter/);
    const current = (await t.app.inject({ method: 'GET', url: `/api/companies/${companyId}/agent-settings`, headers })).json().settings;
    const greetings = { ...current.greetings, openHours: 'Rapid Rooter, fresh greeting here. What can we fix today?' };
    const put = await t.app.inject({ method: 'PUT', url: `/api/companies/${companyId}/agent-settings`, headers, payload: { settings: { ...current, greetings } } });
    expect(put.statusCode, put.body).toBe(200);
    expect((await chat()).json().say).toBe('Rapid Rooter, fresh greeting here. What can we fix today?');
  });

  it('opens the website widget only with the company key, and refuses an unknown conversation', async () => {
    const { widgetKey } = (await t.app.inject({ method: 'GET', url: `/api/companies/${companyId}/widget`, headers })).json();
    const widget = (key: string, payload: object = {}) => t.app.inject({ method: 'POST', url: `/api/widget/${key}/chat`, payload });
    const hello = await widget(widgetKey);
    expect(hello.statusCode).toBe(200);
    expect(hello.json().say).toMatch(/Rapid Rooter/);
    const forged = `${widgetKey.slice(0, -4)}AAAA`;
    expect((await widget(forged)).statusCode).toBe(404);
    expect((await widget('cvw_nonsense')).statusCode).toBe(404);
    const stranger = await widget(widgetKey, { conversationId: `WEB${'0'.repeat(32)}`, text: 'hi' });
    expect([stranger.statusCode, stranger.json().error.code]).toEqual([404, 'NOT_FOUND']);
  });
});
