import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { buildApp, type App } from '../src/app.ts';
import { prepareData } from '../src/bootstrap.ts';
import { connectDatabase, type Database } from '../src/db/connect.ts';
import { vacuumAnalyzeTables } from '../src/db/maintenance.ts';
import { migrate } from '../src/db/migrate.ts';
import { assertAppRoleIsRestricted } from '../src/db/tenant.ts';
import { SYSTEM_ACTOR } from '../src/modules/auth/principal.ts';
import { seedDemoBooking } from '../src/seed/demo-booking.ts';
import { benchConfig } from './bench-config.ts';

export interface AppUnderTest {
  app: App;
  database: Database;
  url: string;
  companyId: string;
  /** A service of the company's demo booking configuration, for availability requests. */
  serviceId: string;
  cookie: string;
  close(): Promise<void>;
}

const OWNER_PASSWORD = randomBytes(12).toString('base64url');

/**
 * The real application, built and listening exactly as server.ts does it, on a fresh database
 * (in-memory PGlite, or `databaseUrl`), with one company, its owner's session, contacts and the plumbing demo's booking configuration.
 * Logs go through the production logger configuration to the null device, so their cost counts.
 */
export async function startAppUnderTest(options: { databaseUrl?: string | undefined; contacts: number; logLevel: string }): Promise<AppUnderTest> {
  const { config, dataDir, log } = benchConfig({ logLevel: options.logLevel, databaseUrl: options.databaseUrl, prefix: 'clientsvia-bench-' });

  const database = await connectDatabase({ databaseUrl: config.databaseUrl });
  await migrate(database.db);
  await assertAppRoleIsRestricted(database.db);
  const app = await buildApp({ config, database, logger: log });
  await prepareData(config, app.ctx.services, log);

  const { services } = app.ctx;
  const plumbing = (await services.tradeCategories.list()).find((c) => c.slug === 'plumbing');
  const company = await services.companies.create(SYSTEM_ACTOR, {
    name: `Bench Plumbing ${randomBytes(3).toString('hex')}`,
    timeZone: 'America/Chicago',
    tradeCategoryIds: plumbing ? [plumbing.id] : [],
  });
  const ownerEmail = `owner-${randomBytes(4).toString('hex')}@bench.example`;
  await services.users.ensureCompanyUser(company.id, { email: ownerEmail, name: 'Bench Owner', password: OWNER_PASSWORD, role: 'owner' });
  for (let i = 0; i < options.contacts; i++) {
    await services.contacts.create(SYSTEM_ACTOR, company.id, {
      name: `Customer ${i}`,
      phones: [`+1312555${String(1000 + i).padStart(4, '0')}`],
      email: `customer${i}@bench.example`,
      zip: '60610',
      tags: i % 3 === 0 ? ['repeat'] : [],
      notes: 'Water heater serviced last spring.',
    });
  }

  await seedDemoBooking(services, SYSTEM_ACTOR, company.id, 'rapid-rooter-plumbing');
  const serviceId = (await services.bookingConfig.listServices(company.id))[0]!.id;
  // What the hourly maintenance job (PGlite) or autovacuum (a server) would have done by now.
  await vacuumAnalyzeTables(database.db);

  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  // Signs in over HTTP, as the dashboard does.
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ownerEmail, password: OWNER_PASSWORD }),
  });
  const cookie = login.headers.getSetCookie().find((c) => c.startsWith('cv_session='))?.split(';')[0];
  if (login.status !== 200 || !cookie) throw new Error(`bench login failed: ${login.status} ${await login.text()}`);

  return {
    app,
    database,
    url,
    companyId: company.id,
    serviceId,
    cookie,
    async close() {
      await app.close();
      await database.close();
      log.flush();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
