import type { Db } from '../../db/connect.ts';
import { withTenant } from '../../db/tenant.ts';
import { notFound } from '../../errors.ts';
import { toPage, type PageRequest } from '../../http/common-schemas.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Actor } from '../auth/principal.ts';
import type { CompaniesService } from '../companies/companies.service.ts';
import { localDayRange } from '../../time/company-days.ts';
import { leadsRepository as repo } from './leads.repository.ts';

type LeadRow = Awaited<ReturnType<typeof repo.listUnbooked>>[number];

interface Facts { problem?: unknown; emergency?: unknown; name?: unknown; phone?: unknown }

/** What the caller wanted, in a line: the service they named, the problem they described, or their message. */
export function wantedOf(r: Pick<LeadRow, 'service_name' | 'message_body' | 'outcome'>, facts: Facts): string {
  const parts = [r.service_name ?? '', typeof facts.problem === 'string' ? facts.problem : ''].filter((p) => p !== '');
  if (parts.length > 0) return parts.join(': ');
  if (r.message_body) return r.message_body;
  return facts.emergency === true || r.outcome === 'emergency' ? 'An emergency (no details given)' : 'A visit (no details given)';
}

function present(r: LeadRow) {
  const facts = ((r.state as { facts?: Facts }).facts ?? {});
  return {
    callId: r.id,
    startedAt: r.started_at,
    channel: r.channel,
    outcome: r.outcome,
    emergency: facts.emergency === true || r.outcome === 'emergency',
    wanted: wantedOf(r, facts),
    serviceName: r.service_name,
    message: r.message_body,
    contact: {
      id: r.contact_id,
      name: r.contact_name || (typeof facts.name === 'string' ? facts.name : null),
      phone: typeof facts.phone === 'string' ? facts.phone : r.from_number,
    },
    followedUp: r.followed_up_at ? { by: r.followed_up_by!, at: r.followed_up_at } : null,
  };
}

/**
 * Unbooked leads (calls/lead-predicate.ts) over company-local days, and the "followed up" mark
 * a person puts on one after calling back. Marks are audited like every other write.
 */
export function createLeadsService(db: Db, deps: { audit: AuditService; companies: CompaniesService; now: () => Date }) {
  const { audit, companies, now } = deps;
  return {
    async listUnbooked(companyId: string, query: { from?: string | undefined; to?: string | undefined; includeFollowedUp?: boolean | undefined }, page: PageRequest) {
      const range = localDayRange(query, await companies.timeZoneOf(companyId), now());
      const filter = { from: range.from, to: range.to, now: now(), includeFollowedUp: query.includeFollowedUp ?? false };
      const rows = await withTenant(db, companyId, (tx) => repo.listUnbooked(tx, companyId, filter, page));
      return { ...toPage(rows.map(present), page), from: range.fromDate, to: range.toDate };
    },

    /** Unbooked leads among calls started in [from, to) not yet followed up (the digest's count). */
    async countUnbooked(companyId: string, span: { from: Date; to: Date }): Promise<number> {
      return withTenant(db, companyId, (tx) => repo.countUnbooked(tx, companyId, { ...span, now: now(), includeFollowedUp: false }));
    },

    async markFollowedUp(actor: Actor, companyId: string, callId: string) {
      return withTenant(db, companyId, async (tx) => {
        if (!(await repo.callExists(tx, companyId, callId))) throw notFound('Call');
        const { row, created } = await repo.markFollowedUp(tx, companyId, callId, actor, now());
        if (created) await audit.record(tx, companyId, actor, { action: 'call.followed_up', entityType: 'call', entityId: callId });
        return { callId, followedUp: { by: row.actor_label, at: row.followed_up_at } };
      });
    },

    async unmarkFollowedUp(actor: Actor, companyId: string, callId: string): Promise<void> {
      await withTenant(db, companyId, async (tx) => {
        if (!(await repo.callExists(tx, companyId, callId))) throw notFound('Call');
        if (await repo.unmark(tx, companyId, callId)) await audit.record(tx, companyId, actor, { action: 'call.follow_up_undone', entityType: 'call', entityId: callId });
      });
    },
  };
}

export type LeadsService = ReturnType<typeof createLeadsService>;
