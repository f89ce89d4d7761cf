import type { Db } from '../../db/connect.ts';
import { withTenant, type TenantTx } from '../../db/tenant.ts';
import { AppError, notFound } from '../../errors.ts';
import { toPage, type PageRequest } from '../../http/common-schemas.ts';
import { assertPhone } from '../../phone/normalize.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Actor } from '../auth/principal.ts';
import type { CompaniesService } from '../companies/companies.service.ts';
import type { ContactsService } from '../contacts/contacts.service.ts';
import type { BookingConfigService } from './booking-config.service.ts';
import { createBookingHolds, expireHolds } from './booking-holds.ts';
import { assertZip, engineError, notActive, placement, requestHash, reusedKey, slotTaken, type AvailabilityQuery, type BookingRequest, type WriteOptions } from './bookings.input.ts';
import { bookingsRepository as repo, type BookingFilter } from './bookings.repository.ts';
import { valueOf } from './price-range.ts';
import { mustFindBooking, presentBooking, toExisting, type Booking } from './bookings.present.ts';
import { checkSlotStillFree, type SlotCheckResult } from './engine/check-slot-still-free.ts';
import { findAvailableSlots } from './engine/find-available-slots.ts';
import { DAY_MS, MINUTE_MS } from './engine/local-date.ts';
import type { BookingConfig, ExistingBooking, Slot } from './engine/types.ts';
import { normalizeZip } from './engine/zip.ts';
import { isExclusionViolation, isUniqueViolation } from '../../db/pg-errors.ts';
import { unreadMetrics, type AppMetrics } from '../../observability/metrics.ts';

const MAX_RANGE_DAYS = 31;
const DEFAULT_RANGE_DAYS = 7;
// Bookings loaded around a checked slot: enough for buffers, per-day caps and the alternatives
// offered when it was taken (which are kept inside the loaded span).
const SPAN_BEFORE_MS = 2 * DAY_MS;
const SPAN_AFTER_MS = 15 * DAY_MS;

/**
 * Availability and the life of a booking: book or hold, reschedule, cancel (a hold's confirm,
 * request and expiry are booking-holds.ts). Every write re-checks its slot inside the
 * transaction that writes it, under a per-company lock; the database's exclusion constraint
 * and window counters refuse whatever slips past.
 */
export function createBookingsService(
  db: Db,
  deps: {
    audit: AuditService; companies: CompaniesService; contacts: ContactsService; config: BookingConfigService; now?: () => Date;
    metrics?: Pick<AppMetrics, 'bookingsCreated' | 'bookingsCancelled' | 'bookingSlotTaken'>;
  },
) {
  const { audit, companies, contacts, config: bookingConfig } = deps;
  const metrics = deps.metrics ?? unreadMetrics();
  const now = deps.now ?? (() => new Date());
  const holds = createBookingHolds(db, { audit, companies, now });

  async function existingAround(tx: TenantTx, companyId: string, from: number, to: number, at: Date, excludeId?: string): Promise<ExistingBooking[]> {
    const rows = await repo.blocking(tx, companyId, { from: new Date(from), to: new Date(to) }, at, excludeId);
    return rows.map(toExisting);
  }

  /** The slot re-check under the lock: a free slot with its technician, or the error to answer. */
  async function checkSlot(
    tx: TenantTx,
    companyId: string,
    config: BookingConfig,
    request: { serviceId: string; zip: string; start: string; technicianId?: string | undefined; emergency?: boolean | undefined },
    at: Date,
    excludeId?: string,
  ): Promise<Extract<SlotCheckResult, { ok: true }>> {
    const start = Date.parse(request.start);
    const spanEnd = start + SPAN_AFTER_MS;
    const existing = await existingAround(tx, companyId, start - SPAN_BEFORE_MS, spanEnd, at, excludeId);
    const result = checkSlotStillFree(config, existing, request, at.getTime());
    if (result.ok) return result;
    if (result.code === 'SLOT_TAKEN') throw slotTaken(result.alternatives.filter((s) => Date.parse(s.end) < spanEnd - DAY_MS));
    throw engineError(result);
  }

  async function claimWindow(tx: TenantTx, companyId: string, config: BookingConfig, key: string): Promise<void> {
    const windowStart = key.split('@')[1];
    const capacity = config.arrivalWindows?.find((w) => w.start === windowStart)?.capacity ?? 1;
    if (!(await repo.claimWindow(tx, companyId, key, capacity))) throw slotTaken([]);
  }

  /** A lost race the lock did not see (another writer): the database's refusal, answered as SLOT_TAKEN. */
  async function afterConflict(companyId: string, input: BookingRequest, options: WriteOptions): Promise<{ booking: Booking; replayed: boolean }> {
    if (options.idempotencyKey) {
      const timeZone = await companies.timeZoneOf(companyId);
      const prior = await withTenant(db, companyId, (tx) => repo.findByIdempotencyKey(tx, companyId, options.idempotencyKey!));
      if (prior) {
        if (prior.request_hash !== requestHash(input)) throw reusedKey();
        return { booking: presentBooking(prior, timeZone), replayed: true };
      }
    }
    const later = await service.availability(companyId, { ...input, from: new Date(Date.parse(input.start) + 1).toISOString() }).catch(() => ({ slots: [] }));
    throw slotTaken(later.slots.slice(0, 3));
  }

  const service = {
    /**
     * Holds the company's booking writes until the caller's transaction ends: for a caller that
     * deletes or deactivates services and technicians (the configuration document), so no
     * booking is written meanwhile against what it removes.
     */
    lockWritesIn: (tx: TenantTx, companyId: string): Promise<void> => repo.lockCompany(tx, companyId),

    ...holds,

    async availability(companyId: string, query: AvailabilityQuery): Promise<{ timeZone: string; serviceId: string; zip: string; slots: Slot[] }> {
      const at = now();
      const from = query.from ? Date.parse(query.from) : at.getTime();
      const to = query.to ? Date.parse(query.to) : from + DEFAULT_RANGE_DAYS * DAY_MS;
      if (!(to > from)) throw new AppError('VALIDATION_FAILED', 'to must be after from', { field: 'to' });
      if (to - from > MAX_RANGE_DAYS * DAY_MS) throw new AppError('RANGE_TOO_LONG', `Ask for at most ${MAX_RANGE_DAYS} days at a time.`, { field: 'to' });
      const timeZone = await companies.timeZoneOf(companyId);
      return withTenant(db, companyId, async (tx) => {
        const { config } = await bookingConfig.engineConfigIn(tx, companyId, timeZone);
        const existing = await existingAround(tx, companyId, from - SPAN_BEFORE_MS, to + SPAN_BEFORE_MS, at);
        const request = { serviceId: query.serviceId, zip: query.zip, from, to, technicianId: query.technicianId, emergency: query.emergency };
        const result = findAvailableSlots(config, existing, request, at.getTime());
        if (!result.ok) throw engineError(result, result.code === 'INVALID_ZIP' || result.code === 'OUT_OF_SERVICE_AREA' ? 'zip' : undefined);
        return { timeZone, serviceId: query.serviceId, zip: normalizeZip(query.zip)!, slots: result.slots };
      });
    },

    /** Books (or holds) an offered slot. The same Idempotency-Key returns the same booking, written once. */
    async create(actor: Actor, companyId: string, input: BookingRequest, options: WriteOptions): Promise<{ booking: Booking; replayed: boolean }> {
      const zip = assertZip(input.zip);
      const phone = assertPhone(input.contact.phone, 'contact.phone');
      const hash = requestHash(input);
      const timeZone = await companies.timeZoneOf(companyId);
      try {
        const written = await withTenant(db, companyId, async (tx) => {
          await repo.lockCompany(tx, companyId);
          if (options.idempotencyKey) {
            const prior = await repo.findByIdempotencyKey(tx, companyId, options.idempotencyKey);
            if (prior) {
              if (prior.request_hash !== hash) throw reusedKey();
              return { booking: presentBooking(prior, timeZone), replayed: true };
            }
          }
          const at = now();
          await expireHolds(tx, companyId, at);
          const { config, holdMinutes } = await bookingConfig.engineConfigIn(tx, companyId, timeZone);
          const slot = await checkSlot(tx, companyId, config, { ...input, zip }, at);
          if (slot.windowKey) await claimWindow(tx, companyId, config, slot.windowKey);
          const name = input.contact.name.trim();
          const { contact } = await contacts.findOrCreateByPhoneIn(tx, actor, companyId, phone, { name, address: input.address, zip });
          const { id } = await repo.insert(tx, companyId, {
            ...placement(config, input.serviceId, slot),
            service_id: input.serviceId,
            contact_id: contact.id,
            call_id: input.callId ?? null,
            status: input.hold ? 'held' : 'confirmed',
            hold_expires_at: input.hold ? new Date(at.getTime() + holdMinutes * MINUTE_MS) : null,
            confirmed_at: input.hold ? null : at,
            zip,
            address: input.address?.trim() || null,
            customer_name: name,
            customer_phone: phone,
            notes: input.notes ?? '',
            emergency: input.emergency ?? false,
            source: options.source,
            idempotency_key: options.idempotencyKey ?? null,
            request_hash: hash,
          });
          await audit.record(tx, companyId, actor, {
            action: input.hold ? 'booking.held' : 'booking.created',
            entityType: 'booking',
            entityId: id,
            changes: { serviceId: input.serviceId, technicianId: slot.technicianId, start: slot.start, end: slot.end },
          });
          return { booking: await mustFindBooking(tx, companyId, id, timeZone), replayed: false };
        });
        if (!written.replayed) metrics.bookingsCreated.inc({ source: options.source, status: written.booking.status });
        return written;
      } catch (err) {
        if (isExclusionViolation(err) || isUniqueViolation(err)) {
          metrics.bookingSlotTaken.inc({ stage: 'constraint' });
          return afterConflict(companyId, input, options);
        }
        if (err instanceof AppError && err.code === 'SLOT_TAKEN') metrics.bookingSlotTaken.inc({ stage: 'recheck' });
        throw err;
      }
    },

    /** Moves an active booking to another offered slot; its own current time does not block the move. */
    async reschedule(actor: Actor, companyId: string, id: string, input: { start: string; technicianId?: string | undefined }): Promise<Booking> {
      const timeZone = await companies.timeZoneOf(companyId);
      return withTenant(db, companyId, async (tx) => {
        await repo.lockCompany(tx, companyId);
        const at = now();
        await expireHolds(tx, companyId, at);
        const current = await repo.findById(tx, companyId, id);
        if (!current) throw notFound('Booking');
        if (current.status !== 'held' && current.status !== 'confirmed') {
          throw notActive(id, current.status);
        }
        const { config } = await bookingConfig.engineConfigIn(tx, companyId, timeZone);
        const request = { serviceId: current.service_id, zip: current.zip, start: input.start, technicianId: input.technicianId, emergency: current.emergency };
        const slot = await checkSlot(tx, companyId, config, request, at, id);
        if (current.window_key !== (slot.windowKey ?? null)) {
          if (current.window_key) await repo.releaseWindow(tx, companyId, current.window_key);
          if (slot.windowKey) await claimWindow(tx, companyId, config, slot.windowKey);
        }
        await repo.move(tx, companyId, id, placement(config, current.service_id, slot));
        await audit.record(tx, companyId, actor, {
          action: 'booking.rescheduled',
          entityType: 'booking',
          entityId: id,
          changes: { from: current.start_at.toISOString(), to: slot.start, technicianId: slot.technicianId },
        });
        return mustFindBooking(tx, companyId, id, timeZone);
      });
    },

    /** Frees the slot. Cancelling a cancelled booking returns it unchanged. */
    async cancel(actor: Actor, companyId: string, id: string, input: { reason?: string | undefined }): Promise<Booking> {
      const timeZone = await companies.timeZoneOf(companyId);
      return withTenant(db, companyId, async (tx) => {
        const cancelled = await repo.cancel(tx, companyId, id, input.reason?.trim() || null, now());
        if (cancelled) {
          if (cancelled.window_key) await repo.releaseWindow(tx, companyId, cancelled.window_key);
          await audit.record(tx, companyId, actor, { action: 'booking.cancelled', entityType: 'booking', entityId: id });
          const booking = await mustFindBooking(tx, companyId, id, timeZone);
          metrics.bookingsCancelled.inc({});
          return booking;
        }
        const booking = await mustFindBooking(tx, companyId, id, timeZone);
        if (booking.status === 'cancelled') return booking;
        throw notActive(id, booking.status);
      });
    },

    async get(companyId: string, id: string): Promise<Booking> {
      const timeZone = await companies.timeZoneOf(companyId);
      return withTenant(db, companyId, (tx) => mustFindBooking(tx, companyId, id, timeZone));
    },

    /** Whether a write with this Idempotency-Key was already made. */
    async existsWithKey(companyId: string, key: string): Promise<boolean> {
      return (await withTenant(db, companyId, (tx) => repo.findByIdempotencyKey(tx, companyId, key))) !== undefined;
    },

    async list(companyId: string, filter: BookingFilter, page: PageRequest) {
      const timeZone = await companies.timeZoneOf(companyId);
      const rows = await withTenant(db, companyId, (tx) => repo.list(tx, companyId, filter, page));
      return toPage(rows.map((r) => presentBooking(r, timeZone)), page);
    },

    /** Bookings made in [from, to) that stand, and their value from the services' price ranges. */
    async madeIn(companyId: string, span: { from: Date; to: Date }) {
      const rows = await withTenant(db, companyId, (tx) => repo.madeIn(tx, companyId, span));
      return { count: rows.length, emergencies: rows.filter((r) => r.emergency).length, value: valueOf(rows.map((r) => r.price_text)) };
    },
  };
  return service;
}

export type BookingsService = ReturnType<typeof createBookingsService>;
