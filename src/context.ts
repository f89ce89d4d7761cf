import type { Config } from './config.ts';
import type { Database } from './db/connect.ts';
import { createJobQueue } from './jobs/queue.ts';
import { registerJobs } from './jobs/register.ts';
import type { JobLogger, JobQueue } from './jobs/types.ts';
import { createServices, type Services } from './services.ts';

/** What every route reaches through `app.ctx`: configuration, the database, the services and the job queue. */
export interface AppContext {
  config: Config;
  database: Database;
  services: Services;
  /** Built with every job registered but not started: server.ts starts it, app close stops it. */
  jobs: JobQueue;
}

export function createContext(config: Config, database: Database, logger: JobLogger): AppContext {
  const services = createServices(config, database.db, logger);
  const jobs = createJobQueue({ database, logger, config });
  registerJobs(jobs, services, config);
  return { config, database, services, jobs };
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
}
