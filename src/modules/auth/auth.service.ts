import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../errors.ts';
import { admitAttempt } from './admit-attempt.ts';
import { authRepository as repo } from './auth.repository.ts';
import { API_TOKEN_PREFIX, apiTokenHashOf, newSecret, sessionIdOf, verifyPassword } from './credentials.ts';
import { EMAIL_PROBE_THROTTLE, SIGN_IN_THROTTLE, throttleKey } from './login-throttle.ts';
import { loginThrottleRepository as throttle } from './login-throttle.repository.ts';
import type { Principal } from './principal.ts';
import type { SessionCache } from './session-cache.ts';

// last_used_at is informative; writing it on every request would make reads into writes.
const TOKEN_TOUCH_INTERVAL_MS = 60_000;

export interface LoginResult {
  sessionToken: string;
  expiresAt: Date;
  principal: Extract<Principal, { kind: 'user' }>;
}

/** `sessions` keeps signed-in users in memory; `onSignedOut` tells every process's cache. */
export function createAuthService(config: Config, db: Db, deps: { sessions?: SessionCache; onSignedOut?: (sessionId: string) => void } = {}) {
  return {
    /**
     * The same work and the same answers whether the account exists or not: the attempt is
     * counted for the (email, address) pair first, then one password hash is verified (a
     * dummy one for an unknown email). A waiting pair is refused before any hash work, for
     * every email alike.
     */
    async login(email: string, password: string, address: string): Promise<LoginResult> {
      const key = throttleKey(email, address, config.sessionSecret);
      await admitAttempt(db, key);
      const user = await repo.findUserByEmail(db, email);
      const ok = await verifyPassword(user?.password_hash, password);
      if (!user || !ok || user.disabled) throw new AppError('INVALID_CREDENTIALS', 'Email or password is incorrect.');
      await throttle.clear(db, key);
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
      deps.onSignedOut?.(sessionId);
    },

    async resolveSession(token: string): Promise<Principal | null> {
      const id = sessionIdOf(token, config.sessionSecret);
      const load = async () => {
        const row = await repo.findLiveSession(db, id);
        if (!row || row.disabled) return null;
        const principal = { kind: 'user' as const, userId: row.userId, email: row.email, role: row.role, companyId: row.company_id, sessionId: row.sessionId, companySuspended: row.companyStatus === 'suspended' };
        return { principal, expiresAt: row.expires_at.getTime() };
      };
      if (deps.sessions) return deps.sessions.resolve(id, load);
      return (await load())?.principal ?? null;
    },

    async resolveApiToken(token: string): Promise<Principal | null> {
      if (!token.startsWith(API_TOKEN_PREFIX)) return null;
      const row = await repo.findLiveApiToken(db, apiTokenHashOf(token));
      if (!row) return null;
      if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > TOKEN_TOUCH_INTERVAL_MS) {
        await repo.touchApiToken(db, row.id);
      }
      return { kind: 'api_token', tokenId: row.id, tokenName: row.name, companyId: row.company_id, role: 'staff', scope: row.scope, companySuspended: row.companyStatus === 'suspended' };
    },

    async pruneExpiredSessions(): Promise<void> {
      await repo.deleteExpiredSessions(db);
      await throttle.pruneForgotten(db, new Date(Date.now() - Math.max(SIGN_IN_THROTTLE.forgetAfterMs, EMAIL_PROBE_THROTTLE.forgetAfterMs)));
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
