import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { PlatformTx } from '../../db/tenant.ts';
import type { ThrottlePolicy } from './login-throttle.ts';

type Q = Db | PlatformTx;

export const loginThrottleRepository = {
  /**
   * Counts one attempt as a failure before the password is checked (a success clears it), in
   * one upsert: concurrent attempts on the same pair are serialised by the row lock, so no more
   * than the policy allows ever reach the password check. Returns nothing while the pair waits
   * (the attempt is not counted then). The wait after failure n ≥ freeAttempts is
   * baseDelay · 2^(n − freeAttempts), at most maxDelay.
   */
  async countAttempt(q: Q, key: string, now: Date, p: ThrottlePolicy): Promise<{ failures: number } | undefined> {
    // The failure this attempt would be: the next one, or the first again after a quiet day.
    const failures = sql<number>`(CASE WHEN t.updated_at < ${new Date(now.getTime() - p.forgetAfterMs)} THEN 1 ELSE t.failures + 1 END)`;
    const res = await sql<{ failures: number }>`
      INSERT INTO platform.attempt_throttle AS t (key, failures, blocked_until, updated_at)
      VALUES (${key}, 1, ${p.freeAttempts <= 1 ? new Date(now.getTime() + p.baseDelayMs) : null}, ${now})
      ON CONFLICT (key) DO UPDATE SET
        failures = ${failures},
        blocked_until = CASE WHEN ${failures} >= ${p.freeAttempts}
          THEN ${now}::timestamptz + make_interval(secs => least(${p.maxDelayMs}::float8, ${p.baseDelayMs}::float8 * 2 ^ least(${failures} - ${p.freeAttempts}, 30)) / 1000)
          ELSE NULL END,
        updated_at = ${now}
      WHERE t.blocked_until IS NULL OR t.blocked_until <= ${now}
      RETURNING t.failures`.execute(q);
    return res.rows[0];
  },

  /** Takes back an attempt that turned out not to count (an owner's user creation that succeeded). */
  release(q: Q, key: string, p: ThrottlePolicy) {
    return q.updateTable('platform.attempt_throttle')
      .set((eb) => ({
        failures: sql<number>`greatest(${eb.ref('failures')} - 1, 0)`,
        blocked_until: sql<Date | null>`CASE WHEN ${eb.ref('failures')} - 1 < ${p.freeAttempts} THEN NULL ELSE ${eb.ref('blocked_until')} END`,
      }))
      .where('key', '=', key).execute();
  },

  async blockedUntil(q: Q, key: string): Promise<Date | null> {
    const row = await q.selectFrom('platform.attempt_throttle').select('blocked_until').where('key', '=', key).executeTakeFirst();
    return row?.blocked_until ?? null;
  },

  clear(q: Q, key: string) {
    return q.deleteFrom('platform.attempt_throttle').where('key', '=', key).execute();
  },

  /** Every pair of one account (keys start with the account's part). */
  clearAccount(q: Q, accountKey: string) {
    return q.deleteFrom('platform.attempt_throttle').where('key', 'like', `${accountKey}.%`).execute();
  },

  /** Pairs that wait no more and have been quiet long enough to start from zero anyway. */
  pruneForgotten(q: Q, before: Date) {
    return q.deleteFrom('platform.attempt_throttle').where('updated_at', '<', before)
      .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', before)])).execute();
  },
};
