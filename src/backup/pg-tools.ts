import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** pg_dump and pg_restore as child processes: the connection travels in PG* variables, never argv. */
export interface ToolResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

export class ToolMissingError extends Error {
  readonly tool: string;
  constructor(tool: string) {
    super(`${tool} was not found`);
    this.tool = tool;
    this.name = 'ToolMissingError';
  }
}

export const toolPath = (tool: 'pg_dump' | 'pg_restore', binDir: string | undefined) => (binDir ? join(binDir, tool) : tool);

export function runTool(path: string, args: string[], options: { env?: Record<string, string>; stdin?: Buffer } = {}): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(path, args, { env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e: NodeJS.ErrnoException) => reject(e.code === 'ENOENT' ? new ToolMissingError(path) : e));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
    // A tool that exits early closes its stdin: that is its answer, not ours to throw.
    child.stdin.on('error', () => {});
    child.stdin.end(options.stdin);
  });
}

/** The major version a `--version` line names ("pg_dump (PostgreSQL) 15.20 (Debian ...)" → 15). */
export function majorOf(versionLine: string): number | undefined {
  const m = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(versionLine);
  return m ? Number(m[1]) : undefined;
}

/** libpq's variables for a postgres:// URL. */
export function pgEnv(url: string): Record<string, string> {
  const u = new URL(url);
  const env: Record<string, string> = {};
  const host = u.searchParams.get('host') ?? decodeURIComponent(u.hostname);
  if (host) env.PGHOST = host;
  if (u.port) env.PGPORT = u.port;
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const db = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (db) env.PGDATABASE = db;
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

/** The first line of a tool's complaint, for a one-line error. */
export const firstLine = (stderr: string) => stderr.split('\n').map((l) => l.trim()).find(Boolean) ?? 'no message';
