import type { DumpFormat } from './database-dump.ts';

/**
 * Backup file names carry their time and format: `clientsvia-20261203T033000Z.pglite.tar.gz.enc`
 * or `...pgdump.enc`, each with `<name>.manifest.json` beside it. Pure.
 */
const EXTENSIONS: Record<DumpFormat, string> = { 'pglite-tar-gz': 'pglite.tar.gz.enc', 'pg-dump-custom': 'pgdump.enc' };
const NAME = /^clientsvia-(\d{8}T\d{6})(\d{3})?Z\.(pglite\.tar\.gz\.enc|pgdump\.enc)$/;

export function backupName(at: Date, format: DumpFormat): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('.', '').replace(/Z$/, '');
  return `clientsvia-${stamp}Z.${EXTENSIONS[format]}`;
}

export const manifestName = (file: string) => `${file}.manifest.json`;

/** The time and format a backup's name says; undefined for any other file. */
export function parseBackupName(name: string): { at: Date; format: DumpFormat } | undefined {
  const m = NAME.exec(name);
  if (!m) return undefined;
  const s = m[1]!;
  const at = new Date(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${m[2] ?? '000'}Z`);
  return { at, format: m[3] === 'pgdump.enc' ? 'pg-dump-custom' : 'pglite-tar-gz' };
}

/** Backups older than `days` before `now`, newest kept whatever its age. */
export function expiredBackups(names: string[], now: Date, days: number): string[] {
  const dated = names.flatMap((name) => {
    const parsed = parseBackupName(name);
    return parsed ? [{ name, at: parsed.at }] : [];
  }).sort((a, b) => b.at.getTime() - a.at.getTime());
  const cutoff = now.getTime() - days * 86_400_000;
  return dated.slice(1).filter((b) => b.at.getTime() < cutoff).map((b) => b.name);
}

export interface Manifest {
  file: string;
  format: DumpFormat;
  createdAt: string;
  /** Of the encrypted file as stored. */
  sha256: string;
  bytes: number;
  tables: number;
  appVersion: string;
}
