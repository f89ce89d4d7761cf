import { formatInstant } from '../../booking/engine/instants.ts';
import { createZoneClock } from '../../booking/engine/zone-clock.ts';
import { parseSpokenTime } from '../../booking/spoken/parse-spoken-time.ts';
import { normalizePhone } from '../../../phone/normalize.ts';
import { speakSlot } from '../ear/when.ts';
import type { CollectibleDetail, SlotOffer } from '../types.ts';
import { readBack } from './read-aloud.ts';
import { idempotencyKey, learn, refusal, type ToolContext, type ToolOutput, type ToolRunner } from './tool-context.ts';
import { reach } from './turn-progress.ts';

const MAX_OFFERED = 4;
/** An exact time asked for is searched from then, over the next few hours. */
const EXACT_WINDOW_MS = 4 * 3600_000;

const offer = (s: SlotOffer) => ({ start: s.start, spoken: speakSlot(s), ...(s.onCall ? { on_call_surcharge: s.onCall.surchargeNote } : {}) });

function knownService(ctx: ToolContext, serviceId: string): boolean {
  return ctx.input.profile.services.some((s) => s.id === serviceId);
}

const unknownService = (ctx: ToolContext) =>
  refusal('UNKNOWN_SERVICE', `Use a service_id from the list: ${ctx.input.profile.services.map((s) => `${s.id} (${s.name})`).join(', ')}.`);

/** The caller's words for when, read on the company's calendar: a search window or a question to ask again. */
function searchWindow(ctx: ToolContext, when: string | undefined): { from?: string; to?: string } | { problem: string } {
  if (!when) return {};
  const { profile, now } = ctx.input;
  const spoken = parseSpokenTime(when, { timeZone: profile.timeZone, now: now.toISOString(), openHours: profile.openHours });
  switch (spoken.kind) {
    case 'exact':
      return { from: spoken.start, to: formatInstant(Date.parse(spoken.start) + EXACT_WINDOW_MS, createZoneClock(profile.timeZone)) };
    case 'range':
      return { from: spoken.from, to: spoken.to };
    case 'nonexistent':
      return { problem: `${spoken.message} Ask the caller for another time.` };
    default:
      return {};
  }
}

const findSlots: ToolRunner<'find_slots'> = async (ctx, args) => {
  learn(ctx, { serviceId: args.service_id, zip: args.zip, ...(args.emergency ? { emergency: true } : {}) });
  if (!knownService(ctx, args.service_id)) return unknownService(ctx);
  const window = searchWindow(ctx, args.when);
  if ('problem' in window) return refusal('TIME_DOES_NOT_EXIST', window.problem);
  const found = await ctx.tools.findSlots({ serviceId: args.service_id, zip: args.zip, ...window, ...(args.emergency ? { emergency: true } : {}) });
  reach(ctx.progress, 'answered', 'book.offer');
  if (!found.ok) return refusal(found.code, found.message);
  if (found.slots.length === 0) return { ok: true, slots: [], message: 'No open times then. Ask the caller about another day or time.' };
  return { ok: true, slots: found.slots.slice(0, MAX_OFFERED).map(offer) };
};

function missingDetails(ctx: ToolContext): CollectibleDetail[] {
  const f = ctx.progress.state.facts;
  const have: Record<CollectibleDetail, unknown> = { name: f.name, phone: f.phone, address: f.address, zip: f.zip, email: f.email, problem_description: f.problem };
  return ctx.input.profile.collectBeforeBooking.filter((d) => !have[d]);
}

const holdSlot: ToolRunner<'hold_slot'> = async (ctx, args) => {
  const phone = args.phone ? normalizePhone(args.phone) : (ctx.progress.state.facts.phone ?? ctx.input.call.callerNumber);
  if (args.phone && !phone) return refusal('INVALID_PHONE_NUMBER', 'That callback number is not a phone number. Ask the caller to repeat it.');
  learn(ctx, { serviceId: args.service_id, zip: args.zip, name: args.name, address: args.address, email: args.email, problem: args.notes, ...(phone ? { phone } : {}), ...(args.emergency ? { emergency: true } : {}) });
  if (!knownService(ctx, args.service_id)) return unknownService(ctx);
  const missing = missingDetails(ctx);
  if (!phone && !missing.includes('phone')) missing.push('phone');
  if (missing.length > 0) return { ...refusal('MISSING_DETAILS', `Ask the caller for: ${missing.join(', ')}.`), missing };
  const held = await ctx.tools.holdSlot({
    serviceId: args.service_id, start: args.start, zip: args.zip, name: args.name, phone: phone!,
    ...(args.address ? { address: args.address } : {}), ...(args.notes ? { notes: args.notes } : {}), ...(args.emergency ? { emergency: true } : {}),
    key: idempotencyKey(ctx, 'hold_slot'),
  });
  reach(ctx.progress, 'answered', 'book.hold');
  if (!held.ok) {
    if (held.code === 'ANON_BOOKING_LIMIT') return { ...refusal(held.code, 'No more booking requests can be taken online today. Apologise and offer to take a message instead.') };
    const alternatives = 'alternatives' in held ? held.alternatives.slice(0, MAX_OFFERED).map(offer) : [];
    return { ...refusal(held.code, held.message), ...(alternatives.length ? { alternatives } : {}) };
  }
  const said = readBack(held.booking, phone);
  const { memory, state } = ctx.progress;
  state.bookingId = held.booking.id;
  memory.hold = { bookingId: held.booking.id, seq: ctx.input.seq, readBack: said };
  if (!memory.knownBookingIds.includes(held.booking.id)) memory.knownBookingIds.push(held.booking.id);
  ctx.progress.held = held.booking;
  return { ok: true, booking_id: held.booking.id, status: 'held', read_back: said, next: 'Read this back and ask the caller to confirm. Do not call confirm_booking until they say yes.' };
};

const confirmBooking: ToolRunner<'confirm_booking'> = async (ctx, args) => {
  const { memory, state } = ctx.progress;
  // Only the hold of this call, and only once the caller has heard the read-back and answered.
  if (args.booking_id !== state.bookingId) return refusal('NOT_HELD', 'Only the slot held in this call can be confirmed. Hold a slot first.');
  if (memory.hold?.bookingId === args.booking_id && memory.hold.seq === ctx.input.seq) {
    return refusal('NOT_READ_BACK', 'Read the booking back to the caller and wait for their yes before confirming.');
  }
  const confirmed = await ctx.tools.confirmBooking(args.booking_id);
  if (!confirmed.ok) {
    reach(ctx.progress, 'answered', 'book.failed');
    return refusal(confirmed.code, confirmed.message);
  }
  if (confirmed.requested) {
    // An anonymous visitor's booking is only a request: the server's sentence says so.
    delete memory.hold;
    ctx.progress.requested = confirmed.booking;
    reach(ctx.progress, 'message', 'book.requested');
    return { ok: true, status: 'requested', booking_id: confirmed.booking.id, when: speakSlot(confirmed.booking), next: 'It is NOT booked: tell the visitor their request was sent and the office will confirm it.' };
  }
  if (!memory.confirmedBookingIds.includes(confirmed.booking.id)) memory.confirmedBookingIds.push(confirmed.booking.id);
  delete memory.hold;
  ctx.progress.confirmed = confirmed.booking;
  reach(ctx.progress, 'booked', 'book.confirmed');
  return { ok: true, status: 'confirmed', booking_id: confirmed.booking.id, when: speakSlot(confirmed.booking) };
};

const findCallerBookings: ToolRunner<'find_caller_bookings'> = async (ctx, args) => {
  const phone = ctx.input.call.callerNumber ?? (args.phone ? normalizePhone(args.phone) : null);
  if (!phone) return refusal('NEED_PHONE', 'Ask the caller for the phone number the appointment was made with.');
  const bookings = await ctx.tools.findCallerBookings(phone);
  const { memory } = ctx.progress;
  for (const b of bookings) if (!memory.knownBookingIds.includes(b.id)) memory.knownBookingIds.push(b.id);
  reach(ctx.progress, 'answered', 'bookings.find');
  return { bookings: bookings.map((b) => ({ booking_id: b.id, service_id: b.serviceId, service: b.serviceName, when: speakSlot(b), status: b.status, ...(b.zip ? { zip: b.zip } : {}) })) };
};

const notTheirs = () => refusal('UNKNOWN_BOOKING', "Use a booking_id from find_caller_bookings: only the caller's own appointments can be changed.");

const cancelBooking: ToolRunner<'cancel_booking'> = async (ctx, args) => {
  const { memory, state } = ctx.progress;
  if (!memory.knownBookingIds.includes(args.booking_id)) return notTheirs();
  const cancelled = await ctx.tools.cancelBooking(args.booking_id, args.reason);
  if (!cancelled.ok) return refusal(cancelled.code, cancelled.message);
  if (state.bookingId === args.booking_id) delete state.bookingId;
  memory.confirmedBookingIds = memory.confirmedBookingIds.filter((id) => id !== args.booking_id);
  if (!memory.cancelledBookingIds.includes(args.booking_id)) memory.cancelledBookingIds.push(args.booking_id);
  ctx.progress.cancelled = cancelled.booking;
  reach(ctx.progress, 'answered', 'bookings.cancel');
  return { ok: true, status: 'cancelled', booking_id: args.booking_id };
};

const rescheduleBooking: ToolRunner<'reschedule_booking'> = async (ctx, args) => {
  if (!ctx.progress.memory.knownBookingIds.includes(args.booking_id)) return notTheirs();
  const moved = await ctx.tools.rescheduleBooking(args.booking_id, args.start);
  if (!moved.ok) {
    const alternatives = 'alternatives' in moved ? moved.alternatives.slice(0, MAX_OFFERED).map(offer) : [];
    return { ...refusal(moved.code, moved.message), ...(alternatives.length ? { alternatives } : {}) };
  }
  ctx.progress.rescheduled = moved.booking;
  reach(ctx.progress, 'answered', 'bookings.reschedule');
  return { ok: true, status: moved.booking.status, booking_id: moved.booking.id, when: speakSlot(moved.booking) };
};

export const BOOKING_TOOLS = {
  find_slots: findSlots,
  hold_slot: holdSlot,
  confirm_booking: confirmBooking,
  find_caller_bookings: findCallerBookings,
  cancel_booking: cancelBooking,
  reschedule_booking: rescheduleBooking,
};

export type { ToolOutput };
