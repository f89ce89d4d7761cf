import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { buildApp } from './app.ts';
import { openDatabase, prepareData } from './bootstrap.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { databaseTrouble } from './db/pg-errors.ts';
import { manageLifecycle } from './lifecycle.ts';
import { logDestination, loggerOptions } from './plugins/logging.ts';
import { announceServer, localUrlOf } from './server-address.ts';

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

  const output = logDestination();
  const log = pino(loggerOptions(config) as pino.LoggerOptions, output.stream);
  // Signals are handled from here on: one that comes while starting stops after that step,
  // closing what was opened (a data-directory lock included).
  const lifecycle = manageLifecycle({ log, timeoutMs: config.shutdownTimeoutMs, drainLog: output.drain });
  guardProcess(log, lifecycle.exit);
  try {
    const database = await lifecycle.step(() => openDatabase(config, log), (d) => d.close());
    // app.close() finishes in-flight requests, then stops the job queue (waiting for running handlers).
    const app = await lifecycle.step(() => buildApp({ config, database, logger: log }), (a) => a.close());
    await lifecycle.step(() => prepareData(config, app.ctx.services, log));
    // Background jobs and their schedules (src/jobs/register.ts); JOBS_ENABLED=false only enqueues.
    await lifecycle.step(() => app.ctx.jobs.start());
    await lifecycle.step(() => app.listen({ port: config.port, host: config.host }));
    await lifecycle.step(async () => announceServer(config.dataDir, { url: localUrlOf(app.server.address() as AddressInfo), publicUrl: config.publicUrl }), async (remove) => remove());
    lifecycle.running();
    log.info({ url: config.publicUrl, database: database.kind }, 'ClientsVia is running');
  } catch (err) {
    await lifecycle.failed(err);
  }
}

/**
 * A database connection dying outside any request (a failover, an idle kill) must not end the
 * server: it is logged and the pools reconnect. Anything else escaping is a bug: logged with
 * its stack, then the process exits as Node would, for the supervisor to restart it clean.
 */
function guardProcess(log: pino.Logger, exit: (code: number) => Promise<never>): void {
  const onEscaped = (kind: string) => (err: unknown) => {
    if (databaseTrouble(err)) {
      log.warn({ err }, `${kind} from the database connection; continuing`);
      return;
    }
    log.fatal({ err }, `${kind}; exiting`);
    void exit(1);
  };
  process.on('uncaughtException', onEscaped('uncaught exception'));
  process.on('unhandledRejection', onEscaped('unhandled rejection'));
}

main().catch((err: unknown) => {
  process.stderr.write(`Failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
