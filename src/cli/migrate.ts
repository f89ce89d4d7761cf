import { pino } from 'pino';
import { openDatabase } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';

/** `npm run migrate`: applies pending migrations to the configured database and exits. */
const config = loadConfig();
const log = pino({ level: config.logLevel === 'silent' ? 'info' : config.logLevel });
const database = await openDatabase(config, log);
log.info('database is up to date');
await database.close();
