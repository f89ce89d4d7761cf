/** SQLSTATEs the services turn into their own answers (a 409, a retry), rather than a 500. */
const codeOf = (err: unknown) => (err as { code?: string } | null)?.code;

export const isUniqueViolation = (err: unknown): boolean => codeOf(err) === '23505';
export const isExclusionViolation = (err: unknown): boolean => codeOf(err) === '23P01';
/** A row naming another that is not there: a request's id (a call, a contact) of nothing of the company's. */
export const isForeignKeyViolation = (err: unknown): boolean => codeOf(err) === '23503';

// The server cannot be reached or dropped the session: refused, reset, shut down by an admin
// or a failover (57P01/57P02), still starting (57P03), too many connections (53300), or any
// connection exception (class 08).
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', '57P01', '57P02', '57P03', '53300']);
// node-postgres reports a dropped socket and its pool's connect timeout only in the message.
const UNAVAILABLE_MESSAGES = [/^Connection terminated/, /timeout exceeded when trying to connect/, /not queryable/, /^Connection ended/];
// The statement outlived statement_timeout (57014) or waited out lock_timeout (55P03).
const BUSY_CODES = new Set(['57014', '55P03']);

/**
 * Whether a failure is the database's, not the request's: `unavailable` while the server is
 * down or the connection died, `busy` when a statement or lock wait hit its timeout.
 */
export function databaseTrouble(err: unknown): 'unavailable' | 'busy' | undefined {
  if (err === null || typeof err !== 'object') return undefined;
  const code = codeOf(err);
  if (code && BUSY_CODES.has(code)) return 'busy';
  if (code && (UNAVAILABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return 'unavailable';
  const message = (err as { message?: unknown }).message;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((m) => m.test(message))) return 'unavailable';
  // Connecting to a name with several addresses fails with every attempt's error.
  if (err instanceof AggregateError) return err.errors.some((e) => databaseTrouble(e) === 'unavailable') ? 'unavailable' : undefined;
  return undefined;
}

/**
 * A pg error for the log: the pool attaches the dead client to it (`err.client`), which would
 * otherwise serialise the whole connection state into one log line.
 */
export function loggableDbError(err: unknown): unknown {
  if (!(err instanceof Error) || !('client' in err)) return err;
  const { code, severity } = err as Error & { code?: string; severity?: string };
  return { type: err.name, message: err.message, code, severity, stack: err.stack };
}
