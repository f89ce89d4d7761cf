import { runDatabaseCommand } from './run-command.ts';

/** `npm run migrate`: applies pending migrations to the configured database and exits. */
await runDatabaseCommand(async ({ log }) => log.info('database is up to date'));
