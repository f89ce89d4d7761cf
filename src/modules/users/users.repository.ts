import type { Db } from '../../db/connect.ts';
import type { PlatformTx } from '../../db/tenant.ts';
import type { PageRequest } from '../../http/common-schemas.ts';
import type { UserRole } from '../../db/schema.ts';

type Q = Db | PlatformTx;

// Never selects password_hash: what leaves this repository can be shown.
const PUBLIC_COLUMNS = ['id', 'email', 'name', 'role', 'company_id', 'disabled', 'last_login_at', 'created_at', 'updated_at'] as const;

export interface UserPatch {
  name?: string;
  role?: UserRole;
  disabled?: boolean;
  password_hash?: string;
}

export const usersRepository = {
  listByCompany(q: Q, companyId: string, page: PageRequest) {
    return q.selectFrom('platform.users').select(PUBLIC_COLUMNS).where('company_id', '=', companyId)
      .orderBy('created_at').orderBy('id').limit(page.limit + 1).offset(page.offset).execute();
  },

  findInCompany(q: Q, companyId: string, id: string) {
    return q.selectFrom('platform.users').select(PUBLIC_COLUMNS).where('company_id', '=', companyId).where('id', '=', id).executeTakeFirst();
  },

  emailExists(q: Q, email: string) {
    return q.selectFrom('platform.users').select('id').where('email', '=', email).executeTakeFirst();
  },

  insert(q: Q, values: { email: string; name: string; password_hash: string; role: UserRole; company_id: string | null }) {
    return q.insertInto('platform.users').values(values).returning(PUBLIC_COLUMNS).executeTakeFirstOrThrow();
  },

  update(q: Q, companyId: string, id: string, patch: UserPatch) {
    return q.updateTable('platform.users').set({ ...patch, updated_at: new Date() })
      .where('company_id', '=', companyId).where('id', '=', id).returning(PUBLIC_COLUMNS).executeTakeFirst();
  },

  delete(q: Q, companyId: string, id: string) {
    return q.deleteFrom('platform.users').where('company_id', '=', companyId).where('id', '=', id).executeTakeFirst();
  },

  countActiveOwners(q: Q, companyId: string) {
    return q.selectFrom('platform.users').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('company_id', '=', companyId).where('role', '=', 'owner').where('disabled', '=', false).executeTakeFirstOrThrow();
  },

  deleteSessionsOf(q: Q, userId: string) {
    return q.deleteFrom('platform.sessions').where('user_id', '=', userId).execute();
  },

  findAdmin(q: Q) {
    return q.selectFrom('platform.users').select('id').where('role', '=', 'admin').executeTakeFirst();
  },
};
