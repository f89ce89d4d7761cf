import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createCompany, createUserSession, type Session } from '../../../test/helpers/factories.ts';

interface Group {
  id: string;
  question: string;
  examples: string[];
  askCount: number;
  firstAskedAt: string;
  lastAskedAt: string;
}

describe('unanswered questions', () => {
  let t: TestApp;
  let companyId: string;
  let owner: Session;
  const url = (path = '') => `/api/companies/${companyId}/unanswered-questions${path}`;
  const groups = async () => (await t.app.inject({ method: 'GET', url: url(), headers: owner.headers })).json().items as Group[];

  beforeAll(async () => {
    t = await createTestApp({ poolMax: 4 });
    companyId = (await createCompany(t.app, { tradeCategorySlugs: ['plumbing'] })).id;
    owner = await createUserSession(t.app, companyId, 'owner');
  });
  afterAll(async () => t?.close());

  it('groups the same question asked in other words, counting it and keeping the phrasings', async () => {
    const knowledge = t.app.ctx.services.knowledge;
    const first = await knowledge.recordUnanswered(companyId, 'Do you install solar panels?');
    expect(first).toMatchObject({ newGroup: true, askCount: 1, question: 'Do you install solar panels?' });
    const again = await knowledge.recordUnanswered(companyId, 'um yeah do you guys install solar panels');
    expect(again).toMatchObject({ id: first!.id, newGroup: false, askCount: 2 });
    await knowledge.recordUnanswered(companyId, 'DO YOU INSTALL SOLAR PANELS');
    await knowledge.recordUnanswered(companyId, 'how much for a new hot water tank in a tiny house');
    await knowledge.recordUnanswered(companyId, 'what does a new water heater cost for a tiny house');
    await knowledge.recordUnanswered(companyId, 'do you clean chimneys');

    const list = await groups();
    expect(list.map((g) => [g.question, g.askCount])).toEqual([
      ['Do you install solar panels?', 3],
      ['how much for a new hot water tank in a tiny house', 2],
      ['do you clean chimneys', 1],
    ]);
    // Newest phrasing first; the same words in another case or punctuation are one phrasing.
    expect(list[0]!.examples).toEqual(['DO YOU INSTALL SOLAR PANELS', 'um yeah do you guys install solar panels']);
    expect(Date.parse(list[0]!.lastAskedAt)).toBeGreaterThan(Date.parse(list[0]!.firstAskedAt));
  });

  it('makes one group of the same new question asked by many callers at once', async () => {
    const recorded = await Promise.all(Array.from({ length: 6 }, () => t.app.ctx.services.knowledge.recordUnanswered(companyId, 'Can you fix my garage door opener?')));
    expect(new Set(recorded.map((r) => r!.id)).size).toBe(1);
    expect((await groups()).find((g) => g.question === 'Can you fix my garage door opener?')!.askCount).toBe(6);
  });

  it('records over HTTP, and ignores text with no words in it', async () => {
    const res = await t.app.inject({ method: 'POST', url: url(), headers: owner.headers, payload: { question: 'Do you pump septic tanks?' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ question: 'Do you pump septic tanks?', askCount: 1, newGroup: true });
    const empty = await t.app.inject({ method: 'POST', url: url(), headers: owner.headers, payload: { question: 'um, uh...' } });
    expect(empty.statusCode).toBe(204);
  });

  it('turns a group into a knowledge entry that then answers the question', async () => {
    const group = (await groups()).find((g) => g.question === 'Do you install solar panels?')!;
    const res = await t.app.inject({ method: 'POST', url: url(`/${group.id}/answer`), headers: owner.headers, payload: { answer: 'No, we are plumbers; try a solar installer.' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ question: 'Do you install solar panels?', alternatives: ['um yeah do you guys install solar panels'] });
    expect((await groups()).map((g) => g.id)).not.toContain(group.id);
    const search = await t.app.ctx.services.knowledge.search(companyId, 'hi do you do solar panel installs');
    expect(search.answerable).toBe(true);
    expect(search.results[0]!.answer).toBe('No, we are plumbers; try a solar installer.');
  });

  it('dismisses a group, then answers 404 for it', async () => {
    const group = (await groups()).find((g) => g.question === 'do you clean chimneys')!;
    expect((await t.app.inject({ method: 'DELETE', url: url(`/${group.id}`), headers: owner.headers })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'DELETE', url: url(`/${group.id}`), headers: owner.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: url(`/${group.id}/answer`), headers: owner.headers, payload: { answer: 'x' } })).statusCode).toBe(404);
  });
});
