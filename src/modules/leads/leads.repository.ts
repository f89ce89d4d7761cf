import { sql } from 'kysely';
import type { TenantTx } from '../../db/tenant.ts';
import type { PageRequest } from '../../http/common-schemas.ts';
import type { Actor } from '../auth/principal.ts';
import { isUnbookedLead } from '../calls/lead-predicate.ts';

export interface UnbookedFilter {
  from: Date;
  to: Date;
  now: Date;
  /** Also the leads someone already followed up. */
  includeFollowedUp: boolean;
}

function unbooked(tx: TenantTx, companyId: string, f: UnbookedFilter) {
  let q = tx
    .selectFrom('calls as c')
    .leftJoin('lead_follow_ups as fu', (j) => j.onRef('fu.company_id', '=', 'c.company_id').onRef('fu.call_id', '=', 'c.id'))
    .where('c.company_id', '=', companyId)
    .where('c.started_at', '>=', f.from)
    .where('c.started_at', '<', f.to)
    .where(isUnbookedLead(f.now));
  if (!f.includeFollowedUp) q = q.where('fu.call_id', 'is', null);
  return q;
}

export const leadsRepository = {
  /** Unbooked leads newest first, with what the caller asked for, their contact and the first message taken. */
  listUnbooked(tx: TenantTx, companyId: string, f: UnbookedFilter, page: PageRequest) {
    return unbooked(tx, companyId, f)
      .leftJoin('contacts as ct', (j) => j.onRef('ct.company_id', '=', 'c.company_id').onRef('ct.id', '=', 'c.contact_id'))
      .leftJoin('booking_services as s', (j) => j.onRef('s.company_id', '=', 'c.company_id').on(sql<boolean>`s.id::text = c.state #>> '{facts,serviceId}'`))
      .select([
        'c.id', 'c.channel', 'c.outcome', 'c.started_at', 'c.from_number', 'c.contact_id', 'c.state',
        'ct.name as contact_name', 's.name as service_name',
        'fu.actor_label as followed_up_by', 'fu.followed_up_at',
        (eb) => eb.selectFrom('messages as m').select('m.body').whereRef('m.company_id', '=', 'c.company_id').whereRef('m.call_id', '=', 'c.id').orderBy('m.created_at').limit(1).as('message_body'),
      ])
      .orderBy('c.started_at', 'desc')
      .orderBy('c.id')
      .limit(page.limit + 1)
      .offset(page.offset)
      .execute();
  },

  async countUnbooked(tx: TenantTx, companyId: string, f: UnbookedFilter): Promise<number> {
    const r = await unbooked(tx, companyId, f).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  },

  callExists(tx: TenantTx, companyId: string, callId: string) {
    return tx.selectFrom('calls').select('id').where('company_id', '=', companyId).where('id', '=', callId).executeTakeFirst();
  },

  /** Marks the call followed up; marking it again keeps the first mark. */
  async markFollowedUp(tx: TenantTx, companyId: string, callId: string, actor: Actor, at: Date) {
    const inserted = await tx
      .insertInto('lead_follow_ups')
      .values({ company_id: companyId, call_id: callId, actor_type: actor.type, actor_id: actor.id, actor_label: actor.label, followed_up_at: at })
      .onConflict((oc) => oc.columns(['company_id', 'call_id']).doNothing())
      .returningAll()
      .executeTakeFirst();
    const row = inserted ?? (await tx.selectFrom('lead_follow_ups').selectAll().where('company_id', '=', companyId).where('call_id', '=', callId).executeTakeFirstOrThrow());
    return { row, created: inserted !== undefined };
  },

  async unmark(tx: TenantTx, companyId: string, callId: string): Promise<boolean> {
    const r = await tx.deleteFrom('lead_follow_ups').where('company_id', '=', companyId).where('call_id', '=', callId).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  },
};
