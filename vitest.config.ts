import { defineConfig } from 'vitest/config';

// Every suite runs on embedded PGlite. Database suites (*.db.test.ts) run a second time on a
// real PostgreSQL server when TEST_DATABASE_URL is set (CI sets it).
const postgres = process.env.TEST_DATABASE_URL;

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    // Vitest's default is one worker fewer than the cores: one on CI's two. Much of the suite
    // waits on other processes (PostgreSQL, Chromium, servers it spawns), so two share well.
    maxWorkers: 2,
    hookTimeout: 120_000,
    // Files share a worker's module graph instead of each importing the whole application again
    // (that import was about a fifth of the run). Tests therefore leave no global state behind:
    // env changes, fake timers and listeners are restored in their own hooks.
    isolate: false,
    // Browser suites poll for what a page shows; on a loaded 2-core machine a page may take seconds.
    expect: { poll: { timeout: 10_000 } },
    projects: [
      { extends: true, test: { name: 'pglite', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], env: { TEST_BACKEND: 'pglite' } } },
      ...(postgres
        ? [{ extends: true, test: { name: 'postgres', include: ['src/**/*.db.test.ts', 'test/**/*.db.test.ts'], env: { TEST_BACKEND: 'postgres' } } }]
        : []),
    ],
  },
});
