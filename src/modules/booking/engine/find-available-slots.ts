import { planAvailability } from './availability-plan.ts';
import { createSlotFormatter } from './slot-format.ts';
import type { AvailabilityRequest, AvailabilityResult, BookingConfig, ExistingBooking, Instant } from './types.ts';

/**
 * Bookable slots for one service at one zip, soonest first. Pure: the clock is `now`, and
 * `existing` holds the active bookings and live holds (leave out a booking being rescheduled).
 * Errors name why there can be no slots at all; "no free time" is an empty list.
 */
export function findAvailableSlots(
  config: BookingConfig,
  existing: readonly ExistingBooking[],
  request: AvailabilityRequest,
  now: Instant,
): AvailabilityResult {
  const plan = planAvailability(config, existing, request, now);
  if (!plan.ok) return plan;
  return { ok: true, slots: plan.slots.map(createSlotFormatter(plan.clock, config.onCall?.surchargeNote)) };
}
