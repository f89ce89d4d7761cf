import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { devNull, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { loadConfig, type Config } from '../src/config.ts';
import { loggerOptions } from '../src/plugins/logging.ts';

/**
 * A throwaway configuration for a benchmarked app: fresh secrets, its own data directory, no
 * demo seeding, limits out of the way (the benchmark measures the request path, not the limiter
 * refusing it), and `overrides` on top. Logs go through the production logger configuration to
 * the null device, so their cost counts.
 */
export function benchConfig(options: { logLevel: string; databaseUrl?: string | undefined; prefix: string; env?: Record<string, string> }): { config: Config; dataDir: string; log: pino.Logger } {
  const dataDir = mkdtempSync(join(tmpdir(), options.prefix));
  const config = loadConfig({
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    PUBLIC_URL: 'http://127.0.0.1:3000',
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    SECRETS_KEY: randomBytes(32).toString('base64'),
    ADMIN_EMAIL: 'admin@bench.example',
    ADMIN_PASSWORD: randomBytes(12).toString('base64url'),
    SEED_DEMO: 'false',
    LOG_LEVEL: options.logLevel,
    RATE_LIMIT_API_PER_MINUTE: '100000000',
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...options.env,
  });
  const log = pino(loggerOptions(config) as pino.LoggerOptions, pino.destination({ dest: devNull, sync: false }));
  return { config, dataDir, log };
}
