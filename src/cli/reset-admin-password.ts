import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { openDatabase } from '../bootstrap.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { createServices } from '../services.ts';

/**
 * `npm run admin:reset-password [-- --password <new>]`: sets a new password for the platform
 * admin on the database `npm start` uses (same .env and environment), generating and printing
 * one when none is given, and signs every admin session out. Prints one line either way.
 */
async function main(): Promise<string> {
  const { values } = parseArgs({ options: { password: { type: 'string' } }, allowPositionals: false });
  const config = loadConfig();
  // Quiet: the one line below is the whole output (migrations, if any, still apply).
  const database = await openDatabase(config, pino({ level: 'warn' }));
  try {
    const r = await createServices(config, database.db).passwords.resetAdmin(values.password);
    const signedOut = `${r.sessionsEnded} session${r.sessionsEnded === 1 ? '' : 's'} signed out`;
    return r.generated
      ? `Platform admin ${r.email}: new password ${r.password} (shown once; ${signedOut})`
      : `Platform admin ${r.email}: password changed (${signedOut})`;
  } finally {
    await database.close();
  }
}

try {
  process.stdout.write(`${await main()}\n`);
} catch (err) {
  // One line, never a stack trace: a bad setting, a locked data directory, a short password.
  const message = err instanceof ConfigError ? err.problems.join('; ') : err instanceof Error ? err.message : String(err);
  process.stderr.write(`admin:reset-password failed: ${message.replaceAll('\n', ' ')}\n`);
  process.exitCode = 1;
}
