import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../db/tenant.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createCompany, loginAdmin } from '../../../test/helpers/factories.ts';

/**
 * The daily purge at a fixed app clock: each company's calls (with their turns), personal audio
 * clips and messages older than its retention are gone, newer ones stay; the speech cache loses
 * clips unused for SPEECH_CACHE_MAX_AGE_DAYS and the least recently used beyond its size cap.
 */
const NOW = new Date('2029-06-01T12:00:00Z');
const ago = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);

let t: TestApp;
let a: { id: string };
let b: { id: string };
beforeAll(async () => {
  t = await createTestApp({ clock: () => NOW, env: { SPEECH_CACHE_MAX_AGE_DAYS: '90', SPEECH_CACHE_MAX_MB_PER_COMPANY: '1' } });
  a = await createCompany(t.app);
  b = await createCompany(t.app);
});
afterAll(async () => t?.close());

async function addCall(companyId: string, startedAt: Date): Promise<string> {
  return withTenant(t.database.db, companyId, async (tx) => {
    const { id } = await tx.insertInto('calls').values({ company_id: companyId, call_sid: `CA${randomUUID().replace(/-/g, '')}`, started_at: startedAt, created_at: startedAt }).returning('id').executeTakeFirstOrThrow();
    await tx.insertInto('call_turns').values({ company_id: companyId, call_id: id, seq: 0, caller_text: 'my name is Jane', agent_text: 'Hello', response: '<Response/>', engine: 'embedded' }).execute();
    await tx.insertInto('messages').values({ company_id: companyId, call_id: id, caller_name: 'Jane', body: `message from ${startedAt.toISOString()}`, created_at: startedAt }).execute();
    return id;
  });
}

async function addClip(companyId: string, name: string, bytes: number, createdAt: Date, lastUsedAt: Date, fixed = false): Promise<string> {
  const key = Buffer.from(name.padEnd(32, '.')).toString('hex').slice(0, 64);
  const audio = randomBytes(bytes);
  await withTenant(t.database.db, companyId, (tx) => tx.insertInto('speech_cache')
    .values({ company_id: companyId, key, content_type: 'audio/mpeg', audio, bytes, created_at: createdAt, last_used_at: lastUsedAt, fixed }).execute());
  return key;
}

const idsOf = async (companyId: string, table: 'calls' | 'messages') =>
  (await t.database.db.selectFrom(table).select('id').where('company_id', '=', companyId).execute()).map((r) => r.id).sort();

describe('personal data retention', () => {
  it('keeps two years by default and what the configuration document sets', async () => {
    const admin = await loginAdmin(t.app);
    const doc = (await t.app.inject({ method: 'GET', url: `/api/companies/${b.id}/config`, headers: admin.headers })).json();
    expect(doc.company.personalDataRetentionDays).toBe(730);
    doc.company.personalDataRetentionDays = 30;
    const put = await t.app.inject({ method: 'PUT', url: `/api/companies/${b.id}/config`, headers: admin.headers, payload: doc });
    expect(put.statusCode, put.body).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/companies/${b.id}/config`, headers: admin.headers })).json().company.personalDataRetentionDays).toBe(30);
    const bad = await t.app.inject({ method: 'PUT', url: `/api/companies/${b.id}/config`, headers: admin.headers, payload: { ...doc, company: { ...doc.company, personalDataRetentionDays: 0 } } });
    expect(bad.statusCode).toBe(400);
  });

  it('purges calls, transcripts, personal clips and messages past each company\'s retention, and prunes the speech cache', async () => {
    const aOld = await addCall(a.id, ago(800));
    const aKept = await addCall(a.id, ago(700));
    const bOld = await addCall(b.id, ago(40));
    const bKept = await addCall(b.id, ago(20));
    const personalOld = await addClip(a.id, 'personal-old', 10, ago(800), hoursAgo(1));
    const greeting = await addClip(a.id, 'greeting', 10, ago(800), hoursAgo(1), true);
    const unused = await addClip(a.id, 'unused', 10, ago(200), ago(100), true);
    const big1 = await addClip(a.id, 'big1', 600_000, ago(5), hoursAgo(2));
    const big2 = await addClip(a.id, 'big2', 600_000, ago(5), hoursAgo(3));
    const bClip = await addClip(b.id, 'b-clip', 600_000, ago(5), hoursAgo(3));

    const totals = await t.app.ctx.services.retention.purge();
    expect(totals).toMatchObject({ calls: 2, messages: 2, clips: 1, cachePruned: 2 });

    expect(await idsOf(a.id, 'calls')).toEqual([aKept]);
    expect(await idsOf(b.id, 'calls')).toEqual([bKept]);
    const turns = await t.database.db.selectFrom('call_turns').select('call_id').where('call_id', 'in', [aOld, aKept, bOld, bKept]).execute();
    expect(turns.map((r) => r.call_id).sort()).toEqual([aKept, bKept].sort());
    const messages = await t.database.db.selectFrom('messages').select('body').where('company_id', 'in', [a.id, b.id]).orderBy('body').execute();
    expect(messages.map((m) => m.body)).toEqual([`message from ${ago(700).toISOString()}`, `message from ${ago(20).toISOString()}`].sort());
    const clips = await t.database.db.selectFrom('speech_cache').select(['company_id', 'key']).where('company_id', 'in', [a.id, b.id]).execute();
    expect(clips.map((c) => c.key).sort()).toEqual([greeting, big1, bClip].sort());
    expect([personalOld, unused, big2].some((k) => clips.some((c) => c.key === k))).toBe(false);

    // A second run finds nothing more to do.
    expect(await t.app.ctx.services.retention.purge()).toMatchObject({ calls: 0, messages: 0, clips: 0, cachePruned: 0 });
  });
});
