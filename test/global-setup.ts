import type { TestProject } from 'vitest/node';
import { ensureDashboardBuilt } from '../scripts/build-dashboard.ts';
import { ensurePgliteTemplate, ensurePostgresTemplate } from './helpers/template.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string | null;
  }
}

/** Builds the migrated database templates once per run (each test file clones one), and the dashboard. */
export default async function setup(project: TestProject): Promise<void> {
  // Browser suites load the dashboard the server serves; built once, only when its sources changed.
  await ensureDashboardBuilt({ quiet: true });
  project.provide('pgliteTemplate', await ensurePgliteTemplate());
  const url = process.env.TEST_DATABASE_URL;
  project.provide('postgresTemplate', url ? await ensurePostgresTemplate(url) : null);
}
