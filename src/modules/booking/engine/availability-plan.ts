import { mergeIntervals, subtractIntervals, type Interval } from './intervals.ts';
import { parseInstant } from './instants.ts';
import { MINUTE_MS } from './local-date.ts';
import { collectExactSlots, collectWindowSlots, type RawSlot, type SlotRules } from './slots.ts';
import { buildTechnicianCalendar, selectQualifiedTechnicians, type BusyBooking } from './technicians.ts';
import type { AvailabilityError, AvailabilityRequest, BookingConfig, ExistingBooking, Instant, Service } from './types.ts';
import { expandWeeklyRanges } from './weekly-hours.ts';
import { createZoneClock, type ZoneClock } from './zone-clock.ts';
import { normalizeZip, normalizeZipList } from './zip.ts';

export interface AvailabilityPlan {
  ok: true;
  clock: ZoneClock;
  service: Service;
  /** Sorted by start. */
  slots: RawSlot[];
}

const fail = (code: AvailabilityError['code'], message: string): AvailabilityError => ({ ok: false, code, message });

/**
 * The whole availability computation up to unformatted slots; shared by findAvailableSlots
 * and checkSlotStillFree so both answer from the same rules.
 *
 * Slot starts lie in [max(from, now + minimum notice), min(to, end of the local day today +
 * horizonDays)). Emergency requests for a service allowed on call add the on-call hours.
 */
export function planAvailability(
  config: BookingConfig,
  existing: readonly ExistingBooking[],
  request: AvailabilityRequest,
  now: Instant,
): AvailabilityPlan | AvailabilityError {
  const service = config.services.find((s) => s.id === request.serviceId);
  if (!service) return fail('UNKNOWN_SERVICE', `No service with id '${request.serviceId}'.`);
  if (!(service.durationMinutes > 0 && service.slotIntervalMinutes > 0)) {
    throw new RangeError(`service '${service.id}' needs a positive duration and slot interval`);
  }
  const zip = normalizeZip(request.zip);
  if (zip === null) return fail('INVALID_ZIP', `'${request.zip}' is not a US zip code.`);
  if (!normalizeZipList(config.serviceArea).has(zip)) return fail('OUT_OF_SERVICE_AREA', `Zip ${zip} is outside the service area.`);
  const technicians = selectQualifiedTechnicians(config.technicians, service, zip, request.technicianId);
  if (technicians.length === 0) {
    const message =
      request.technicianId === undefined
        ? `No active technician has the skills for ${service.name} and covers zip ${zip}.`
        : `Technician '${request.technicianId}' is inactive, lacks the skills for ${service.name} or does not cover zip ${zip}.`;
    return fail('NO_QUALIFIED_TECHNICIAN', message);
  }

  const clock = createZoneClock(config.timeZone);
  const nowMs = parseInstant(now);
  const today = clock.localDayOf(nowMs);
  const from = Math.max(parseInstant(request.from), nowMs + config.minNoticeMinutes * MINUTE_MS);
  const to = Math.min(parseInstant(request.to), clock.resolveLocal(today + config.horizonDays + 1, 0).ms);
  if (from >= to) return { ok: true, clock, service, slots: [] };
  const firstDay = clock.localDayOf(from);
  const lastDay = clock.localDayOf(to - 1);

  // One day past the last: a slot starting late on lastDay may run into the next day's hours.
  const regularRanges = expandWeeklyRanges(clock, config.weeklyHours, firstDay, lastDay + 1, config);
  const regular = mergeIntervals(regularRanges);
  const onCall = request.emergency && config.onCall?.serviceIds.includes(service.id) ? config.onCall : undefined;
  const onCallRanges = onCall ? expandWeeklyRanges(clock, onCall.weeklyHours, firstDay, lastDay + 1) : [];
  const onCallOpen = mergeIntervals(onCallRanges);
  const companyOpen = onCallOpen.length > 0 ? mergeIntervals([...regular, ...onCallOpen]) : regular;

  const { perTechnician, perWindow } = indexBookings(existing, {
    start: clock.resolveLocal(firstDay - 1, 0).ms,
    end: clock.resolveLocal(lastDay + 2, 0).ms,
  });
  const calendars = technicians.map((t) =>
    buildTechnicianCalendar(t, companyOpen, perTechnician.get(t.id) ?? [], clock, firstDay, lastDay + 1),
  );
  const rules: SlotRules = {
    durationMs: service.durationMinutes * MINUTE_MS,
    bufferBeforeMs: service.bufferBeforeMinutes * MINUTE_MS,
    bufferAfterMs: service.bufferAfterMinutes * MINUTE_MS,
    stepMs: service.slotIntervalMinutes * MINUTE_MS,
    maxJobsPerDay: config.maxJobsPerTechnicianPerDay,
  };
  const bounds = { from, to };
  const windows = config.arrivalWindows ?? [];
  if (windows.length === 0) {
    const anchors = onCallRanges.length > 0 ? [...regularRanges, ...onCallRanges] : regularRanges;
    return { ok: true, clock, service, slots: collectExactSlots(anchors, companyOpen, calendars, rules, bounds, clock, regular) };
  }
  // Arrival windows replace exact times in regular hours; on-call time outside them stays exact.
  const slots = [
    ...collectWindowSlots(windows, firstDay, lastDay, calendars, rules, bounds, clock, perWindow),
    ...collectExactSlots(onCallRanges, subtractIntervals(onCallOpen, regular), calendars, rules, bounds, clock, regular),
  ].sort((a, b) => a.start - b.start);
  return { ok: true, clock, service, slots };
}

/**
 * Bookings grouped by technician, keeping only those whose buffered range touches `span` (the
 * others cannot block a slot or count toward a cap in it), and bookings counted per window key.
 */
function indexBookings(existing: readonly ExistingBooking[], span: Interval) {
  const perTechnician = new Map<string, BusyBooking[]>();
  const perWindow = new Map<string, number>();
  for (const b of existing) {
    if (b.windowKey !== undefined) perWindow.set(b.windowKey, (perWindow.get(b.windowKey) ?? 0) + 1);
    const start = parseInstant(b.start);
    const end = parseInstant(b.end);
    if (end + b.bufferAfterMinutes * MINUTE_MS <= span.start) continue;
    if (start - b.bufferBeforeMinutes * MINUTE_MS >= span.end) continue;
    let list = perTechnician.get(b.technicianId);
    if (!list) perTechnician.set(b.technicianId, (list = []));
    list.push({ ...b, start, end });
  }
  return { perTechnician, perWindow };
}
