import type { Db } from '../../db/connect.ts';
import type { TenantTx } from '../../db/tenant.ts';
import { AppError } from '../../errors.ts';
import { TRADE_CATEGORIES } from './trade-categories.catalog.ts';
import { tradeCategoriesRepository as repo } from './trade-categories.repository.ts';

export function createTradeCategoriesService(db: Db) {
  return {
    list: () => repo.list(db),

    /** Rejects ids that are not platform trade categories, naming them. */
    async assertExist(tx: TenantTx, ids: string[]): Promise<void> {
      if (ids.length === 0) return;
      const found = new Set((await repo.findIds(tx, ids)).map((r) => r.id));
      const unknown = ids.filter((id) => !found.has(id));
      if (unknown.length > 0) {
        throw new AppError('VALIDATION_FAILED', `Unknown trade category: ${unknown.join(', ')}`, { field: 'tradeCategoryIds', unknown });
      }
    },

    /** Makes sure every catalogued category exists; safe to run on every start. */
    async seed(): Promise<void> {
      for (const c of TRADE_CATEGORIES) await repo.upsert(db, c);
    },
  };
}

export type TradeCategoriesService = ReturnType<typeof createTradeCategoriesService>;
