import type { Db } from '../../db/connect.ts';
import { withTenant, type TenantTx } from '../../db/tenant.ts';
import { toPage, type PageRequest } from '../../http/common-schemas.ts';
import type { Actor } from '../auth/principal.ts';
import { auditRepository as repo, type AuditEntry } from './audit.repository.ts';

const SECRET_KEY = /password|secret|token|api_?key|auth/i;

/** Drops anything that looks like a credential before it is written to the audit trail. */
function scrub(changes: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!changes) return undefined;
  return Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, SECRET_KEY.test(k) ? '[changed]' : v]));
}

export function createAuditService(db: Db) {
  return {
    /** Writes inside the caller's transaction, so the change and its record commit together. */
    record(tx: TenantTx, companyId: string, actor: Actor, entry: AuditEntry): Promise<unknown> {
      return repo.insert(tx, companyId, actor, { ...entry, changes: scrub(entry.changes) });
    },

    async list(companyId: string, filter: { entityType?: string; entityId?: string }, page: PageRequest) {
      const rows = await withTenant(db, companyId, (tx) => repo.list(tx, companyId, filter, page));
      return toPage(
        rows.map((r) => ({
          id: r.id,
          actor: { type: r.actor_type, id: r.actor_id, label: r.actor_label },
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          changes: r.changes,
          createdAt: r.created_at,
        })),
        page,
      );
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
