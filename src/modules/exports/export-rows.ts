import { DateTime } from 'luxon';
import type { Booking } from '../booking/bookings.present.ts';
import type { presentCall } from '../calls/calls.service.ts';

/** The columns of the CSV exports and how a record becomes a row. Pure. */

type Call = ReturnType<typeof presentCall>;

/** An instant in the company's zone with its offset ('2026-12-02T15:00:00-06:00'); '' for none. */
export function localTime(at: Date | string | null, timeZone: string): string {
  if (at === null) return '';
  return DateTime.fromJSDate(typeof at === 'string' ? new Date(at) : at, { zone: timeZone }).startOf('second').toISO({ suppressMilliseconds: true }) ?? '';
}

const text = (v: string | number | boolean | null | undefined): string => (v === null || v === undefined ? '' : String(v));

export const CALL_COLUMNS = ['call_id', 'started_at', 'ended_at', 'channel', 'caller_name', 'from_number', 'to_number', 'status', 'outcome', 'emergency', 'duration_seconds', 'turns', 'booking_id', 'contact_id'] as const;

export function callRow(c: Call, timeZone: string): string[] {
  return [
    c.id, localTime(c.startedAt, timeZone), localTime(c.endedAt, timeZone), c.channel, text(c.callerName), text(c.fromNumber), text(c.toNumber),
    c.status, text(c.outcome), text(c.emergency), text(c.durationSeconds), text(c.turnCount), text(c.bookingId), text(c.contactId),
  ];
}

export const BOOKING_COLUMNS = ['booking_id', 'start', 'end', 'status', 'service', 'technician', 'customer_name', 'customer_phone', 'address', 'zip', 'emergency', 'source', 'notes', 'created_at', 'cancelled_at', 'cancel_reason', 'call_id', 'contact_id'] as const;

/** Booking instants already carry the company's offset (presentBooking). */
export function bookingRow(b: Booking, timeZone: string): string[] {
  return [
    b.id, b.start, b.end, b.status, b.serviceName, b.technicianName, b.customerName, text(b.customerPhone), text(b.address), b.zip, text(b.emergency),
    b.source, b.notes, localTime(b.createdAt, timeZone), localTime(b.cancelledAt, timeZone), text(b.cancelReason), text(b.callId), text(b.contactId),
  ];
}
