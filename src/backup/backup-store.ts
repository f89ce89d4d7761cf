import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where backup files and their manifests are kept: a directory or an S3-compatible bucket. */
export interface BackupStore {
  /** Said in logs: the directory or `s3://bucket/prefix`. */
  readonly where: string;
  put(name: string, data: Buffer): Promise<void>;
  /** undefined: no such file. */
  get(name: string): Promise<Buffer | undefined>;
  list(): Promise<string[]>;
  delete(name: string): Promise<void>;
}

/** A local directory; a file appears whole (written beside it, then renamed) or not at all. */
export function directoryStore(dir: string): BackupStore {
  return {
    where: dir,
    async put(name, data) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const tmp = join(dir, `.${name}.${process.pid}.tmp`);
      writeFileSync(tmp, data, { mode: 0o600 });
      renameSync(tmp, join(dir, name));
    },
    async get(name) {
      try {
        return readFileSync(join(dir, name));
      } catch (err) {
        if ((err as { code?: string }).code === 'ENOENT') return undefined;
        throw err;
      }
    },
    async list() {
      try {
        return readdirSync(dir).filter((f) => !f.startsWith('.')).sort();
      } catch (err) {
        if ((err as { code?: string }).code === 'ENOENT') return [];
        throw err;
      }
    },
    async delete(name) {
      rmSync(join(dir, name), { force: true });
    },
  };
}
