import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'vite';

// Builds the dashboard into web/dist when its sources changed since the last build, so
// `npm start` on a fresh clone serves it and a restart does not rebuild. `--force` always builds.
const WEB = new URL('../web/', import.meta.url).pathname;
const DIST = join(WEB, 'dist');
const STAMP = join(DIST, '.sources-hash');
const INPUTS = ['src', 'index.html', 'vite.config.ts', 'tsconfig.json', '../package-lock.json'];

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((name) => filesUnder(join(path, name)));
}

function sourcesHash(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((input) => filesUnder(join(WEB, input)))) {
    hash.update(relative(WEB, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** Brotli and gzip siblings of every text asset: the server sends them as they are. */
function precompress(): void {
  for (const file of filesUnder(DIST)) {
    if (!/\.(js|css|html|svg|json)$/.test(file)) continue;
    const content = readFileSync(file);
    if (content.length < 1024) continue;
    writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
  }
}

export async function ensureDashboardBuilt(options: { force?: boolean; quiet?: boolean } = {}): Promise<boolean> {
  const hash = sourcesHash();
  if (!options.force && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash) return false;
  await build({ root: WEB, configFile: join(WEB, 'vite.config.ts'), logLevel: options.quiet ? 'warn' : 'info' });
  precompress();
  writeFileSync(STAMP, hash);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const built = await ensureDashboardBuilt({ force: process.argv.includes('--force') });
  if (!built) process.stdout.write('dashboard up to date (web/dist)\n');
}
