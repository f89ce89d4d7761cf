import type { Db } from '../../db/connect.ts';
import type { ApiTokenScope } from '../../db/schema.ts';
import type { PlatformTx } from '../../db/tenant.ts';
import type { PageRequest } from '../../http/common-schemas.ts';

type Q = Db | PlatformTx;

// Never selects token_hash.
const PUBLIC_COLUMNS = ['id', 'company_id', 'name', 'scope', 'last_four', 'created_by', 'created_at', 'last_used_at', 'revoked_at'] as const;

export const apiTokensRepository = {
  list(q: Q, companyId: string, page: PageRequest) {
    return q.selectFrom('platform.api_tokens').select(PUBLIC_COLUMNS).where('company_id', '=', companyId)
      .orderBy('created_at', 'desc').orderBy('id').limit(page.limit + 1).offset(page.offset).execute();
  },

  insert(q: Q, values: { company_id: string; name: string; scope: ApiTokenScope; token_hash: string; last_four: string; created_by: string | null }) {
    return q.insertInto('platform.api_tokens').values(values).returning(PUBLIC_COLUMNS).executeTakeFirstOrThrow();
  },

  revoke(q: Q, companyId: string, id: string) {
    return q.updateTable('platform.api_tokens').set({ revoked_at: new Date() })
      .where('company_id', '=', companyId).where('id', '=', id).where('revoked_at', 'is', null)
      .returning(PUBLIC_COLUMNS).executeTakeFirst();
  },

  find(q: Q, companyId: string, id: string) {
    return q.selectFrom('platform.api_tokens').select(PUBLIC_COLUMNS).where('company_id', '=', companyId).where('id', '=', id).executeTakeFirst();
  },
};
