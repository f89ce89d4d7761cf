import { pino } from 'pino';
import { openDatabase } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { seedDemo } from '../seed/demo.ts';
import { createServices } from '../services.ts';

/** `npm run seed:demo`: creates the demo companies; running it again changes nothing. */
const config = loadConfig();
const log = pino({ level: config.logLevel === 'silent' ? 'info' : config.logLevel });
const database = await openDatabase(config, log);
try {
  const services = createServices(config, database.db);
  await services.tradeCategories.seed();
  const result = await seedDemo(services, config, { onlyIfEmpty: false });
  log.info({ companies: result.companies, created: result.created }, 'demo data ready');
} finally {
  await database.close();
}
