import type { TenantTx } from '../../db/tenant.ts';
import type { Actor } from '../auth/principal.ts';
import type { PageRequest } from '../../http/common-schemas.ts';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  changes?: Record<string, unknown>;
}

export const auditRepository = {
  insert(tx: TenantTx, companyId: string, actor: Actor, entry: AuditEntry) {
    return tx
      .insertInto('audit_log')
      .values({
        company_id: companyId,
        actor_type: actor.type,
        actor_id: actor.id,
        actor_label: actor.label,
        action: entry.action,
        entity_type: entry.entityType,
        entity_id: entry.entityId ?? null,
        changes: JSON.stringify(entry.changes ?? {}),
      })
      .execute();
  },

  list(tx: TenantTx, companyId: string, filter: { entityType?: string | undefined; entityId?: string | undefined }, page: PageRequest) {
    let q = tx.selectFrom('audit_log').selectAll().where('company_id', '=', companyId);
    if (filter.entityType) q = q.where('entity_type', '=', filter.entityType);
    if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
    return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit + 1).offset(page.offset).execute();
  },
};
