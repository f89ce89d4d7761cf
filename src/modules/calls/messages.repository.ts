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

export const messagesRepository = {
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

  list(tx: TenantTx, companyId: string, filter: { status?: 'new' | 'handled' | undefined; callId?: string | undefined }, page: PageRequest) {
    let q = tx.selectFrom('messages').selectAll().where('company_id', '=', companyId);
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.callId) q = q.where('call_id', '=', filter.callId);
    return q.orderBy('created_at', 'desc').orderBy('id').limit(page.limit + 1).offset(page.offset).execute();
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
