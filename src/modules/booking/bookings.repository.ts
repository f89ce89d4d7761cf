import { sql, type Insertable } from 'kysely';
import type { BookingStatus, BookingsTable } from '../../db/schema.ts';
import type { TenantTx } from '../../db/tenant.ts';
import type { PageRequest } from '../../http/common-schemas.ts';

export type BookingValues = Omit<Insertable<BookingsTable>, 'company_id' | 'id' | 'created_at' | 'updated_at'>;

export interface BookingFilter {
  from?: Date | undefined;
  to?: Date | undefined;
  technicianId?: string | undefined;
  contactId?: string | undefined;
  status?: BookingStatus | undefined;
}

/** A booking that blocks time: confirmed, or held and not yet expired at `now`. */
export interface BlockingRow {
  technician_id: string;
  start_at: Date;
  end_at: Date;
  blocked_from: Date;
  blocked_to: Date;
  window_key: string | null;
}

function selectBookings(tx: TenantTx, companyId: string) {
  return tx
    .selectFrom('bookings as b')
    .innerJoin('booking_services as s', (j) => j.onRef('s.company_id', '=', 'b.company_id').onRef('s.id', '=', 'b.service_id'))
    .innerJoin('technicians as t', (j) => j.onRef('t.company_id', '=', 'b.company_id').onRef('t.id', '=', 'b.technician_id'))
    .selectAll('b')
    .select(['s.name as service_name', 't.name as technician_name'])
    .where('b.company_id', '=', companyId);
}

export type BookingRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectBookings>['executeTakeFirst']>>>;

export const bookingsRepository = {
  /**
   * Serialises booking writes within one company for the rest of the transaction, so the slot
   * re-check, the per-day cap and the window count all read what the previous writer committed.
   * The exclusion constraint and the window counter still refuse overlaps from any writer.
   */
  async lockCompany(tx: TenantTx, companyId: string): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`bookings:${companyId}`}, 0))`.execute(tx);
  },

  findById(tx: TenantTx, companyId: string, id: string) {
    return selectBookings(tx, companyId).where('b.id', '=', id).executeTakeFirst();
  },

  findByIdempotencyKey(tx: TenantTx, companyId: string, key: string) {
    return selectBookings(tx, companyId).where('b.idempotency_key', '=', key).executeTakeFirst();
  },

  list(tx: TenantTx, companyId: string, filter: BookingFilter, page: PageRequest) {
    let q = selectBookings(tx, companyId);
    if (filter.from) q = q.where('b.end_at', '>', filter.from);
    if (filter.to) q = q.where('b.start_at', '<', filter.to);
    if (filter.technicianId) q = q.where('b.technician_id', '=', filter.technicianId);
    if (filter.contactId) q = q.where('b.contact_id', '=', filter.contactId);
    if (filter.status) q = q.where('b.status', '=', filter.status);
    return q.orderBy('b.start_at').orderBy('b.id').limit(page.limit + 1).offset(page.offset).execute();
  },

  /** Bookings created in [from, to) that stand (confirmed or done), with their service's price text. */
  madeIn(tx: TenantTx, companyId: string, span: { from: Date; to: Date }) {
    return tx
      .selectFrom('bookings as b')
      .innerJoin('booking_services as s', (j) => j.onRef('s.company_id', '=', 'b.company_id').onRef('s.id', '=', 'b.service_id'))
      .select(['b.id', 'b.emergency', 's.price_text'])
      .where('b.company_id', '=', companyId)
      .where('b.created_at', '>=', span.from)
      .where('b.created_at', '<', span.to)
      .where('b.status', 'in', ['confirmed', 'completed'])
      .execute();
  },

  /** Bookings whose buffered time meets [from, to) and that still block at `now`. */
  blocking(tx: TenantTx, companyId: string, span: { from: Date; to: Date }, now: Date, excludeId?: string): Promise<BlockingRow[]> {
    let q = tx
      .selectFrom('bookings')
      .select(['technician_id', 'start_at', 'end_at', 'blocked_from', 'blocked_to', 'window_key'])
      .where('company_id', '=', companyId)
      .where('blocked_to', '>', span.from)
      .where('blocked_from', '<', span.to)
      .where((eb) => eb.or([eb('status', '=', 'confirmed'), eb.and([eb('status', '=', 'held'), eb('hold_expires_at', '>', now)])]));
    if (excludeId) q = q.where('id', '!=', excludeId);
    return q.execute();
  },

  insert(tx: TenantTx, companyId: string, values: BookingValues) {
    return tx.insertInto('bookings').values({ ...values, company_id: companyId }).returning('id').executeTakeFirstOrThrow();
  },

  /** Moves one active booking; returns its previous window key, or undefined when it is not active. */
  async move(tx: TenantTx, companyId: string, id: string, values: Pick<BookingValues, 'technician_id' | 'start_at' | 'end_at' | 'blocked_from' | 'blocked_to' | 'window_key' | 'window_end' | 'surcharge_note'>) {
    return tx
      .updateTable('bookings')
      .set({ ...values, updated_at: new Date() })
      .where('company_id', '=', companyId)
      .where('id', '=', id)
      .where('status', 'in', ['held', 'confirmed'])
      .returning('id')
      .executeTakeFirst();
  },

  /** Held → confirmed while the hold lasts; undefined when the booking is not such a hold. */
  confirmHold(tx: TenantTx, companyId: string, id: string, now: Date) {
    return tx
      .updateTable('bookings')
      .set({ status: 'confirmed', confirmed_at: now, hold_expires_at: null, updated_at: now })
      .where('company_id', '=', companyId)
      .where('id', '=', id)
      .where('status', '=', 'held')
      .where('hold_expires_at', '>', now)
      .returning('id')
      .executeTakeFirst();
  },

  /** A live hold kept until `until` instead (a request waiting for the company); undefined when not live. */
  extendHold(tx: TenantTx, companyId: string, id: string, now: Date, until: Date) {
    return tx
      .updateTable('bookings')
      .set({ hold_expires_at: until, updated_at: now })
      .where('company_id', '=', companyId)
      .where('id', '=', id)
      .where('status', '=', 'held')
      .where('hold_expires_at', '>', now)
      .returning('id')
      .executeTakeFirst();
  },

  /** Active → cancelled; returns the freed window key, or undefined when it was not active. */
  cancel(tx: TenantTx, companyId: string, id: string, reason: string | null, now: Date) {
    return tx
      .updateTable('bookings')
      .set({ status: 'cancelled', cancelled_at: now, cancel_reason: reason, hold_expires_at: null, updated_at: now })
      .where('company_id', '=', companyId)
      .where('id', '=', id)
      .where('status', 'in', ['held', 'confirmed'])
      .returning(['id', 'window_key'])
      .executeTakeFirst();
  },

  /** Marks holds past their expiry as expired; returns their window keys (one per hold). */
  async expireHolds(tx: TenantTx, companyId: string, now: Date): Promise<{ id: string; window_key: string | null }[]> {
    return tx
      .updateTable('bookings')
      .set({ status: 'expired', updated_at: now })
      .where('company_id', '=', companyId)
      .where('status', '=', 'held')
      .where('hold_expires_at', '<=', now)
      .returning(['id', 'window_key'])
      .execute();
  },

  /** Takes one place in a window; false when it is full. Atomic under concurrency. */
  async claimWindow(tx: TenantTx, companyId: string, key: string, capacity: number): Promise<boolean> {
    const r = await sql<{ booked: number }>`
      INSERT INTO booking_window_counts AS w (company_id, window_key, booked, capacity)
      VALUES (${companyId}, ${key}, 1, ${capacity})
      ON CONFLICT (company_id, window_key) DO UPDATE SET booked = w.booked + 1, capacity = EXCLUDED.capacity
      WHERE w.booked < EXCLUDED.capacity
      RETURNING w.booked`.execute(tx);
    return r.rows.length === 1;
  },

  async releaseWindow(tx: TenantTx, companyId: string, key: string): Promise<void> {
    await tx
      .updateTable('booking_window_counts')
      .set((eb) => ({ booked: eb('booked', '-', 1) }))
      .where('company_id', '=', companyId)
      .where('window_key', '=', key)
      .where('booked', '>', 0)
      .execute();
  },
};
