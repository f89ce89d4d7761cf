import type { Db } from '../../db/connect.ts';
import type { PlatformTx, TenantTx } from '../../db/tenant.ts';
import type { PageRequest } from '../../http/common-schemas.ts';

type Q = Db | PlatformTx;

export interface CompanyPatch {
  name?: string;
  time_zone?: string;
  status?: 'active' | 'suspended';
  personal_data_retention_days?: number;
}

export const companiesRepository = {
  list(q: Q, page: PageRequest, onlyId?: string) {
    let query = q.selectFrom('platform.companies').selectAll();
    if (onlyId) query = query.where('id', '=', onlyId);
    return query.orderBy('created_at', 'asc').orderBy('id').limit(page.limit + 1).offset(page.offset).execute();
  },

  retentionDays(q: Q) {
    return q.selectFrom('platform.companies').select(['id', 'personal_data_retention_days as days']).orderBy('id').execute();
  },

  listIds(q: Q) {
    return q.selectFrom('platform.companies').select('id').orderBy('id').execute();
  },

  findById(q: Q, id: string) {
    return q.selectFrom('platform.companies').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async hasAny(q: Q): Promise<boolean> {
    return (await q.selectFrom('platform.companies').select('id').limit(1).executeTakeFirst()) !== undefined;
  },

  findBySlug(q: Q, slug: string) {
    return q.selectFrom('platform.companies').selectAll().where('slug', '=', slug).executeTakeFirst();
  },

  insert(q: Q, values: { name: string; slug: string; time_zone: string; status?: 'active' | 'suspended' }) {
    return q.insertInto('platform.companies').values(values).returningAll().executeTakeFirstOrThrow();
  },

  update(q: Q, id: string, patch: CompanyPatch) {
    return q.updateTable('platform.companies').set({ ...patch, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirst();
  },

  tradeCategoriesOf(tx: TenantTx, companyId: string) {
    return tx
      .selectFrom('company_trade_categories as ct')
      .innerJoin('platform.trade_categories as t', 't.id', 'ct.trade_category_id')
      .select(['t.id', 't.slug', 't.name'])
      .where('ct.company_id', '=', companyId)
      .orderBy('t.name')
      .execute();
  },

  async replaceTradeCategories(tx: TenantTx, companyId: string, ids: string[]) {
    await tx.deleteFrom('company_trade_categories').where('company_id', '=', companyId).execute();
    if (ids.length === 0) return;
    await tx.insertInto('company_trade_categories').values(ids.map((id) => ({ company_id: companyId, trade_category_id: id }))).execute();
  },
};
