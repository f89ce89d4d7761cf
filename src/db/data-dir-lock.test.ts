import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, LOCK_FILE, lockDataDir } from './data-dir-lock.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'clientsvia-lock-'));

/** Another process holding the lock of `d` (through the same module), until killed. */
async function holder(d: string): Promise<ChildProcess> {
  const script = `import { lockDataDir } from ${JSON.stringify(join(import.meta.dirname, 'data-dir-lock.ts'))}; lockDataDir(${JSON.stringify(d)}); process.stdout.write('locked\\n'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((ok, fail) => {
    child.stdout!.on('data', (b: Buffer) => b.toString().includes('locked') && ok());
    child.on('exit', (code) => fail(new Error(`holder exited with ${code}`)));
  });
  return child;
}

const gone = (child: ChildProcess) => new Promise<void>((ok) => (child.exitCode !== null || child.signalCode !== null ? ok() : child.on('exit', () => ok())));

describe('data directory lock', () => {
  it('refuses a second holder while a live process holds it', async () => {
    const d = dir();
    const child = await holder(d);
    try {
      expect(() => lockDataDir(d)).toThrow(DataDirLockedError);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('is released by the operating system when its holder is killed', async () => {
    const d = dir();
    const child = await holder(d);
    child.kill('SIGKILL');
    await gone(child);
    const release = lockDataDir(d);
    release();
  });

  it('is not fooled by an old lock file naming a live process that is not holding it (pids are reused)', () => {
    const d = dir();
    // The pid of a live process (the test runner's parent), as a pid-file lock would have recorded.
    writeFileSync(join(d, LOCK_FILE), String(process.ppid));
    const release = lockDataDir(d);
    expect(() => lockDataDir(d)).toThrow(DataDirLockedError);
    release();
    lockDataDir(d)();
  });

  it('can be taken again once released', () => {
    const d = dir();
    lockDataDir(d)();
    lockDataDir(d)();
  });
});
