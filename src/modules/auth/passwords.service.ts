import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { enterTenant, withPlatform } from '../../db/tenant.ts';
import { AppError } from '../../errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { admitAttempt } from './admit-attempt.ts';
import { authRepository as repo } from './auth.repository.ts';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './credentials.ts';
import { accountKey, throttleKey } from './login-throttle.ts';
import { loginThrottleRepository as throttle } from './login-throttle.repository.ts';
import type { Actor } from './principal.ts';

interface Account {
  id: string;
  email: string;
  company_id: string | null;
}

/** `onAccessChanged` hears of a user whose sessions must be read afresh (after the commit). */
export function createPasswordsService(config: Config, db: Db, audit: AuditService, hooks: { onAccessChanged?: (userId: string) => void } = {}) {
  /**
   * One transaction: the new hash, every other session of the user ended, the account's
   * sign-in failures forgotten (they were guesses at the old password), and for a company
   * user an audit entry (the platform admin has no company log).
   */
  async function setPassword(user: Account, password: string, actor: Actor, keepSession?: string): Promise<number> {
    const passwordHash = await hashPassword(password);
    const ended = await withPlatform(db, async (trx) => {
      await repo.setPasswordHash(trx, user.id, passwordHash);
      const ended = await repo.deleteSessionsOf(trx, user.id, keepSession);
      await throttle.clearAccount(trx, accountKey(user.email, config.sessionSecret));
      if (user.company_id) {
        const tx = await enterTenant(trx, user.company_id);
        await audit.record(tx, user.company_id, actor, { action: 'user.password_changed', entityType: 'user', entityId: user.id, changes: { sessionsEnded: ended } });
      }
      return ended;
    });
    hooks.onAccessChanged?.(user.id);
    return ended;
  }

  return {
    /**
     * A signed-in user changes its own password. The current one is required and checked
     * under the same throttle as sign-in (a stolen session cannot guess it quickly); the
     * session making the change stays, every other one ends.
     */
    async changeOwn(user: { userId: string; email: string; sessionId: string }, current: string, next: string, address: string): Promise<{ sessionsEnded: number }> {
      const key = throttleKey(user.email, address, config.sessionSecret);
      await admitAttempt(db, key);
      const row = await repo.findUserById(db, user.userId);
      if (!(await verifyPassword(row?.password_hash, current)) || !row) {
        throw new AppError('WRONG_PASSWORD', 'The current password is not correct.', { field: 'body.currentPassword' });
      }
      const actor: Actor = { type: 'user', id: row.id, label: row.email };
      return { sessionsEnded: await setPassword(row, next, actor, user.sessionId) };
    },

    /** `npm run admin:reset-password`: a new password for the platform admin (generated when not given); every admin session ends. */
    async resetAdmin(password?: string): Promise<{ email: string; password: string; generated: boolean; sessionsEnded: number }> {
      if (password !== undefined && password.length < MIN_PASSWORD_LENGTH) {
        throw new AppError('VALIDATION_FAILED', `The new password must be at least ${MIN_PASSWORD_LENGTH} characters.`);
      }
      const admin = await repo.findAdmin(db);
      if (!admin) throw new AppError('NOT_FOUND', 'There is no platform admin yet: start the server once (npm start) to create it.');
      const chosen = password ?? generatePassword();
      const sessionsEnded = await setPassword(admin, chosen, { type: 'system', id: null, label: 'admin:reset-password' });
      return { email: admin.email, password: chosen, generated: password === undefined, sessionsEnded };
    },
  };
}

export type PasswordsService = ReturnType<typeof createPasswordsService>;
