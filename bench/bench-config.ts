import { devNull } from 'node:os';
import { pino } from 'pino';
import { throwawayConfig } from '../src/config-throwaway.ts';
import type { Config } from '../src/config.ts';
import { loggerOptions } from '../src/plugins/logging.ts';

/**
 * A throwaway configuration (src/config-throwaway.ts) for a benchmarked app: the API limit out
 * of the way (the benchmark measures the request path, not the limiter refusing it), and `env`
 * on top. Logs go through the production logger configuration to the null device, so their cost
 * counts.
 */
export function benchConfig(options: { logLevel: string; databaseUrl?: string | undefined; prefix: string; env?: Record<string, string> }): { config: Config; dataDir: string; log: pino.Logger } {
  const { config, dataDir } = throwawayConfig(options.prefix, {
    NODE_ENV: 'development',
    PUBLIC_URL: 'http://127.0.0.1:3000',
    ADMIN_EMAIL: 'admin@bench.example',
    LOG_LEVEL: options.logLevel,
    RATE_LIMIT_API_PER_MINUTE: '100000000',
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...options.env,
  });
  const log = pino(loggerOptions(config) as pino.LoggerOptions, pino.destination({ dest: devNull, sync: false }));
  return { config, dataDir, log };
}
