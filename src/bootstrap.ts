import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.ts';
import { connectDatabase, type Database } from './db/connect.ts';
import { migrate } from './db/migrate.ts';
import { assertAppRoleIsRestricted } from './db/tenant.ts';
import { generatePassword } from './modules/auth/credentials.ts';
import { seedDemo } from './seed/demo.ts';
import type { Services } from './services.ts';

/** Opens the configured database, applies migrations and checks the runtime role. */
export async function openDatabase(config: Config, log: FastifyBaseLogger): Promise<Database> {
  const database = await connectDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
    timeouts: { connectMs: config.dbConnectTimeoutMs, statementMs: config.dbStatementTimeoutMs, lockMs: config.dbLockTimeoutMs },
    log,
  });
  try {
    const applied = await migrate(database.db);
    if (applied.length > 0) log.info({ applied }, 'migrations applied');
    await assertAppRoleIsRestricted(database.db);
    return database;
  } catch (err) {
    await database.close();
    throw err;
  }
}

/** Reference data, the first platform admin and (on an empty database) the demo companies. */
export async function prepareData(config: Config, services: Services, log: FastifyBaseLogger): Promise<void> {
  await services.tradeCategories.seed();
  await services.tradeKnowledge.seed();
  const password = config.adminPassword ?? generatePassword();
  const created = await services.users.ensurePlatformAdmin(config.adminEmail, password);
  if (created && !config.adminPassword) {
    // Printed once, on the first start only; set ADMIN_PASSWORD to choose it instead.
    log.warn(`Platform admin created: ${config.adminEmail} / ${password} (shown once; change it after signing in)`);
  } else if (created) {
    log.info({ email: config.adminEmail }, 'platform admin created');
  }
  if (config.seedDemo) {
    const result = await seedDemo(services, config, { onlyIfEmpty: true });
    if (result.created) log.info({ companies: result.companies }, `demo data created; demo owners sign in with DEMO_PASSWORD`);
  }
}
