import type { BookingStatus } from '../../db/schema.ts';
import type { TenantTx } from '../../db/tenant.ts';
import { notFound } from '../../errors.ts';
import { bookingsRepository as repo, type BlockingRow, type BookingRow } from './bookings.repository.ts';
import { formatInstant } from './engine/instants.ts';
import { clockTimeOrThrow, MINUTE_MS, spokenClockTime } from './engine/local-date.ts';
import { createLocalViewer } from './engine/slot-format.ts';
import type { ExistingBooking } from './engine/types.ts';
import { createZoneClock } from './engine/zone-clock.ts';

/** Statuses that hold a technician's time. */
export const ACTIVE_STATUSES: readonly BookingStatus[] = ['held', 'confirmed'];

/** A booking as the API and the agent see it: instants in company-local time with a spoken label. */
export function presentBooking(r: BookingRow, timeZone: string) {
  const clock = createZoneClock(timeZone);
  const view = createLocalViewer(clock);
  const start = view(r.start_at.getTime());
  const end = view(r.end_at.getTime());
  const windowStart = r.window_key?.split('@')[1];
  const arrivalWindow = windowStart && r.window_end ? { start: windowStart, end: r.window_end } : null;
  return {
    id: r.id,
    status: r.status,
    serviceId: r.service_id,
    serviceName: r.service_name,
    technicianId: r.technician_id,
    technicianName: r.technician_name,
    contactId: r.contact_id,
    customerName: r.customer_name,
    customerPhone: r.customer_phone,
    callId: r.call_id,
    start: formatInstant(r.start_at.getTime(), clock),
    end: formatInstant(r.end_at.getTime(), clock),
    localDate: start.localDate,
    localStartTime: start.localTime,
    localEndTime: end.localTime,
    label: arrivalWindow
      ? `${start.spokenDate}, arriving between ${spokenWindowEdge(arrivalWindow.start)} and ${spokenWindowEdge(arrivalWindow.end)} ${start.zone}`
      : `${start.spokenDate} at ${start.spokenTime} ${start.zone}`,
    arrivalWindow,
    zip: r.zip,
    address: r.address,
    notes: r.notes,
    emergency: r.emergency,
    surchargeNote: r.surcharge_note,
    source: r.source,
    holdExpiresAt: r.hold_expires_at,
    confirmedAt: r.confirmed_at,
    cancelledAt: r.cancelled_at,
    cancelReason: r.cancel_reason,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export type Booking = ReturnType<typeof presentBooking>;

/** The company's booking as the API shows it, read in the transaction; 404 when it has none with this id. */
export async function mustFindBooking(tx: TenantTx, companyId: string, id: string, timeZone: string): Promise<Booking> {
  const row = await repo.findById(tx, companyId, id);
  if (!row) throw notFound('Booking');
  return presentBooking(row, timeZone);
}

/** '08:00' → '8:00 AM'. */
const spokenWindowEdge = (hhmm: string) => spokenClockTime(clockTimeOrThrow(hhmm));

/** A stored booking as the engine's input: its job and its buffers around it. */
export const toExisting = (r: BlockingRow): ExistingBooking => ({
  technicianId: r.technician_id,
  start: r.start_at.getTime(),
  end: r.end_at.getTime(),
  bufferBeforeMinutes: (r.start_at.getTime() - r.blocked_from.getTime()) / MINUTE_MS,
  bufferAfterMinutes: (r.blocked_to.getTime() - r.end_at.getTime()) / MINUTE_MS,
  ...(r.window_key ? { windowKey: r.window_key } : {}),
});
