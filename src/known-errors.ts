import { ConfigError } from './config.ts';
import { DataDirLockedError } from './db/data-dir-lock.ts';
import { databaseTrouble } from './db/pg-errors.ts';
import { AppError } from './errors.ts';

/** A failure a command explains itself, in one line (its message). */
export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandError';
  }
}

/**
 * One line for an operator about a failure they can act on (a bad setting, a data directory in
 * use, a port taken, a database or server that does not answer); undefined for anything else,
 * which is a bug and keeps its stack.
 */
export function describeKnownError(err: unknown): string | undefined {
  if (err instanceof ConfigError) return `Invalid configuration: ${err.problems.join('; ')}`;
  if (err instanceof DataDirLockedError || err instanceof CommandError) return err.message;
  if (err instanceof AppError) return `${err.code}: ${err.message}`;
  const e = err as { code?: string; address?: string; port?: number } | null;
  if (e?.code === 'EADDRINUSE') return `${e.address ?? 'the address'}:${e.port ?? ''} is already in use by another process; set PORT (or HOST) to a free one`;
  if (e?.code === 'EACCES' && e.port !== undefined) return `not allowed to listen on port ${e.port}; set PORT to one above 1023`;
  if (databaseTrouble(err) === 'unavailable') return `the database does not answer (${reasonOf(err)}); check DATABASE_URL and that the server is running`;
  return undefined;
}

function reasonOf(err: unknown): string {
  const first = err instanceof AggregateError && err.errors.length > 0 ? err.errors[0] : err;
  const { code, message } = first as { code?: string; message?: string };
  return code ?? message ?? String(first);
}
