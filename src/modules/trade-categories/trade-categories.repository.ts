import type { Db } from '../../db/connect.ts';
import type { PlatformTx, TenantTx } from '../../db/tenant.ts';

type Q = Db | PlatformTx | TenantTx;

export const tradeCategoriesRepository = {
  list(q: Q) {
    return q.selectFrom('platform.trade_categories').select(['id', 'slug', 'name', 'description']).orderBy('name').execute();
  },

  findIds(q: Q, ids: string[]) {
    return q.selectFrom('platform.trade_categories').select('id').where('id', 'in', ids).execute();
  },

  upsert(q: Q, values: { slug: string; name: string; description: string }) {
    return q
      .insertInto('platform.trade_categories')
      .values(values)
      .onConflict((oc) => oc.column('slug').doUpdateSet({ name: values.name, description: values.description }))
      .execute();
  },
};
