import { createHash } from 'node:crypto';
import { AppError } from '../../errors.ts';
import type { SlotCheckResult } from './engine/check-slot-still-free.ts';
import { MINUTE_MS } from './engine/local-date.ts';
import type { AvailabilityError, BookingConfig, Slot } from './engine/types.ts';
import { normalizeZip } from './engine/zip.ts';

/** What a booking request carries, and the pure steps of writing one: checks, hashing, placement. */

export interface BookingRequest {
  serviceId: string;
  /** The start of an offered slot (an ISO instant). */
  start: string;
  zip: string;
  contact: { name: string; phone: string };
  technicianId?: string | undefined;
  address?: string | undefined;
  notes?: string | undefined;
  /** Hold the slot for the company's hold time instead of confirming it now. */
  hold?: boolean | undefined;
  /** Allow on-call hours for services that may be booked then. */
  emergency?: boolean | undefined;
  callId?: string | undefined;
}

export interface WriteOptions {
  idempotencyKey?: string | undefined;
  source: 'api' | 'dashboard' | 'phone';
}

export interface AvailabilityQuery {
  serviceId: string;
  zip: string;
  from?: string | undefined;
  to?: string | undefined;
  technicianId?: string | undefined;
  emergency?: boolean | undefined;
}

export const engineError = (e: AvailabilityError, field?: string) => new AppError(e.code, e.message, field ? { field } : undefined);

export function slotTaken(alternatives: Slot[]): AppError {
  return new AppError('SLOT_TAKEN', 'That time is no longer available; here are the next free times.', { alternatives });
}

export function requestHash(input: BookingRequest): string {
  const canonical = {
    serviceId: input.serviceId,
    start: Date.parse(input.start),
    zip: normalizeZip(input.zip),
    contact: { name: input.contact.name.trim(), phone: input.contact.phone },
    technicianId: input.technicianId ?? null,
    address: input.address ?? null,
    notes: input.notes ?? null,
    hold: input.hold ?? false,
    emergency: input.emergency ?? false,
    callId: input.callId ?? null,
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

export function assertZip(zip: string): string {
  const normalized = normalizeZip(zip);
  if (normalized === null) throw new AppError('INVALID_ZIP', `'${zip}' is not a US zip code`, { field: 'zip' });
  return normalized;
}

/** A write to a booking whose status does not allow it (cancelled, completed, expired, ...). */
export const notActive = (bookingId: string, status: string): AppError => new AppError('BOOKING_NOT_ACTIVE', `This booking is ${status}.`, { bookingId, status });

export const reusedKey = (): AppError => new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different booking request.', { field: 'Idempotency-Key' });

/** Placement of a checked slot: job, buffers and the local date it belongs to. */
export function placement(config: BookingConfig, serviceId: string, slot: Extract<SlotCheckResult, { ok: true }>) {
  const service = config.services.find((s) => s.id === serviceId)!;
  const startMs = Date.parse(slot.start);
  const endMs = Date.parse(slot.end);
  return {
    technician_id: slot.technicianId,
    start_at: new Date(startMs),
    end_at: new Date(endMs),
    blocked_from: new Date(startMs - service.bufferBeforeMinutes * MINUTE_MS),
    blocked_to: new Date(endMs + service.bufferAfterMinutes * MINUTE_MS),
    window_key: slot.windowKey ?? null,
    window_end: slot.windowEnd ?? null,
    surcharge_note: slot.onCall ? (config.onCall?.surchargeNote ?? null) : null,
  };
}
