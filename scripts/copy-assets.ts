import { cpSync } from 'node:fs';

// tsc emits JavaScript only; the SQL migrations and the website widget's script travel with the build.
cpSync('src/db/migrations', 'dist/db/migrations', { recursive: true });
cpSync('src/modules/widget/widget-script.js', 'dist/modules/widget/widget-script.js');
