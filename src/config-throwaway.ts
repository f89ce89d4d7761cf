import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from './config.ts';

/**
 * The configuration of a throwaway app (the OpenAPI document's, a benchmark's, the evaluation's,
 * the tests'): its own new data directory under the system's temporary one (named from
 * `prefix`), fresh secrets and admin password, no demo data, silent logs, then `env` on top.
 * Its secrets die with the process: never for an app anyone keeps.
 */
export function throwawayConfig(prefix: string, env: Record<string, string> = {}): { config: Config; dataDir: string } {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    PUBLIC_URL: 'http://localhost:3000',
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    SECRETS_KEY: randomBytes(32).toString('base64'),
    ADMIN_PASSWORD: randomBytes(12).toString('base64url'),
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    ...env,
  });
  return { config, dataDir };
}
