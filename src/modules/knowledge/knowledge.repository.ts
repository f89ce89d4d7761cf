import { sql } from 'kysely';
import type { TenantTx } from '../../db/tenant.ts';
import type { PageRequest } from '../../http/common-schemas.ts';
import type { EntryValues } from './knowledge-text.ts';
import { escapeLike } from '../../db/escape-like.ts';

export interface EntryFilter {
  q?: string | undefined;
  tag?: string | undefined;
  enabled?: boolean | undefined;
}

const ENTRY_COLUMNS = ['id', 'question', 'answer', 'alternatives', 'tags', 'enabled', 'created_at', 'updated_at'] as const;

/** A company's own entries and its overrides of inherited trade entries. */
export const knowledgeRepository = {
  findById(tx: TenantTx, companyId: string, id: string) {
    return tx.selectFrom('knowledge_entries').select(ENTRY_COLUMNS).where('company_id', '=', companyId).where('id', '=', id).executeTakeFirst();
  },

  list(tx: TenantTx, companyId: string, filter: EntryFilter, page: PageRequest) {
    let q = tx.selectFrom('knowledge_entries').select(ENTRY_COLUMNS).where('company_id', '=', companyId);
    if (filter.q) q = q.where((eb) => eb.or([eb('question', 'ilike', `%${escapeLike(filter.q!)}%`), eb('search_text', 'ilike', `%${escapeLike(filter.q!.toLowerCase())}%`)]));
    if (filter.tag) q = q.where(sql<boolean>`${filter.tag.toLowerCase()} = ANY(tags)`);
    if (filter.enabled !== undefined) q = q.where('enabled', '=', filter.enabled);
    return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit + 1).offset(page.offset).execute();
  },

  /** Every entry, oldest first (export order = creation order, so a round trip keeps it). */
  all(tx: TenantTx, companyId: string) {
    return tx.selectFrom('knowledge_entries').select(ENTRY_COLUMNS).where('company_id', '=', companyId).orderBy('created_at').orderBy('id').execute();
  },

  insert(tx: TenantTx, companyId: string, values: EntryValues) {
    return tx.insertInto('knowledge_entries').values({ company_id: companyId, ...values }).returning('id').executeTakeFirstOrThrow();
  },

  async insertMany(tx: TenantTx, companyId: string, values: readonly EntryValues[]): Promise<number> {
    const CHUNK = 500;
    let n = 0;
    // Creation times a millisecond apart in row order (ending now), so exports list the rows as imported.
    const first = Date.now() - values.length;
    for (let i = 0; i < values.length; i += CHUNK) {
      const rows = values.slice(i, i + CHUNK).map((v, k) => {
        const at = new Date(first + i + k + 1);
        return { company_id: companyId, ...v, created_at: at, updated_at: at };
      });
      n += (await tx.insertInto('knowledge_entries').values(rows).execute()).reduce((sum, r) => sum + Number(r.numInsertedOrUpdatedRows ?? 0), 0);
    }
    return n;
  },

  update(tx: TenantTx, companyId: string, id: string, patch: Partial<EntryValues>) {
    return tx.updateTable('knowledge_entries').set({ ...patch, updated_at: new Date() })
      .where('company_id', '=', companyId).where('id', '=', id).returning('id').executeTakeFirst();
  },

  delete(tx: TenantTx, companyId: string, id: string) {
    return tx.deleteFrom('knowledge_entries').where('company_id', '=', companyId).where('id', '=', id).returning('id').executeTakeFirst();
  },

  async deleteAll(tx: TenantTx, companyId: string): Promise<number> {
    const r = await tx.deleteFrom('knowledge_entries').where('company_id', '=', companyId).executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  /** Trade entries of the company's categories (enabled by the platform), with the company's override. */
  inherited(tx: TenantTx, companyId: string, tradeEntryId?: string) {
    let q = tx.selectFrom('platform.trade_knowledge_entries as t')
      .innerJoin('company_trade_categories as ctc', (j) => j.onRef('ctc.trade_category_id', '=', 't.trade_category_id').on('ctc.company_id', '=', companyId))
      .innerJoin('platform.trade_categories as c', 'c.id', 't.trade_category_id')
      .leftJoin('knowledge_overrides as o', (j) => j.onRef('o.trade_entry_id', '=', 't.id').on('o.company_id', '=', companyId))
      .select([
        't.id', 't.seed_key', 't.question', 't.answer', 't.alternatives', 't.tags', 'c.id as category_id', 'c.slug as category_slug', 'c.name as category_name',
        'o.answer as override_answer', 'o.enabled as override_enabled', 'o.updated_at as override_updated_at',
      ])
      .where('t.enabled', '=', true);
    if (tradeEntryId) q = q.where('t.id', '=', tradeEntryId);
    return q.orderBy('c.name').orderBy('t.created_at').orderBy('t.id').execute();
  },

  upsertOverride(tx: TenantTx, companyId: string, tradeEntryId: string, values: { answer: string | null; enabled: boolean }) {
    return tx.insertInto('knowledge_overrides')
      .values({ company_id: companyId, trade_entry_id: tradeEntryId, ...values })
      .onConflict((oc) => oc.columns(['company_id', 'trade_entry_id']).doUpdateSet({ ...values, updated_at: new Date() }))
      .execute();
  },

  deleteOverride(tx: TenantTx, companyId: string, tradeEntryId: string) {
    return tx.deleteFrom('knowledge_overrides').where('company_id', '=', companyId).where('trade_entry_id', '=', tradeEntryId).execute();
  },
};
