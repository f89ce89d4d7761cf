import { sql } from 'kysely';
import type { TenantTx } from '../../db/tenant.ts';
import type { PageRequest } from '../../http/common-schemas.ts';

export interface MessageValues {
  call_id: string | null;
  contact_id: string | null;
  caller_name: string;
  callback_number: string | null;
  body: string;
  urgent: boolean;
  source_key: string | null;
}

export interface MessageFilter {
  status?: 'new' | 'handled' | undefined;
  callId?: string | undefined;
  urgent?: boolean | undefined;
}

export const messagesRepository = {
  async deleteCreatedBefore(tx: TenantTx, companyId: string, cutoff: Date): Promise<number> {
    const r = await tx.deleteFrom('messages').where('company_id', '=', companyId).where('created_at', '<', cutoff).executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  /** Inserts unless a message with the same source key exists; returns the id either way. */
  async insertOnce(tx: TenantTx, companyId: string, values: MessageValues): Promise<{ id: string; created: boolean }> {
    const inserted = await tx
      .insertInto('messages')
      .values({ ...values, company_id: companyId })
      .onConflict((oc) => oc.columns(['company_id', 'source_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) return { id: inserted.id, created: true };
    const existing = await tx.selectFrom('messages').select('id').where('company_id', '=', companyId).where('source_key', '=', values.source_key).executeTakeFirstOrThrow();
    return { id: existing.id, created: false };
  },

  findById(tx: TenantTx, companyId: string, id: string) {
    return tx.selectFrom('messages').selectAll().where('company_id', '=', companyId).where('id', '=', id).executeTakeFirst();
  },

  list(tx: TenantTx, companyId: string, filter: MessageFilter, page: PageRequest) {
    let q = tx.selectFrom('messages').selectAll().where('company_id', '=', companyId);
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.callId) q = q.where('call_id', '=', filter.callId);
    if (filter.urgent !== undefined) q = q.where('urgent', '=', filter.urgent);
    return q.orderBy('created_at', 'desc').orderBy('id').limit(page.limit + 1).offset(page.offset).execute();
  },

  /** Messages not yet handled, and how many of them are urgent. */
  async countWaiting(tx: TenantTx, companyId: string): Promise<{ waiting: number; urgent: number }> {
    const row = await tx
      .selectFrom('messages')
      .select([(eb) => eb.fn.countAll<string>().as('waiting'), sql<string>`count(*) FILTER (WHERE urgent)`.as('urgent')])
      .where('company_id', '=', companyId)
      .where('status', '=', 'new')
      .executeTakeFirstOrThrow();
    return { waiting: Number(row.waiting), urgent: Number(row.urgent) };
  },

  setStatus(tx: TenantTx, companyId: string, id: string, status: 'new' | 'handled') {
    return tx
      .updateTable('messages')
      .set({ status, handled_at: status === 'handled' ? new Date() : null })
      .where('company_id', '=', companyId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  },
};
