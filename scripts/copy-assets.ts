import { cpSync } from 'node:fs';

// tsc emits JavaScript only; the SQL migrations travel with the build.
cpSync('src/db/migrations', 'dist/db/migrations', { recursive: true });
