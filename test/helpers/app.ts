import type { FastifyBaseLogger } from 'fastify';
import { buildApp, type App } from '../../src/app.ts';
import { throwawayConfig } from '../../src/config-throwaway.ts';
import type { Config } from '../../src/config.ts';
import type { Database } from '../../src/db/connect.ts';
import { seedDemo } from '../../src/seed/demo.ts';
import { createTestDatabase } from './database.ts';

export const ADMIN_EMAIL = 'admin@test.example';
export const ADMIN_PASSWORD = 'admin-password-for-tests';

export function testConfig(overrides: Record<string, string> = {}): Config {
  return throwawayConfig('clientsvia-test-', {
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    RATE_LIMIT_API_PER_MINUTE: '100000',
    RATE_LIMIT_AUTH_PER_MINUTE: '100000',
    ...overrides,
  }).config;
}

export interface TestApp {
  app: App;
  database: Database;
  config: Config;
  close(): Promise<void>;
}

/** The real application on a fresh database, with the platform admin created. */
export async function createTestApp(
  options: {
    env?: Record<string, string>;
    poolMax?: number;
    logger?: FastifyBaseLogger;
    /** start the job queue (workers poll) */
    jobs?: boolean;
    /** the time calls are answered at */
    clock?: () => Date;
  } = {},
): Promise<TestApp> {
  const config = testConfig(options.env);
  const database = await createTestDatabase(options.poolMax ? { poolMax: options.poolMax } : {});
  const app = await buildApp({ config, database, logger: options.logger, clock: options.clock });
  await app.ready();
  await app.ctx.services.users.ensurePlatformAdmin(config.adminEmail, ADMIN_PASSWORD);
  // Off unless asked: most suites need no pg-boss schema and no polling workers. close() stops it.
  if (options.jobs) await app.ctx.jobs.start();
  return {
    app,
    database,
    config,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** A test app with the demo companies seeded (Rapid Rooter Plumbing, Polar Air HVAC). */
export async function createDemoApp(options: Parameters<typeof createTestApp>[0] = {}): Promise<TestApp> {
  const t = await createTestApp(options);
  await seedDemo(t.app.ctx.services, t.config, { onlyIfEmpty: true });
  return t;
}
