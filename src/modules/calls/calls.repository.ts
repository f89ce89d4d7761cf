import { sql, type Insertable, type RawBuilder } from 'kysely';
import type { CallOutcomeColumn, CallStatus, CallTurnsTable } from '../../db/schema.ts';
import type { TenantTx } from '../../db/tenant.ts';
import type { PageRequest } from '../../http/common-schemas.ts';
import { escapeLike } from '../../db/escape-like.ts';

export type TurnValues = Omit<Insertable<CallTurnsTable>, 'company_id' | 'call_id' | 'created_at'>;

export interface CallFilter {
  outcome?: CallOutcomeColumn | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  contactId?: string | undefined;
  channel?: 'phone' | 'web' | 'widget' | undefined;
  emergency?: boolean | undefined;
  /** A name (any part, any case) or the digits of a number (anywhere in the caller id). */
  caller?: { text: string; digits?: string | undefined } | undefined;
}

// Both engines mark an emergency in the call's facts; a call that then booked keeps the stronger outcome.
const EMERGENCY = sql<boolean>`(c.outcome IS NOT DISTINCT FROM 'emergency' OR coalesce(c.state #>> '{facts,emergency}', '') = 'true')`;

function selectCalls(tx: TenantTx, companyId: string) {
  return tx
    .selectFrom('calls as c')
    .leftJoin('contacts as ct', (j) => j.onRef('ct.company_id', '=', 'c.company_id').onRef('ct.id', '=', 'c.contact_id'))
    .selectAll('c')
    .select(['ct.name as caller_name', EMERGENCY.as('emergency')])
    .where('c.company_id', '=', companyId);
}

export const callsRepository = {
  /** Calls begun before `cutoff`, with their turns (cascade); bookings and messages keep their rows without the link. */
  async deleteStartedBefore(tx: TenantTx, companyId: string, cutoff: Date): Promise<number> {
    const r = await tx.deleteFrom('calls').where('company_id', '=', companyId).where('started_at', '<', cutoff).executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  /** The call for this CallSid, created on its first webhook. */
  async upsert(tx: TenantTx, companyId: string, values: { call_sid: string; channel: 'phone' | 'web' | 'widget'; from_number: string | null; to_number: string | null; contact_id: string | null; started_at: Date }) {
    const inserted = await tx
      .insertInto('calls')
      .values({ ...values, company_id: companyId })
      .onConflict((oc) => oc.columns(['company_id', 'call_sid']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted) return { call: inserted, created: true };
    return { call: (await this.findBySid(tx, companyId, values.call_sid))!, created: false };
  },

  findBySid(tx: TenantTx, companyId: string, callSid: string) {
    return tx.selectFrom('calls').selectAll().where('company_id', '=', companyId).where('call_sid', '=', callSid).executeTakeFirst();
  },

  findById(tx: TenantTx, companyId: string, id: string) {
    return tx.selectFrom('calls').selectAll().where('company_id', '=', companyId).where('id', '=', id).executeTakeFirst();
  },

  /** A call as the dashboard shows it: with its caller's name and the emergency flag. */
  findListed(tx: TenantTx, companyId: string, id: string) {
    return selectCalls(tx, companyId).where('c.id', '=', id).executeTakeFirst();
  },

  /**
   * After a turn: the new state, the highest turn number, the stronger of the two outcomes (a
   * call that booked and then took a message still counts as booked) and the booking.
   */
  advance(tx: TenantTx, companyId: string, id: string, turn: { state: string; seq: number; outcome: CallOutcomeColumn | null; bookingId: string | null }) {
    const rank = (o: RawBuilder<unknown>) => sql`array_position(${sql.lit('{abandoned,answered,message,transferred,emergency,booked}')}::text[], ${o})`;
    return tx
      .updateTable('calls')
      .set({
        state: turn.state,
        turn_count: sql`greatest(turn_count, ${turn.seq})`,
        outcome: sql`CASE WHEN ${turn.outcome}::text IS NULL OR (outcome IS NOT NULL AND ${rank(sql`outcome`)} >= ${rank(sql`${turn.outcome}::text`)}) THEN outcome ELSE ${turn.outcome}::text END`,
        booking_id: sql`coalesce(${turn.bookingId}::uuid, booking_id)`,
        updated_at: new Date(),
      })
      .where('company_id', '=', companyId)
      .where('id', '=', id)
      .returning(['from_number', 'contact_id'])
      .executeTakeFirst();
  },

  /** The log, newest first, with the caller's contact name and whether the call was an emergency. */
  list(tx: TenantTx, companyId: string, filter: CallFilter, page: PageRequest) {
    let q = selectCalls(tx, companyId);
    if (filter.outcome) q = q.where('c.outcome', '=', filter.outcome);
    if (filter.from) q = q.where('c.started_at', '>=', filter.from);
    if (filter.to) q = q.where('c.started_at', '<', filter.to);
    if (filter.contactId) q = q.where('c.contact_id', '=', filter.contactId);
    if (filter.channel) q = q.where('c.channel', '=', filter.channel);
    if (filter.emergency !== undefined) q = q.where(filter.emergency ? EMERGENCY : sql<boolean>`NOT ${EMERGENCY}`);
    if (filter.caller) {
      const { text, digits } = filter.caller;
      q = q.where((eb) => eb.or([
        eb('ct.name', 'ilike', `%${escapeLike(text)}%`),
        ...(digits ? [eb('c.from_number', 'like', `%${digits}%`)] : []),
      ]));
    }
    return q.orderBy('c.started_at', 'desc').orderBy('c.id').limit(page.limit + 1).offset(page.offset).execute();
  },

  /** Calls started in [from, to) by outcome (null: still in progress), emergencies and bookings made. */
  async summary(tx: TenantTx, companyId: string, span: { from: Date; to: Date }) {
    const base = tx.selectFrom('calls as c').where('c.company_id', '=', companyId).where('c.started_at', '>=', span.from).where('c.started_at', '<', span.to);
    const outcomes = await base.select(['c.outcome', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('c.outcome').execute();
    const totals = await base
      .select([sql<string>`count(*) FILTER (WHERE ${EMERGENCY})`.as('emergencies'), sql<string>`count(DISTINCT c.booking_id)`.as('bookings')])
      .executeTakeFirstOrThrow();
    return { outcomes: outcomes.map((o) => ({ outcome: o.outcome, count: Number(o.n) })), emergencies: Number(totals.emergencies), bookings: Number(totals.bookings) };
  },

  findTurn(tx: TenantTx, companyId: string, callId: string, seq: number) {
    return tx.selectFrom('call_turns').selectAll().where('company_id', '=', companyId).where('call_id', '=', callId).where('seq', '=', seq).executeTakeFirst();
  },

  /** How a turn was heard on a streaming call: the first audio heard, or the cut-in and what was heard before it. */
  markHeard(tx: TenantTx, companyId: string, callId: string, seq: number, patch: { first_sent_ms?: number; first_heard_ms?: number; interrupted?: boolean; heard_text?: string | null }) {
    return tx.updateTable('call_turns').set(patch).where('company_id', '=', companyId).where('call_id', '=', callId).where('seq', '=', seq).executeTakeFirst();
  },

  turns(tx: TenantTx, companyId: string, callId: string) {
    return tx.selectFrom('call_turns').selectAll().where('company_id', '=', companyId).where('call_id', '=', callId).orderBy('seq').execute();
  },

  /** False when this turn was already recorded (a repeated delivery). */
  async insertTurn(tx: TenantTx, companyId: string, callId: string, values: TurnValues): Promise<boolean> {
    const r = await tx
      .insertInto('call_turns')
      .values({ ...values, company_id: companyId, call_id: callId })
      .onConflict((oc) => oc.columns(['company_id', 'call_id', 'seq']).doNothing())
      .returning('seq')
      .executeTakeFirst();
    return r !== undefined;
  },

  updateCall(
    tx: TenantTx,
    companyId: string,
    id: string,
    patch: { state?: string; turn_count?: number; outcome?: CallOutcomeColumn | null; booking_id?: string | null; contact_id?: string | null; status?: CallStatus; ended_at?: Date | null; duration_seconds?: number | null },
  ) {
    return tx.updateTable('calls').set({ ...patch, updated_at: new Date() }).where('company_id', '=', companyId).where('id', '=', id).returningAll().executeTakeFirst();
  },
};
