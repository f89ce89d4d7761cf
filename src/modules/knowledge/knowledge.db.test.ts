import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createCompany, createUserSession, type Session } from '../../../test/helpers/factories.ts';

describe('company knowledge base API', () => {
  let t: TestApp;
  let companyId: string;
  let owner: Session;
  let staff: Session;
  const url = (path = '') => `/api/companies/${companyId}/knowledge${path}`;
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, payload?: object | string, headers: Record<string, string> = owner.headers) =>
    t.app.inject({ method, url: url(path), headers: typeof payload === 'string' ? { ...headers, 'content-type': 'text/csv' } : headers, ...(payload !== undefined ? { payload } : {}) });
  const entries = async () => (await call('GET', '?limit=200')).json().items as { question: string; enabled: boolean }[];

  beforeAll(async () => {
    t = await createTestApp();
    companyId = (await createCompany(t.app, { tradeCategorySlugs: ['plumbing'] })).id;
    owner = await createUserSession(t.app, companyId, 'owner');
    staff = await createUserSession(t.app, companyId, 'staff');
  });
  afterAll(async () => t?.close());

  it('adds, reads, changes and deletes an entry, and audits each change by field name', async () => {
    const created = await call('POST', '', { question: ' Do you  unclog  drains? ', answer: 'Yes, every day.', alternatives: ['Can you snake a drain?'], tags: ['Drains'] }, staff.headers);
    expect(created.statusCode).toBe(201);
    const entry = created.json();
    expect(entry).toMatchObject({ question: 'Do you unclog drains?', answer: 'Yes, every day.', alternatives: ['Can you snake a drain?'], tags: ['drains'], enabled: true });

    expect((await call('GET', `/${entry.id}`)).json()).toEqual(entry);
    const changed = await call('PATCH', `/${entry.id}`, { answer: 'Yes, same day.', enabled: false });
    expect(changed.json()).toMatchObject({ question: 'Do you unclog drains?', answer: 'Yes, same day.', enabled: false });
    expect((await call('DELETE', `/${entry.id}`)).statusCode).toBe(204);
    expect((await call('GET', `/${entry.id}`)).statusCode).toBe(404);

    const audit = (await t.app.inject({ method: 'GET', url: `/api/companies/${companyId}/audit-log?entityId=${entry.id}`, headers: owner.headers })).json().items;
    expect(audit.map((a: { action: string }) => a.action).sort()).toEqual(['knowledge.created', 'knowledge.deleted', 'knowledge.updated']);
    expect(JSON.stringify(audit)).not.toContain('same day');
  });

  it('refuses blank or missing text with a 400 naming the field, writing nothing', async () => {
    const before = (await entries()).length;
    const blank = await call('POST', '', { question: '   ', answer: 'x' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'question' }] } });
    const missing = await call('POST', '', { question: 'No answer?' });
    expect(missing.json().error.code).toBe('VALIDATION_FAILED');
    expect(missing.json().error.message).toMatch(/answer/);
    expect((await entries()).length).toBe(before);
  });

  it('lists newest first and filters by text, tag and enabled', async () => {
    for (const e of [
      { question: 'Do you fix sump pumps?', answer: 'Yes.', tags: ['basement'] },
      { question: 'Do you sell sump pump batteries?', answer: 'No.', tags: ['basement'], enabled: false },
      { question: 'What are your hours?', answer: '7 to 7.', alternatives: ['When are you open?'] },
    ]) expect((await call('POST', '', e)).statusCode).toBe(201);
    const list = async (q: string) => ((await call('GET', `?${q}`)).json().items as { question: string }[]).map((e) => e.question);
    expect((await list('limit=2'))).toEqual(['What are your hours?', 'Do you sell sump pump batteries?']);
    expect(await list('q=SUMP')).toEqual(['Do you sell sump pump batteries?', 'Do you fix sump pumps?']);
    expect(await list('q=when are you open')).toEqual(['What are your hours?']);
    expect(await list('tag=basement&enabled=true')).toEqual(['Do you fix sump pumps?']);
  });

  it('imports JSON all or nothing: one bad row changes nothing and every bad row is named', async () => {
    const before = await entries();
    const res = await call('POST', '/import', { entries: [{ question: 'Good one?', answer: 'Yes.' }, { question: 'No answer?' }, { question: 'Good one?', answer: 'Again.' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { invalidRows: 2, rows: [{ row: 2, field: 'answer', message: 'is required' }, { row: 3, field: 'question', message: 'repeats the question of row 1' }] },
    });
    expect(await entries()).toEqual(before);
  });

  it('imports CSV, exports JSON and CSV that import back the same, and replaces when asked', async () => {
    const csv = 'question,answer,alternatives,tags,enabled\r\n"Do you take Visa, Mastercard?","Yes, both.",Do you take cards? | Can I pay by card?,payment,\r\n=Risky?,"Line one\nline two",,,no\r\n';
    const imported = await call('POST', '/import', csv);
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toEqual({ mode: 'append', created: 2, deleted: 0 });

    const json = (await call('GET', '/export')).json().entries as { question: string }[];
    expect(json.slice(-2)).toEqual([
      { question: 'Do you take Visa, Mastercard?', answer: 'Yes, both.', alternatives: ['Do you take cards?', 'Can I pay by card?'], tags: ['payment'], enabled: true },
      { question: '=Risky?', answer: 'Line one\nline two', alternatives: [], tags: [], enabled: false },
    ]);
    const exportedCsv = await call('GET', '/export?format=csv');
    expect(exportedCsv.headers['content-type']).toMatch(/^text\/csv/);
    expect(exportedCsv.body).toContain(`'=Risky?`);

    const replaced = await t.app.inject({ method: 'POST', url: url('/import?mode=replace'), headers: { ...owner.headers, 'content-type': 'text/csv' }, payload: exportedCsv.body });
    expect(replaced.json()).toEqual({ mode: 'replace', created: json.length, deleted: json.length });
    expect((await call('GET', '/export')).json().entries).toEqual(json);
  });

  it('lets only owners import (replace deletes everything)', async () => {
    const res = await call('POST', '/import', { entries: [{ question: 'Staff import?', answer: 'No.' }] }, staff.headers);
    expect(res.statusCode).toBe(403);
  });

  it('answers a caller question with a score and says when nothing is good enough', async () => {
    await call('POST', '', { question: 'Do you offer senior discounts?', answer: 'Seniors get 10 percent off.' });
    const hit = (await call('GET', '/search?q=' + encodeURIComponent('yeah hi um is there a discount for seniors'))).json();
    expect(hit).toMatchObject({ answerable: true, query: 'is there a discount for seniors' });
    expect(hit.results[0]).toMatchObject({ source: 'company', question: 'Do you offer senior discounts?', answer: 'Seniors get 10 percent off.', tradeCategoryId: null });
    expect(hit.results[0].score).toBeGreaterThanOrEqual(hit.threshold);

    const miss = (await call('GET', '/search?q=' + encodeURIComponent('do you install solar panels'))).json();
    expect(miss.answerable).toBe(false);

    const disabled = (await call('GET', '/search?q=' + encodeURIComponent('do you sell sump pump batteries'))).json();
    expect(disabled.results.map((r: { question: string }) => r.question)).not.toContain('Do you sell sump pump batteries?');
  });

  it('answers from inherited trade knowledge, which the company can override, switch off and restore', async () => {
    const inherited = (await call('GET', '/inherited')).json().items as { id: string; question: string; tradeCategory: { slug: string } }[];
    expect(new Set(inherited.map((e) => e.tradeCategory.slug))).toEqual(new Set(['plumbing']));
    const toilet = inherited.find((e) => e.question === 'Why does my toilet keep running?')!;
    const ask = async () => (await call('GET', '/search?q=' + encodeURIComponent('my toilet runs all night'))).json().results[0];
    expect(await ask()).toMatchObject({ source: 'trade', id: toilet.id });

    const overridden = await call('PUT', `/inherited/${toilet.id}`, { enabled: true, answer: 'We fix running toilets for 95 dollars.' });
    expect(overridden.json()).toMatchObject({ answer: 'We fix running toilets for 95 dollars.', enabled: true, override: { answer: 'We fix running toilets for 95 dollars.', enabled: true } });
    expect((await ask()).answer).toBe('We fix running toilets for 95 dollars.');

    await call('PUT', `/inherited/${toilet.id}`, { enabled: false });
    expect((await ask())?.id).not.toBe(toilet.id);

    expect((await call('DELETE', `/inherited/${toilet.id}`)).statusCode).toBe(204);
    const restored = (await call('GET', `/inherited/${toilet.id}`)).json();
    expect(restored).toMatchObject({ enabled: true, override: null });
    expect(restored.answer).toBe(restored.tradeAnswer);
    expect((await ask()).id).toBe(toilet.id);
  });

  it("answers 404 for a trade entry of a category the company is not in", async () => {
    const hvac = (await t.app.ctx.services.tradeKnowledge.get((await t.app.ctx.services.tradeCategories.list()).find((c) => c.slug === 'hvac')!.id)).entries[0]!;
    expect((await call('GET', `/inherited/${hvac.id}`)).statusCode).toBe(404);
    expect((await call('PUT', `/inherited/${hvac.id}`, { enabled: false })).statusCode).toBe(404);
  });
});
