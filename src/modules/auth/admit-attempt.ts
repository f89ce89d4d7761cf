import type { Db } from '../../db/connect.ts';
import { AppError } from '../../errors.ts';
import { SIGN_IN_THROTTLE, type ThrottlePolicy } from './login-throttle.ts';
import { loginThrottleRepository as throttle } from './login-throttle.repository.ts';

const signInThrottled = (retryAfterSeconds: number) =>
  new AppError('LOGIN_THROTTLED', 'Too many failed password attempts from this address. Try again later.', { retryAfterSeconds });

/**
 * Counts one attempt under `key` before it is checked, or refuses it while the key waits
 * (`LOGIN_THROTTLED` by default). Sign-in and password change both pass through here with
 * the (account, address) key: whoever guesses a password is slowed the same way.
 */
export async function admitAttempt(db: Db, key: string, policy: ThrottlePolicy = SIGN_IN_THROTTLE, refuse = signInThrottled): Promise<void> {
  const now = new Date();
  if (await throttle.countAttempt(db, key, now, policy)) return;
  const until = (await throttle.blockedUntil(db, key)) ?? now;
  throw refuse(Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)));
}

/** An admitted attempt that turned out not to be a failure, where failures are all that count. */
export const releaseAttempt = (db: Db, key: string, policy: ThrottlePolicy) => throttle.release(db, key, policy);
