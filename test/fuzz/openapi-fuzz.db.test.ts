import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createDemoApp } from '../helpers/app.ts';
import { login, loginAdmin } from '../helpers/factories.ts';
import { tenantTables } from '../isolation/tenant-catalog.ts';
import { badRequests, type BadRequest, type Operation } from './bad-input.ts';

/**
 * Every operation of the app's own OpenAPI document, sent bad requests generated from it
 * (bad-input.ts). Whatever is wrong, the answer is a 4xx in the error format with a stable
 * code, never a 5xx, and a refused request writes nothing. The seed is fixed so a failure
 * replays; FUZZ_SEED and FUZZ_RUNS override it and the runs per operation.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);

// POST /api/auth/logout takes no input: all a fuzzed request can do is sign the fuzzing session out.
const EXCLUDED = new Set(['POST /api/auth/logout']);
// Twilio webhooks need a valid signature: without one they answer 403 before reading the body,
// which is still a 4xx and is asserted like any other; nothing is excluded for them.

const t = await createDemoApp();
const app = t.app;
const owner = await login(app, 'owner@rapidrooter.example', t.config.demoPassword);
const admin = await loginAdmin(app);
const companyId = ((await app.inject({ method: 'GET', url: '/api/auth/me', headers: owner.headers })).json() as { companyId: string }).companyId;
const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
  paths: Record<string, Record<string, { parameters?: { in: string; name: string; schema: Record<string, unknown> }[]; requestBody?: { content: Record<string, { schema: Record<string, unknown> }> } }>>;
};

const operations: Operation[] = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]) => ({
    method: method.toUpperCase(),
    path,
    pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
    query: Object.fromEntries((op.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p.schema])),
    body: op.requestBody?.content['application/json']?.schema,
  })),
);

/**
 * Real ids, so bad bodies reach handlers past their 404s: the first item of each collection
 * whose member route takes it. Users are left out: a real user id would let a fuzzed
 * request that happens to be valid change the fuzzing owner's own password or role.
 */
const ids: Record<string, string> = { companyId };
for (const op of operations) {
  const m = /^(.*)\/\{(\w+)\}$/.exec(op.path);
  if (!m || m[2] === 'userId' || ids[m[2]!]) continue;
  const list = m[1]!.replace(/\{(\w+)\}/g, (_, n: string) => ids[n] ?? '');
  const res = await app.inject({ method: 'GET', url: list, headers: admin.headers });
  if (res.statusCode !== 200) continue;
  const body = res.json() as { items?: { id?: string }[] } | { id?: string }[];
  const first = Array.isArray(body) ? body[0] : body.items?.[0];
  if (first?.id) ids[m[2]!] = first.id;
}
ids.widgetKey = ((await app.inject({ method: 'GET', url: `/api/companies/${companyId}/widget`, headers: owner.headers })).json() as { widgetKey: string }).widgetKey;

const tables = await tenantTables(t.database.db);
/** Row counts of every tenant table for the demo company, and of the whole audit log. */
async function rowCounts(): Promise<Record<string, number>> {
  const parts = tables.map((name) => sql`(SELECT count(*)::int FROM ${sql.table(name)} WHERE company_id = ${companyId}) AS ${sql.ref(name)}`);
  const r = await sql<Record<string, number>>`SELECT ${sql.join(parts)}, (SELECT count(*)::int FROM audit_log) AS all_audit`.execute(t.database.db);
  return r.rows[0]!;
}

const headersFor = (op: Operation) => (op.path.startsWith('/api/trade-categories') || op.path === '/api/companies' ? admin.headers : owner.headers);
const describeRequest = (r: BadRequest) => `${r.method} ${r.url.slice(0, 200)} (${r.what})`;
let sent = 0;

afterAll(async () => {
  await t.close();
});

describe('bad requests to every OpenAPI operation answer 4xx in the error format and write nothing', () => {
  it('covers every operation of the document', () => {
    expect(operations.length).toBeGreaterThan(90);
  });

  for (const op of operations) {
    const name = `${op.method} ${op.path}`;
    if (EXCLUDED.has(name)) continue;
    it(name, async () => {
      let before = await rowCounts();
      await fc.assert(
        fc.asyncProperty(badRequests(op, ids, headersFor(op)), async (r) => {
          sent++;
          const res = await app.inject({ method: r.method as 'GET', url: r.url, headers: r.headers, ...(r.payload === undefined ? {} : { payload: r.payload }) });
          const after = await rowCounts();
          const where = `${describeRequest(r)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
          expect(res.statusCode, where).toBeLessThan(500);
          if (res.statusCode >= 400) {
            const body = res.json() as { error?: { code?: unknown; message?: unknown } };
            expect(body.error?.code, where).toMatch(/^[A-Z][A-Z_]+$/);
            expect(typeof body.error?.message, where).toBe('string');
            expect(after, `${where}: a refused request changed rows`).toEqual(before);
          }
          before = after;
        }),
        { seed: SEED, numRuns: RUNS },
      );
    });
  }

  it('ran signed in throughout', async () => {
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: owner.headers });
    expect(me.statusCode).toBe(200);
    expect(sent).toBeGreaterThan(0);
  });
});
