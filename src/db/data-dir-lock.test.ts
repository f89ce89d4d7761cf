import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'clientsvia-lock-'));

describe('data directory lock', () => {
  it('refuses a second holder while a live process holds it', async () => {
    const d = dir();
    // A live process other than us holds the lock.
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      writeFileSync(join(d, 'clientsvia.lock'), String(child.pid));
      expect(() => lockDataDir(d)).toThrow(DataDirLockedError);
    } finally {
      child.kill();
    }
  });

  it('takes over a lock left by a process that no longer exists, and releases it', () => {
    const d = dir();
    writeFileSync(join(d, 'clientsvia.lock'), '999999999');
    const release = lockDataDir(d);
    expect(existsSync(join(d, 'clientsvia.lock'))).toBe(true);
    release();
    expect(existsSync(join(d, 'clientsvia.lock'))).toBe(false);
  });
});
