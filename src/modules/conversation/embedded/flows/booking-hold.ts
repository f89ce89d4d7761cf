import { speakAddress, speakZip } from '../../ear/address.ts';
import { speakPhone } from '../../ear/phone.ts';
import { speakText } from '../../ear/text.ts';
import { speakSlot } from '../../ear/when.ts';
import type { AgentTools, BookingSummary, SlotOffer } from '../../types.ts';
import { pickOffers, speakOffers } from '../offers.ts';
import { ANYTHING_ELSE, ask, joinSay, type Reply, type Turn, serviceWords } from '../turn.ts';
import { offerMessage } from './message.ts';

/**
 * Holding the caller's slot, reading the booking back, and confirming it on the caller's yes.
 * The agent says "booked" only after the confirm tool answered ok: the database decides.
 */
type HoldResult = Awaited<ReturnType<AgentTools['holdSlot']>>;

function notesOf(turn: Turn): string {
  const { facts } = turn;
  return [facts.problem ? `Problem: ${facts.problem}` : '', facts.email ? `Email: ${facts.email}` : ''].filter((p) => p !== '').join('\n');
}

/** One hold request, keyed by call, turn and purpose: a repeated delivery of the turn holds once. */
function placeHold(turn: Turn, slot: SlotOffer, purpose: string): Promise<HoldResult> {
  const { facts } = turn;
  const notes = notesOf(turn);
  return turn.tools.holdSlot({
    serviceId: facts.serviceId!,
    start: slot.start,
    zip: facts.zip!,
    name: facts.name!,
    phone: facts.phone!,
    ...(facts.address ? { address: facts.address } : {}),
    ...(notes ? { notes } : {}),
    ...(facts.emergency ? { emergency: true } : {}),
    key: `${turn.input.call.callSid}:${turn.input.seq}:${purpose}`,
  });
}

/** A refused hold: the alternatives it returned, or a new question about when. */
function afterRefusal(turn: Turn, refusal: Exclude<HoldResult, { ok: true }>, lead: string): Reply {
  delete turn.st.held;
  turn.bookingId = undefined;
  if (refusal.code === 'ANON_BOOKING_LIMIT') {
    delete turn.st.offers;
    return offerMessage(turn, 'A website visitor asked for a booking the daily website limit did not allow.', joinSay(lead, "I'm sorry, I can't take any more booking requests online today."), 'book.limit');
  }
  if ('alternatives' in refusal && refusal.alternatives.length > 0) {
    turn.st.offers = pickOffers(refusal.alternatives);
    return ask(turn, 'book.choose', `I do have ${speakOffers(turn.st.offers)}. Which works best?`, 'book.slot_taken', joinSay(lead, "I'm sorry, that time was just taken."));
  }
  delete turn.st.offers;
  return ask(turn, 'book.time', 'What other day or time would work for you?', 'book.slot_taken', joinSay(lead, "I'm sorry, that time isn't available anymore."));
}

/** The details the booking will hold (all but the time), read back with the times offered. */
export function detailsReadBack(turn: Turn): string {
  const { facts } = turn;
  const service = turn.profile.services.find((s) => s.id === facts.serviceId);
  const where = facts.address ? `at ${speakAddress(facts.address)}, ${speakZip(facts.zip!)}` : `in ${speakZip(facts.zip!)}`;
  return `Let me read that back: ${service ? serviceWords(service.name) : 'a visit'} for ${facts.name}, ${where}. Callback number ${speakPhone(facts.phone!)}.`;
}

/** Everything the booking will hold, read back for the caller to check. */
function readBack(turn: Turn, booking: BookingSummary, lead: string): Reply {
  const { facts } = turn;
  const where = facts.address ? `at ${speakAddress(facts.address)}, ${speakZip(facts.zip!)}` : `in ${speakZip(facts.zip!)}`;
  const details = `Let me read that back: ${serviceWords(booking.serviceName)} for ${facts.name}, ${where}. Callback number ${speakPhone(facts.phone!)}. And the time is ${speakSlot(booking)}.`;
  const surcharge = booking.surchargeNote ? `Please note: ${speakText(booking.surchargeNote)}` : '';
  return ask(turn, 'book.confirm', 'Is all of that correct?', 'book.readback', joinSay(lead, details, surcharge));
}

/**
 * Holds the slot the caller picked; when the details were read back with the times, the pick
 * is the caller's yes and the booking is confirmed at once, else it is read back first.
 */
export async function holdSlot(turn: Turn, slot: SlotOffer, lead = ''): Promise<Reply> {
  const held = await placeHold(turn, slot, 'hold');
  if (!held.ok) return afterRefusal(turn, held, lead);
  turn.bookingId = held.booking.id;
  turn.st.held = slot;
  if (turn.st.readBack) return confirmHeld(turn);
  return readBack(turn, held.booking, lead);
}

/** The same slot held again after the caller corrected a detail. */
export const holdAgain = (turn: Turn, lead: string): Promise<Reply> => holdSlot(turn, turn.st.held!, lead);

function booked(turn: Turn, booking: BookingSummary): Reply {
  delete turn.st.held;
  delete turn.st.readBack;
  delete turn.st.offers;
  const surcharge = booking.surchargeNote ? speakText(booking.surchargeNote) : '';
  const done = joinSay(`You're all set. Your ${serviceWords(booking.serviceName)} is booked for ${speakSlot(booking)}.`, surcharge);
  return { ...ask(turn, 'anything_else', ANYTHING_ELSE, 'book.confirmed', done), outcome: 'booked' };
}

/** An anonymous visitor's booking: sent to the company as a request, which is what they hear. */
function requested(turn: Turn, booking: BookingSummary): Reply {
  delete turn.st.held;
  delete turn.st.readBack;
  delete turn.st.offers;
  const done = `Thanks. I've sent your request for ${serviceWords(booking.serviceName)} on ${speakSlot(booking)} to the office. It isn't booked yet: they'll confirm it with you.`;
  return { ...ask(turn, 'anything_else', ANYTHING_ELSE, 'book.requested', done), outcome: 'message' };
}

const bookedOrRequested = (turn: Turn, result: { booking: BookingSummary; requested?: true }): Reply => (result.requested ? requested(turn, result.booking) : booked(turn, result.booking));

/** The caller said yes to the read-back: confirm the hold (holding again if it ran out). */
export async function confirmHeld(turn: Turn): Promise<Reply> {
  const confirmed = await turn.tools.confirmBooking(turn.bookingId!);
  if (confirmed.ok) return bookedOrRequested(turn, confirmed);
  if (confirmed.code === 'HOLD_EXPIRED' && turn.st.held) {
    const again = await placeHold(turn, turn.st.held, 'rehold');
    if (!again.ok) return afterRefusal(turn, again, 'Sorry, the hold on that time ran out.');
    turn.bookingId = again.booking.id;
    const retried = await turn.tools.confirmBooking(again.booking.id);
    if (retried.ok) return bookedOrRequested(turn, retried);
  }
  delete turn.st.held;
  turn.bookingId = undefined;
  return offerMessage(turn, 'The agent could not confirm the booking the caller asked for.', "I'm sorry, I couldn't confirm that booking.", 'book.failed');
}
