import type { Db } from '../../db/connect.ts';
import { AppError } from '../../errors.ts';
import { THROTTLE } from './login-throttle.ts';
import { loginThrottleRepository as throttle } from './login-throttle.repository.ts';

/**
 * Counts one password attempt of an (account, address) pair before the password is checked,
 * or refuses it with `LOGIN_THROTTLED` while the pair waits. Sign-in and password change
 * both pass through here: whoever guesses a password is slowed the same way.
 */
export async function admitAttempt(db: Db, key: string, now = new Date()): Promise<void> {
  if (await throttle.countAttempt(db, key, now, THROTTLE)) return;
  const until = (await throttle.blockedUntil(db, key)) ?? now;
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  throw new AppError('LOGIN_THROTTLED', 'Too many failed password attempts from this address. Try again later.', { retryAfterSeconds });
}
