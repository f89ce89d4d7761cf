import type { Config } from './config.ts';
import type { Database } from './db/connect.ts';
import { createServices, type Services } from './services.ts';

/** What every route reaches through `app.ctx`: configuration, the database and the services. */
export interface AppContext {
  config: Config;
  database: Database;
  services: Services;
}

export function createContext(config: Config, database: Database): AppContext {
  return { config, database, services: createServices(config, database.db) };
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
}
