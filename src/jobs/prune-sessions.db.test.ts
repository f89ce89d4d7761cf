import { sql } from 'kysely';
import { throttleKey } from '../modules/auth/login-throttle.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { waitFor } from '../../test/helpers/wait-for.ts';
import { PRUNE_SESSIONS_CRON, PRUNE_SESSIONS_JOB } from './handlers/prune-sessions.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ jobs: true });
});
afterAll(async () => t?.close());

const sessionIds = async () =>
  (await sql<{ id: string }>`SELECT id FROM platform.sessions ORDER BY id`.execute(t.database.db)).rows.map((r) => r.id);

describe('prune-expired-sessions job', () => {
  it('is scheduled every quarter hour when the application starts its job queue', async () => {
    const r = await sql<{ name: string; cron: string; timezone: string }>`SELECT name, cron, timezone FROM pgboss.schedule`.execute(t.database.db);
    expect(r.rows).toContainEqual({ name: PRUNE_SESSIONS_JOB, cron: PRUNE_SESSIONS_CRON, timezone: 'UTC' });
  });

  it('removes an expired session and keeps a live one', async () => {
    const live = await t.app.ctx.services.auth.login(ADMIN_EMAIL, ADMIN_PASSWORD, '127.0.0.1');
    const expired = await t.app.ctx.services.auth.login(ADMIN_EMAIL, ADMIN_PASSWORD, '127.0.0.1');
    await sql`UPDATE platform.sessions SET expires_at = now() - interval '1 minute' WHERE id = ${expired.principal.sessionId}`.execute(t.database.db);
    expect(await sessionIds()).toEqual([live.principal.sessionId, expired.principal.sessionId].sort());

    const id = (await t.app.ctx.jobs.send(PRUNE_SESSIONS_JOB))!;
    await waitFor('prune job completed', async () => ((await t.app.ctx.jobs.findJob(PRUNE_SESSIONS_JOB, id))?.state === 'completed' ? true : undefined));

    expect(await sessionIds()).toEqual([live.principal.sessionId]);
    expect(await t.app.ctx.services.auth.resolveSession(live.sessionToken)).toMatchObject({ kind: 'user', email: ADMIN_EMAIL });
  });

  it('forgets sign-in failures quiet for a day, and keeps recent ones', async () => {
    await expect(t.app.ctx.services.auth.login('old@test.example', 'wrong', '203.0.113.1')).rejects.toThrow();
    await expect(t.app.ctx.services.auth.login('recent@test.example', 'wrong', '203.0.113.1')).rejects.toThrow();
    const old = throttleKey('old@test.example', '203.0.113.1', t.config.sessionSecret);
    await sql`UPDATE platform.attempt_throttle SET updated_at = now() - interval '25 hours' WHERE key = ${old}`.execute(t.database.db);

    const id = (await t.app.ctx.jobs.send(PRUNE_SESSIONS_JOB))!;
    await waitFor('prune job completed', async () => ((await t.app.ctx.jobs.findJob(PRUNE_SESSIONS_JOB, id))?.state === 'completed' ? true : undefined));

    const keys = (await sql<{ key: string }>`SELECT key FROM platform.attempt_throttle`.execute(t.database.db)).rows.map((r) => r.key);
    expect(keys).toEqual([throttleKey('recent@test.example', '203.0.113.1', t.config.sessionSecret)]);
  });
});
