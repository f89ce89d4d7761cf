import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../errors.ts';
import { authRepository as repo } from './auth.repository.ts';
import { API_TOKEN_PREFIX, apiTokenHashOf, newSecret, sessionIdOf, verifyPassword } from './credentials.ts';
import type { Principal } from './principal.ts';

// Per-account brute-force protection (per-IP limits are in the rate-limit plugin).
const LOCK_AFTER_FAILURES = 5;
const LOCK_MINUTES = 15;
// last_used_at is informative; writing it on every request would make reads into writes.
const TOKEN_TOUCH_INTERVAL_MS = 60_000;

export interface LoginResult {
  sessionToken: string;
  expiresAt: Date;
  principal: Extract<Principal, { kind: 'user' }>;
}

export function createAuthService(config: Config, db: Db) {
  return {
    async login(email: string, password: string): Promise<LoginResult> {
      const user = await repo.findUserByEmail(db, email);
      if (user?.locked_until && user.locked_until > new Date()) {
        throw new AppError('ACCOUNT_LOCKED', 'Too many failed sign-in attempts. Try again later.', {
          retryAfterSeconds: Math.ceil((user.locked_until.getTime() - Date.now()) / 1000),
        });
      }
      const ok = await verifyPassword(user?.password_hash, password);
      if (!user || !ok || user.disabled) {
        if (user && !ok) await repo.recordFailedLogin(db, user.id, LOCK_AFTER_FAILURES, LOCK_MINUTES);
        throw new AppError('INVALID_CREDENTIALS', 'Email or password is incorrect.');
      }
      await repo.recordSuccessfulLogin(db, user.id);
      const sessionToken = newSecret();
      const sessionId = sessionIdOf(sessionToken, config.sessionSecret);
      const expiresAt = new Date(Date.now() + config.sessionTtlHours * 3_600_000);
      await repo.insertSession(db, sessionId, user.id, expiresAt);
      return {
        sessionToken,
        expiresAt,
        principal: { kind: 'user', userId: user.id, email: user.email, role: user.role, companyId: user.company_id, sessionId },
      };
    },

    async logout(sessionId: string): Promise<void> {
      await repo.deleteSession(db, sessionId);
    },

    async resolveSession(token: string): Promise<Principal | null> {
      const row = await repo.findLiveSession(db, sessionIdOf(token, config.sessionSecret));
      if (!row || row.disabled) return null;
      return { kind: 'user', userId: row.userId, email: row.email, role: row.role, companyId: row.company_id, sessionId: row.sessionId, companySuspended: row.companyStatus === 'suspended' };
    },

    async resolveApiToken(token: string): Promise<Principal | null> {
      if (!token.startsWith(API_TOKEN_PREFIX)) return null;
      const row = await repo.findLiveApiToken(db, apiTokenHashOf(token));
      if (!row) return null;
      if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > TOKEN_TOUCH_INTERVAL_MS) {
        await repo.touchApiToken(db, row.id);
      }
      return { kind: 'api_token', tokenId: row.id, tokenName: row.name, companyId: row.company_id, role: 'staff', companySuspended: row.companyStatus === 'suspended' };
    },

    pruneExpiredSessions: () => repo.deleteExpiredSessions(db),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
