import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

export const LOCK_FILE = 'clientsvia.lock';

export class DataDirLockedError extends Error {
  constructor(dir: string) {
    super(`The data directory ${dir} is in use by another running ClientsVia process; two processes would corrupt it. Stop that process or set DATA_DIR to another directory.`);
    this.name = 'DataDirLockedError';
  }
}

const SQLITE_BUSY = 5;
const SQLITE_NOTADB = 26;

// Held locks must not be garbage-collected: closing the handle releases the lock.
const held = new Set<DatabaseSync>();

/**
 * PGlite is a single-process database: a second process opening the same directory corrupts
 * it. The directory is kept to one process by an exclusive advisory lock on an open file
 * (POSIX `fcntl`, taken through Node's built-in SQLite: an exclusive transaction on an empty
 * database file that stays open while the process lives). The operating system drops the lock
 * when the process ends however it ends, so there is no stale lock to judge by a pid that may
 * have been reused. The file itself stays: deleting it could let two processes lock two files.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, LOCK_FILE);
  const lock = takeLock(file) ?? (emptyLegacyLockFile(file), takeLock(file));
  if (!lock) throw new Error(`Could not lock data directory ${dir}`);
  held.add(lock);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    held.delete(lock);
    lock.close();
  };

  function takeLock(path: string): DatabaseSync | undefined {
    const db = new DatabaseSync(path, { timeout: 0 });
    try {
      db.exec('BEGIN EXCLUSIVE');
      return db;
    } catch (err) {
      db.close();
      const code = (err as { errcode?: number }).errcode;
      if (code === SQLITE_BUSY) throw new DataDirLockedError(dir);
      if (code === SQLITE_NOTADB) return undefined;
      throw err;
    }
  }
}

/**
 * Earlier versions wrote their pid into the lock file, which means nothing now. It is emptied
 * in place (an empty file is an empty database), never replaced, so every process locks the
 * same file.
 */
function emptyLegacyLockFile(file: string): void {
  closeSync(openSync(file, 'w'));
}
