import type { Db } from '../../db/connect.ts';
import { withTenant, type TenantTx } from '../../db/tenant.ts';
import { notFound } from '../../errors.ts';
import { toPage, type PageRequest } from '../../http/common-schemas.ts';
import { normalizePhone } from '../../phone/normalize.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Actor } from '../auth/principal.ts';
import type { ContactsService } from '../contacts/contacts.service.ts';
import { messagesRepository as repo, type MessageFilter } from './messages.repository.ts';

type MessageRow = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;

const present = (r: MessageRow) => ({
  id: r.id,
  callId: r.call_id,
  contactId: r.contact_id,
  callerName: r.caller_name,
  callbackNumber: r.callback_number,
  body: r.body,
  urgent: r.urgent,
  status: r.status,
  handledAt: r.handled_at,
  createdAt: r.created_at,
});

export type Message = ReturnType<typeof present>;

export interface NewMessage {
  callId: string | null;
  callerName: string;
  callbackNumber: string | null;
  body: string;
  urgent: boolean;
  /** Makes the write idempotent: the same key never stores a second message. */
  sourceKey: string | null;
}

/** Messages the agent takes for the company, linked to the call and to the caller's contact. */
export function createMessagesService(db: Db, audit: AuditService, contacts: ContactsService) {
  async function mustFind(tx: TenantTx, companyId: string, id: string): Promise<Message> {
    const row = await repo.findById(tx, companyId, id);
    if (!row) throw notFound('Message');
    return present(row);
  }

  return {
    /** Personal-data retention: deletes the company's messages taken before `cutoff`. */
    purgeBefore(companyId: string, cutoff: Date): Promise<number> {
      return withTenant(db, companyId, (tx) => repo.deleteCreatedBefore(tx, companyId, cutoff));
    },

    async create(actor: Actor, companyId: string, input: NewMessage): Promise<{ id: string; created: boolean }> {
      const callback = input.callbackNumber ? normalizePhone(input.callbackNumber) : null;
      return withTenant(db, companyId, async (tx) => {
        const contact = callback ? (await contacts.findOrCreateByPhoneIn(tx, actor, companyId, callback, { name: input.callerName })).contact : null;
        const result = await repo.insertOnce(tx, companyId, {
          call_id: input.callId,
          contact_id: contact?.id ?? null,
          caller_name: input.callerName.trim(),
          callback_number: callback ?? input.callbackNumber,
          body: input.body.trim().slice(0, 5000) || '(no message given)',
          urgent: input.urgent,
          source_key: input.sourceKey,
        });
        if (result.created) await audit.record(tx, companyId, actor, { action: 'message.taken', entityType: 'message', entityId: result.id, changes: { urgent: input.urgent } });
        return result;
      });
    },

    async list(companyId: string, filter: MessageFilter, page: PageRequest) {
      const rows = await withTenant(db, companyId, (tx) => repo.list(tx, companyId, filter, page));
      return toPage(rows.map(present), page);
    },

    async countWaiting(companyId: string): Promise<{ waiting: number; urgent: number }> {
      return withTenant(db, companyId, (tx) => repo.countWaiting(tx, companyId));
    },

    async get(companyId: string, id: string): Promise<Message> {
      return withTenant(db, companyId, (tx) => mustFind(tx, companyId, id));
    },

    async setStatus(actor: Actor, companyId: string, id: string, status: 'new' | 'handled'): Promise<Message> {
      return withTenant(db, companyId, async (tx) => {
        const row = await repo.setStatus(tx, companyId, id, status);
        if (!row) throw notFound('Message');
        await audit.record(tx, companyId, actor, { action: `message.${status}`, entityType: 'message', entityId: id });
        return present(row);
      });
    },
  };
}

export type MessagesService = ReturnType<typeof createMessagesService>;
