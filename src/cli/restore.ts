import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { storeFor } from '../backup/backup.service.ts';
import { manifestName, type Manifest } from '../backup/backup-names.ts';
import { openBackup, restorePglite, restorePostgres } from '../backup/restore.ts';
import { loadConfig, type Config } from '../config.ts';
import { CommandError } from '../known-errors.ts';
import { asCommandErrors } from './backup-errors.ts';
import { runCommand } from './run-command.ts';

/**
 * `npm run restore -- <file> [--force]`: a backup (a path, or a name in the configured bucket)
 * into the configured database: an empty DATA_DIR for PGlite, an empty DATABASE_URL database
 * otherwise. Existing data is never overwritten without --force. Start the server afterwards:
 * it applies any migration newer than the backup.
 */
await runCommand(async () => {
  const { values, positionals } = parseArgs({ options: { force: { type: 'boolean', default: false } }, allowPositionals: true });
  const path = positionals[0];
  if (!path || positionals.length > 1) throw new CommandError('usage: npm run restore -- <backup file> [--force]');
  const config = loadConfig();
  if (!config.backup.key) throw new CommandError('BACKUP_KEY is not set: it must be the key the backup was taken under');
  const key = config.backup.key;
  await asCommandErrors(async () => {
    const { name, file, manifest } = await readBackup(path, config);
    const dump = openBackup(name, file, manifest, key);
    const done = config.databaseUrl
      ? await restorePostgres(config.databaseUrl, dump, values.force, config.backup.pgBinDir)
      : await restorePglite(config.dataDir, dump, values.force);
    const aside = 'movedAside' in done && done.movedAside ? `; the previous database was moved to ${done.movedAside}` : '';
    process.stdout.write(`Restored ${name}: ${done.tables} tables${aside}. Start the server to apply newer migrations.\n`);
  });
});

async function readBackup(path: string, config: Config): Promise<{ name: string; file: Buffer; manifest: Manifest | undefined }> {
  const name = basename(path);
  if (existsSync(path)) {
    const beside = manifestName(path);
    return { name, file: readFileSync(path), manifest: existsSync(beside) ? (JSON.parse(readFileSync(beside, 'utf8')) as Manifest) : undefined };
  }
  if (!config.backup.s3) throw new CommandError(`${path}: no such file`);
  const store = storeFor(config);
  const file = await store.get(name);
  if (!file) throw new CommandError(`${name} is neither a file here nor in ${store.where}`);
  const manifest = await store.get(manifestName(name));
  return { name, file, manifest: manifest ? (JSON.parse(manifest.toString('utf8')) as Manifest) : undefined };
}
