import { pino } from 'pino';
import { buildApp } from './app.ts';
import { openDatabase, prepareData } from './bootstrap.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { databaseTrouble } from './db/pg-errors.ts';
import { loggerOptions } from './plugins/logging.ts';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }

  const log = pino(loggerOptions(config) as pino.LoggerOptions);
  guardProcess(log);
  const database = await openDatabase(config, log);
  const app = await buildApp({ config, database, logger: log });
  try {
    await prepareData(config, app.ctx.services, log);
    // Background jobs and their schedules (src/jobs/register.ts); JOBS_ENABLED=false only enqueues.
    await app.ctx.jobs.start();
  } catch (err) {
    await app.close();
    await database.close();
    throw err;
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down: no new connections, finishing in-flight requests');
    const force = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    try {
      // Finishes in-flight requests, then stops the job queue (waiting for running handlers).
      await app.close();
      await database.close();
      log.info('shut down cleanly');
      process.exit(0);
    } catch (err) {
      log.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  log.info({ url: config.publicUrl, database: database.kind }, 'ClientsVia is running');
}

/**
 * A database connection dying outside any request (a failover, an idle kill) must not end the
 * server: it is logged and the pools reconnect. Anything else escaping is a bug: logged with
 * its stack, then the process exits as Node would, for the supervisor to restart it clean.
 */
function guardProcess(log: pino.Logger): void {
  const onEscaped = (kind: string) => (err: unknown) => {
    if (databaseTrouble(err)) {
      log.warn({ err }, `${kind} from the database connection; continuing`);
      return;
    }
    log.fatal({ err }, `${kind}; exiting`);
    log.flush?.();
    process.exit(1);
  };
  process.on('uncaughtException', onEscaped('uncaught exception'));
  process.on('unhandledRejection', onEscaped('unhandled rejection'));
}

main().catch((err: unknown) => {
  process.stderr.write(`Failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
