import { pino } from 'pino';
import { openDatabase } from '../bootstrap.ts';
import { loadConfig, type Config } from '../config.ts';
import { describeKnownError } from '../known-errors.ts';
import { createServices, type Services } from '../services.ts';

/**
 * Runs a command-line program: a known failure (bad setting, data directory in use, database
 * or server not answering, an AppError) is one line on stderr and exit code 1; anything else
 * is a bug and keeps its stack.
 */
export async function runCommand(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (err) {
    const known = describeKnownError(err);
    process.stderr.write(`${known ?? (err instanceof Error ? (err.stack ?? err.message) : String(err))}\n`);
    process.exit(1);
  }
}

export interface DatabaseCommand {
  config: Config;
  log: pino.Logger;
  services: Services;
}

/** A program on the configured database (migrated on opening), closed when it is done. */
export function runDatabaseCommand(main: (command: DatabaseCommand) => Promise<void>): Promise<void> {
  return runCommand(async () => {
    const config = loadConfig();
    const log = pino({ level: config.logLevel === 'silent' ? 'info' : config.logLevel });
    const database = await openDatabase(config, log);
    try {
      await main({ config, log, services: createServices(config, database.db) });
    } finally {
      await database.close();
    }
  });
}
