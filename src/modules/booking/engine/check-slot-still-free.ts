import { planAvailability } from './availability-plan.ts';
import type { Interval } from './intervals.ts';
import { formatInstant, parseInstant } from './instants.ts';
import { createSlotFormatter } from './slot-format.ts';
import type { RawSlot } from './slots.ts';
import type { AvailabilityError, BookingConfig, ExistingBooking, Instant, Slot } from './types.ts';

export interface SlotCheckRequest {
  serviceId: string;
  zip: string;
  /** The start of an offered slot (for an arrival window, the window's start). */
  start: Instant;
  technicianId?: string;
  emergency?: boolean;
}

export type SlotCheckResult =
  | {
      ok: true;
      technicianId: string;
      /** The job itself, without buffers: inside an arrival window it may begin after its start. */
      start: string;
      end: string;
      windowKey?: string;
      /** The arrival window's local end ('12:00'), with windowKey. */
      windowEnd?: string;
      /** The job lies (partly) outside regular hours: on-call, with the surcharge note. */
      onCall: boolean;
    }
  | { ok: false; code: 'SLOT_TAKEN'; message: string; alternatives: Slot[] }
  | AvailabilityError;

const ALTERNATIVES = 3;
const DAY_MS = 86_400_000;

/**
 * Re-checks one slot against the current bookings, inside the writing transaction. When free,
 * picks the technician (the requested one, otherwise the one with the fewest jobs that local
 * day, then configuration order). When not, offers the next free slots after it.
 */
export function checkSlotStillFree(
  config: BookingConfig,
  existing: readonly ExistingBooking[],
  request: SlotCheckRequest,
  now: Instant,
): SlotCheckResult {
  const start = parseInstant(request.start);
  const base = { serviceId: request.serviceId, zip: request.zip, technicianId: request.technicianId, emergency: request.emergency };
  const plan = planAvailability(config, existing, { ...base, from: start, to: start + 1 }, now);
  if (!plan.ok) return plan;
  const slot = plan.slots.find((s) => s.start === start);
  if (slot) {
    const day = plan.clock.localDayOf(start);
    const dayRange = { start: plan.clock.resolveLocal(day, 0).ms, end: plan.clock.resolveLocal(day + 1, 0).ms };
    const chosen = pickTechnician(slot, existing, dayRange);
    const jobStart = slot.jobStarts?.[chosen] ?? slot.start;
    return {
      ok: true,
      technicianId: slot.technicianIds[chosen]!,
      start: formatInstant(jobStart, plan.clock),
      end: formatInstant(jobStart + plan.service.durationMinutes * 60_000, plan.clock),
      onCall: slot.onCall,
      ...(slot.window ? { windowKey: slot.window.key, windowEnd: slot.window.end } : {}),
    };
  }
  const later = planAvailability(config, existing, { ...base, from: start + 1, to: start + (config.horizonDays + 2) * DAY_MS }, now);
  const alternatives = later.ok ? later.slots.slice(0, ALTERNATIVES).map(createSlotFormatter(later.clock, config.onCall?.surchargeNote)) : [];
  return { ok: false, code: 'SLOT_TAKEN', message: 'That time is no longer available.', alternatives };
}

/** Index of the slot's technician with the fewest bookings starting in `day`; ties keep order. */
function pickTechnician(slot: RawSlot, existing: readonly ExistingBooking[], day: Interval): number {
  if (slot.technicianIds.length === 1) return 0;
  const load = new Map<string, number>();
  for (const b of existing) {
    const start = parseInstant(b.start);
    if (start >= day.start && start < day.end) load.set(b.technicianId, (load.get(b.technicianId) ?? 0) + 1);
  }
  const loadOf = (i: number) => load.get(slot.technicianIds[i]!) ?? 0;
  let best = 0;
  for (let i = 1; i < slot.technicianIds.length; i++) if (loadOf(i) < loadOf(best)) best = i;
  return best;
}
