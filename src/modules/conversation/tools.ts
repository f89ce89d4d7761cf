import { AppError } from '../../errors.ts';
import { normalizePhone } from '../../phone/normalize.ts';
import type { Services } from '../../services.ts';
import type { Actor } from '../auth/principal.ts';
import type { Booking } from '../booking/bookings.present.ts';
import type { TurnWrite } from '../calls/calls.service.ts';
import type { Slot } from '../booking/engine/types.ts';
import type { AgentTools, BookingSummary, CallInfo, KnowledgeAnswer, SlotOffer } from './types.ts';

/**
 * The agent's tools over the real services, bound to one company and one call. Writes carry
 * the engine's idempotency key, so a repeated webhook never holds, books or stores a message
 * twice. A refusal of the booking rules (slot taken, out of area, hold expired) comes back as
 * `{ ok: false, code }` for the engine to speak; anything else is thrown.
 *
 * Bookings the tools read or change are the caller's own: made during this call, or booked
 * under the number the call comes from. A number the caller merely says finds nothing, so a
 * caller (or a model) cannot read or cancel someone else's appointments.
 */
export type ToolServices = Pick<Services, 'bookings' | 'contacts' | 'knowledge' | 'messages' | 'anonymousUsage'>;

/** How an anonymous channel's booking waits for the company: the request keeps its slot this long. */
export interface AnonymousPolicy {
  requestHoldMinutes: number;
}
const DEFAULT_ANONYMOUS: AnonymousPolicy = { requestHoldMinutes: 120 };

export const PHONE_AGENT: Actor = { type: 'system', id: null, label: 'phone agent' };
const UPCOMING_LIMIT = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const toSlotOffer = (s: Slot): SlotOffer => ({
  start: s.start,
  localDate: s.localDate,
  localStartTime: s.localStartTime,
  ...(s.arrivalWindow ? { arrivalWindow: { start: s.arrivalWindow.start, end: s.arrivalWindow.end } } : {}),
  ...(s.onCall ? { onCall: { surchargeNote: s.onCall.surchargeNote } } : {}),
});

export const toSummary = (b: Booking): BookingSummary => ({
  id: b.id,
  status: b.status,
  serviceId: b.serviceId,
  serviceName: b.serviceName,
  start: b.start,
  localDate: b.localDate,
  localStartTime: b.localStartTime,
  arrivalWindow: b.arrivalWindow,
  surchargeNote: b.surchargeNote,
  customerName: b.customerName,
  address: b.address,
  zip: b.zip,
});

/** A rule the booking service enforced, as the engine's refusal; other errors propagate. */
function refusal(err: unknown): { ok: false; code: string; message: string } | { ok: false; code: 'SLOT_TAKEN'; message: string; alternatives: SlotOffer[] } {
  if (!(err instanceof AppError)) throw err;
  if (err.code === 'SLOT_TAKEN') {
    const alternatives = (err.details?.['alternatives'] as Slot[] | undefined) ?? [];
    return { ok: false, code: 'SLOT_TAKEN', message: err.message, alternatives: alternatives.map(toSlotOffer) };
  }
  return { ok: false, code: err.code, message: err.message };
}

const notYours = { ok: false as const, code: 'NOT_FOUND', message: 'No such booking for this caller.' };

export interface ToolContext {
  companyId: string;
  call: CallInfo;
  now: Date;
  anonymous?: AnonymousPolicy;
  /**
   * Where the turn's record-keeping writes go (an unanswered question) when the turn is
   * recorded: they are written in the record's transaction. Without it they are written at once.
   */
  deferWrite?: ((write: TurnWrite) => void) | undefined;
}

export function createAgentTools(services: ToolServices, context: ToolContext): AgentTools {
  const { companyId, call, now } = context;
  const caller = call.callerNumber ? normalizePhone(call.callerNumber) : null;
  // Nobody vouches for a widget visitor: its bookings are capped requests, never confirmed here.
  const anonymous = call.channel === 'widget' ? (context.anonymous ?? DEFAULT_ANONYMOUS) : null;

  /** The booking when it belongs to this call or this caller; null otherwise (or when missing). */
  async function ownBooking(id: string): Promise<Booking | null> {
    if (!UUID.test(id)) return null;
    try {
      const booking = await services.bookings.get(companyId, id);
      const mine = booking.callId === call.id || (caller !== null && booking.customerPhone === caller);
      return mine ? booking : null;
    } catch (err) {
      if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
      throw err;
    }
  }

  /** Counts a new hold against the anonymous caps; a repeated delivery (the same key) is not counted again. */
  async function takeAnonymousBooking(key: string, phone: string): Promise<void> {
    const e164 = normalizePhone(phone) ?? phone;
    if (!(await services.bookings.existsWithKey(companyId, key))) await services.anonymousUsage.takeBooking(companyId, e164, now);
  }

  async function search(question: string): Promise<KnowledgeAnswer> {
    const found = await services.knowledge.search(companyId, question, { limit: 1 });
    const top = found.results[0];
    return { answerable: found.answerable, answer: top?.answer ?? null, question: top?.question ?? null, score: top?.score ?? 0, ...(top ? { source: top.source } : {}) };
  }
  // Tools live for one turn, whose steps may ask the same question twice (mid-booking, then open): searched once.
  const searched = new Map<string, Promise<KnowledgeAnswer>>();

  return {
    searchKnowledge(question) {
      let found = searched.get(question);
      if (!found) searched.set(question, (found = search(question)));
      return found;
    },

    async detectEmergency(text) {
      const match = await services.knowledge.emergencyFor(companyId, text);
      if (!match) return null;
      return { key: match.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''), name: match.name, instruction: match.safetyInstruction };
    },

    async recordUnanswered(question) {
      if (context.deferWrite) context.deferWrite((tx) => services.knowledge.recordUnansweredIn(tx, companyId, question));
      else await services.knowledge.recordUnanswered(companyId, question);
    },

    async findSlots(query) {
      try {
        const { slots } = await services.bookings.availability(companyId, query);
        return { ok: true, slots: slots.map(toSlotOffer) };
      } catch (err) {
        return refusal(err);
      }
    },

    async holdSlot(request) {
      const { key, name, phone, ...rest } = request;
      try {
        if (anonymous) await takeAnonymousBooking(key, phone);
        const { booking } = await services.bookings.create(
          PHONE_AGENT,
          companyId,
          { ...rest, contact: { name, phone }, hold: true, callId: call.id },
          { idempotencyKey: key, source: 'phone' },
        );
        return { ok: true, booking: toSummary(booking) };
      } catch (err) {
        return refusal(err);
      }
    },

    async confirmBooking(bookingId) {
      if (!(await ownBooking(bookingId))) return notYours;
      try {
        if (anonymous) return { ok: true, requested: true, booking: toSummary(await services.bookings.request(PHONE_AGENT, companyId, bookingId, anonymous.requestHoldMinutes)) };
        return { ok: true, booking: toSummary(await services.bookings.confirm(PHONE_AGENT, companyId, bookingId)) };
      } catch (err) {
        return refusal(err);
      }
    },

    async findCallerBookings(phone) {
      const e164 = normalizePhone(phone);
      if (caller === null || e164 !== caller) return [];
      const contacts = await services.contacts.list(companyId, { q: e164 }, { limit: 5, offset: 0 });
      const found: BookingSummary[] = [];
      for (const contact of contacts.items.filter((c) => c.phones.includes(e164))) {
        const page = await services.bookings.list(companyId, { contactId: contact.id, from: now }, { limit: UPCOMING_LIMIT, offset: 0 });
        for (const b of page.items) if (b.status === 'held' || b.status === 'confirmed') found.push(toSummary(b));
      }
      return found.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    },

    async cancelBooking(bookingId, reason) {
      if (!(await ownBooking(bookingId))) return notYours;
      try {
        return { ok: true, booking: toSummary(await services.bookings.cancel(PHONE_AGENT, companyId, bookingId, { reason })) };
      } catch (err) {
        return refusal(err);
      }
    },

    async rescheduleBooking(bookingId, start) {
      if (!(await ownBooking(bookingId))) return notYours;
      try {
        return { ok: true, booking: toSummary(await services.bookings.reschedule(PHONE_AGENT, companyId, bookingId, { start })) };
      } catch (err) {
        return refusal(err);
      }
    },

    async takeMessage(message) {
      const { id } = await services.messages.create(PHONE_AGENT, companyId, {
        callId: call.id,
        callerName: message.name,
        callbackNumber: message.callbackNumber,
        body: message.body,
        urgent: message.urgent,
        sourceKey: message.key,
      });
      return { id };
    },
  };
}
