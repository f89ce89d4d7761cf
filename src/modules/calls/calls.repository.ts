import { sql, type Insertable, type RawBuilder } from 'kysely';
import type { CallOutcomeColumn, CallStatus, CallTurnsTable } from '../../db/schema.ts';
import type { TenantTx } from '../../db/tenant.ts';
import type { PageRequest } from '../../http/common-schemas.ts';

export type TurnValues = Omit<Insertable<CallTurnsTable>, 'company_id' | 'call_id' | 'created_at'>;

export const callsRepository = {
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

  list(tx: TenantTx, companyId: string, filter: { outcome?: CallOutcomeColumn | undefined; from?: Date | undefined; to?: Date | undefined; contactId?: string | undefined }, page: PageRequest) {
    let q = tx.selectFrom('calls').selectAll().where('company_id', '=', companyId);
    if (filter.outcome) q = q.where('outcome', '=', filter.outcome);
    if (filter.from) q = q.where('started_at', '>=', filter.from);
    if (filter.to) q = q.where('started_at', '<', filter.to);
    if (filter.contactId) q = q.where('contact_id', '=', filter.contactId);
    return q.orderBy('started_at', 'desc').orderBy('id').limit(page.limit + 1).offset(page.offset).execute();
  },

  findTurn(tx: TenantTx, companyId: string, callId: string, seq: number) {
    return tx.selectFrom('call_turns').selectAll().where('company_id', '=', companyId).where('call_id', '=', callId).where('seq', '=', seq).executeTakeFirst();
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
