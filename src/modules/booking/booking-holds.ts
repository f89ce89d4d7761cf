import type { Db } from '../../db/connect.ts';
import { withTenant, type TenantTx } from '../../db/tenant.ts';
import { AppError } from '../../errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Actor } from '../auth/principal.ts';
import type { CompaniesService } from '../companies/companies.service.ts';
import { notActive } from './bookings.input.ts';
import { mustFindBooking, type Booking } from './bookings.present.ts';
import { bookingsRepository as repo } from './bookings.repository.ts';
import { MINUTE_MS } from './engine/local-date.ts';

/** Expired holds give their time and window places back. Every booking write calls it under the company's lock first. */
export async function expireHolds(tx: TenantTx, companyId: string, at: Date): Promise<number> {
  const expired = await repo.expireHolds(tx, companyId, at);
  for (const h of expired) if (h.window_key) await repo.releaseWindow(tx, companyId, h.window_key);
  return expired.length;
}

const holdRanOut = (bookingId: string) => new AppError('HOLD_EXPIRED', 'The hold on this slot ran out; offer the caller a time again.', { bookingId });

/**
 * The life of a hold after it is made (bookings.service.ts makes it): confirmed while it lasts,
 * turned into a request the company confirms, or expired, giving its slot back.
 */
export function createBookingHolds(db: Db, deps: { audit: AuditService; companies: CompaniesService; now: () => Date }) {
  const { audit, companies, now } = deps;
  return {
    /** A hold becomes a booking while it lasts; confirming a confirmed booking changes nothing. */
    async confirm(actor: Actor, companyId: string, id: string): Promise<Booking> {
      const timeZone = await companies.timeZoneOf(companyId);
      return withTenant(db, companyId, async (tx) => {
        const at = now();
        if (await repo.confirmHold(tx, companyId, id, at)) {
          await audit.record(tx, companyId, actor, { action: 'booking.confirmed', entityType: 'booking', entityId: id });
          return mustFindBooking(tx, companyId, id, timeZone);
        }
        const booking = await mustFindBooking(tx, companyId, id, timeZone);
        if (booking.status === 'confirmed') return booking;
        if (booking.status === 'held' || booking.status === 'expired') throw holdRanOut(id);
        throw notActive(id, booking.status);
      });
    },

    /**
     * A hold becomes a request the company confirms (POST .../bookings/:id/confirm): it stays
     * held, for `minutes` from now, and then expires like any hold, giving its slot back.
     */
    async request(actor: Actor, companyId: string, id: string, minutes: number): Promise<Booking> {
      const timeZone = await companies.timeZoneOf(companyId);
      return withTenant(db, companyId, async (tx) => {
        const at = now();
        if (await repo.extendHold(tx, companyId, id, at, new Date(at.getTime() + minutes * MINUTE_MS))) {
          await audit.record(tx, companyId, actor, { action: 'booking.requested', entityType: 'booking', entityId: id });
          return mustFindBooking(tx, companyId, id, timeZone);
        }
        const booking = await mustFindBooking(tx, companyId, id, timeZone);
        if (booking.status === 'held' || booking.status === 'expired') throw holdRanOut(id);
        throw notActive(id, booking.status);
      });
    },

    /** Releases every company's holds that ran out (the hold-expiry job). Returns how many. */
    async releaseExpiredHolds(at: Date = now()): Promise<number> {
      let released = 0;
      for (const companyId of await companies.listIds()) released += await withTenant(db, companyId, (tx) => expireHolds(tx, companyId, at));
      return released;
    },
  };
}
