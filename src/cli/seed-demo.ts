import { seedDemo } from '../seed/demo.ts';
import { runDatabaseCommand } from './run-command.ts';

/** `npm run seed:demo`: creates the demo companies; running it again changes nothing. */
await runDatabaseCommand(async ({ config, log, services }) => {
  await services.tradeCategories.seed();
  const result = await seedDemo(services, config, { onlyIfEmpty: false });
  log.info({ companies: result.companies, created: result.created }, 'demo data ready');
});
