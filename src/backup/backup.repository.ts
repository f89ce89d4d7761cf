import type { Db } from '../db/connect.ts';
import type { Manifest } from './backup-names.ts';

/** SQL only: the record of verified backups (platform.backups). */
export const backupRepository = {
  async record(db: Db, m: Manifest): Promise<void> {
    await db.insertInto('platform.backups')
      .values({ file: m.file, format: m.format, bytes: m.bytes, sha256: m.sha256, tables: m.tables, created_at: m.createdAt })
      .execute();
  },

  async lastCreatedAt(db: Db): Promise<Date | undefined> {
    const row = await db.selectFrom('platform.backups').select('created_at').orderBy('created_at', 'desc').limit(1).executeTakeFirst();
    return row ? new Date(row.created_at) : undefined;
  },

  async forget(db: Db, files: string[]): Promise<void> {
    if (files.length > 0) await db.deleteFrom('platform.backups').where('file', 'in', files).execute();
  },
};
