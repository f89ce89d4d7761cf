import type { AuthService } from '../../modules/auth/auth.service.ts';

export const PRUNE_SESSIONS_JOB = 'prune-expired-sessions';
/** Every quarter hour (UTC). */
export const PRUNE_SESSIONS_CRON = '*/15 * * * *';

/** Expired sessions are refused on lookup already; pruning only keeps the table small. */
export function pruneSessions(auth: Pick<AuthService, 'pruneExpiredSessions'>) {
  return async (): Promise<void> => {
    await auth.pruneExpiredSessions();
  };
}
