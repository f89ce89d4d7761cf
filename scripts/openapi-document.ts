import { rmSync } from 'node:fs';
import { buildApp } from '../src/app.ts';
import { throwawayConfig } from '../src/config-throwaway.ts';
import { connectDatabase } from '../src/db/connect.ts';

/**
 * The server's own OpenAPI document, from an app built on an empty in-memory database (routes
 * and schemas do not depend on data). The dashboard's client is generated from it.
 */
export async function serverOpenApiDocument(): Promise<Record<string, unknown>> {
  const { config, dataDir } = throwawayConfig('clientsvia-openapi-');
  const database = await connectDatabase({});
  const app = await buildApp({ config, database });
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
