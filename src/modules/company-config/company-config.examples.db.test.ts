import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createCompany, createUserSession } from '../../../test/helpers/factories.ts';
import type { CompanyConfig } from './company-config.schemas.ts';

const EXAMPLES = 'docs/examples';
const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')).sort();

/** Services and technicians come back in name order, which depends on the database's collation. */
function comparable(doc: CompanyConfig & { $schema?: string }) {
  const { $schema: _ignored, ...rest } = doc;
  const byName = <T extends { name: string }>(items: T[]) => [...items].sort((a, b) => (a.name < b.name ? -1 : 1));
  return { ...rest, booking: { ...rest.booking, services: byName(rest.booking.services), technicians: byName(rest.booking.technicians) } };
}

describe('the example documents in docs/examples are working onboarding templates', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it.each(examples)('%s sets up a new company that books, answers and greets by its name', async (file) => {
    const example = JSON.parse(readFileSync(`${EXAMPLES}/${file}`, 'utf8')) as CompanyConfig;
    const company = await createCompany(t.app, { name: `Just Signed Up ${file}`, tradeCategorySlugs: [] });
    const owner = await createUserSession(t.app, company.id, 'owner');
    const call = (method: 'GET' | 'PUT' | 'POST', path: string, payload?: object) =>
      t.app.inject({ method, url: `/api/companies/${company.id}${path}`, headers: owner.headers, ...(payload ? { payload } : {}) });

    const imported = await call('PUT', '/config', example);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(comparable((await call('GET', '/config')).json())).toEqual(comparable(example));

    // Availability: the first service, at the first zip of the service area.
    const services = (await call('GET', '/services')).json().items as { id: string; name: string }[];
    const first = services.find((s) => s.name === example.booking.services[0]!.name)!;
    const zip = example.booking.settings.serviceArea![0]!;
    const availability = await call('GET', `/availability?serviceId=${first.id}&zip=${zip}`);
    expect(availability.statusCode, availability.body).toBe(200);
    expect(availability.json().slots.length).toBeGreaterThan(0);

    // The agent greets with the company's name, and answers from the company's knowledge.
    const hello = await call('POST', '/agent/chat', {});
    expect(hello.statusCode, hello.body).toBe(200);
    expect(hello.json().say).toContain(example.company.name);
    const entry = example.knowledge.entries[0]!;
    const found = await t.app.ctx.services.knowledge.search(company.id, entry.question);
    expect(found.answerable).toBe(true);
    expect(found.results[0]!.answer).toBe(entry.answer);

    // Importing the same template again finds nothing to change (so records no import).
    expect((await call('PUT', '/config', example)).statusCode).toBe(200);
    const imports = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE company_id = ${company.id} AND action = 'company.config_imported'`.execute(t.database.db);
    expect(imports.rows[0]!.n).toBe(1);
  });
});
