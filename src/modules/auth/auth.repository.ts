import type { PlatformTx } from '../../db/tenant.ts';
import type { Db } from '../../db/connect.ts';

type Q = Db | PlatformTx;

export const authRepository = {
  findUserByEmail(q: Q, email: string) {
    return q.selectFrom('platform.users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
  },

  findUserById(q: Q, id: string) {
    return q.selectFrom('platform.users').select(['id', 'email', 'role', 'company_id', 'password_hash']).where('id', '=', id).executeTakeFirst();
  },

  findAdmin(q: Q) {
    return q.selectFrom('platform.users').select(['id', 'email', 'role', 'company_id']).where('role', '=', 'admin').orderBy('created_at').executeTakeFirst();
  },

  setPasswordHash(q: Q, userId: string, passwordHash: string) {
    return q.updateTable('platform.users').set({ password_hash: passwordHash, updated_at: new Date() }).where('id', '=', userId).execute();
  },

  /** Ends every session of the user but `keep` (the one changing its own password), if given. */
  async deleteSessionsOf(q: Q, userId: string, keep?: string): Promise<number> {
    let query = q.deleteFrom('platform.sessions').where('user_id', '=', userId);
    if (keep) query = query.where('id', '!=', keep);
    const [res] = await query.execute();
    return Number(res?.numDeletedRows ?? 0);
  },

  recordSuccessfulLogin(q: Q, userId: string) {
    return q
      .updateTable('platform.users')
      .set({ last_login_at: new Date() })
      .where('id', '=', userId)
      .execute();
  },

  insertSession(q: Q, id: string, userId: string, expiresAt: Date) {
    return q.insertInto('platform.sessions').values({ id, user_id: userId, expires_at: expiresAt }).execute();
  },

  deleteSession(q: Q, id: string) {
    return q.deleteFrom('platform.sessions').where('id', '=', id).execute();
  },

  deleteExpiredSessions(q: Q) {
    return q.deleteFrom('platform.sessions').where('expires_at', '<=', new Date()).execute();
  },

  findLiveSession(q: Q, id: string) {
    return q
      .selectFrom('platform.sessions as s')
      .innerJoin('platform.users as u', 'u.id', 's.user_id')
      .leftJoin('platform.companies as c', 'c.id', 'u.company_id')
      .select(['s.id as sessionId', 's.expires_at', 'u.id as userId', 'u.email', 'u.role', 'u.company_id', 'u.disabled', 'c.status as companyStatus'])
      .where('s.id', '=', id)
      .where('s.expires_at', '>', new Date())
      .executeTakeFirst();
  },

  findLiveApiToken(q: Q, tokenHash: string) {
    return q
      .selectFrom('platform.api_tokens as t')
      .innerJoin('platform.companies as c', 'c.id', 't.company_id')
      .select(['t.id', 't.name', 't.company_id', 't.scope', 't.last_used_at', 'c.status as companyStatus'])
      .where('t.token_hash', '=', tokenHash)
      .where('t.revoked_at', 'is', null)
      .executeTakeFirst();
  },

  touchApiToken(q: Q, id: string) {
    return q.updateTable('platform.api_tokens').set({ last_used_at: new Date() }).where('id', '=', id).execute();
  },
};
