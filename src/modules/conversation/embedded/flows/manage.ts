import { speakSlot } from '../../ear/when.ts';
import type { BookingSummary, SlotOffer } from '../../types.ts';
import { pickOffers, speakOffers } from '../offers.ts';
import { chooseOption } from '../understand/choose-option.ts';
import { readYesNo } from '../understand/yes-no.ts';
import { ANYTHING_ELSE, ask, joinSay, type Reply, type Turn, serviceWords } from '../turn.ts';
import { nearestOffer } from './booking-slots.ts';
import { readTimeWish, searchWindow } from './booking-time.ts';
import { offerMessage } from './message.ts';

/**
 * Rescheduling and cancelling: the caller's upcoming bookings are found by caller id, read
 * out, and the one chosen is moved or cancelled after the caller's yes.
 */
const describe = (b: BookingSummary) => `${serviceWords(b.serviceName)} on ${speakSlot(b)}`;
const misheard = (reply: Reply): Reply => ({ ...reply, misunderstood: true });

function chosen(turn: Turn): BookingSummary {
  const manage = turn.st.manage!;
  return manage.bookings[manage.chosen ?? 0]!;
}

function actOn(turn: Turn, lead: string): Reply {
  const manage = turn.st.manage!;
  const booking = chosen(turn);
  if (manage.kind === 'cancel') return ask(turn, 'manage.cancel', `Would you like me to cancel your ${describe(booking)}?`, 'cancel.confirm', lead);
  return ask(turn, 'manage.time', `Your ${describe(booking)}: when would work better for you?`, 'reschedule.time', lead);
}

export async function startManage(turn: Turn, kind: 'cancel' | 'reschedule'): Promise<Reply> {
  const caller = turn.input.call.callerNumber;
  const what = kind === 'cancel' ? 'cancel' : 'reschedule';
  if (!caller) {
    return offerMessage(turn, `The caller asked to ${what} an appointment (caller id withheld).`, "I can only look up appointments by the number they were booked with, and I can't see the number you're calling from.", `${kind}.no_caller_id`);
  }
  const bookings = (await turn.tools.findCallerBookings(caller)).filter((b) => b.status === 'confirmed').slice(0, 3);
  if (bookings.length === 0) {
    return offerMessage(turn, `The caller asked to ${what} an appointment; none was found for their number.`, "I don't see any upcoming appointments for the number you're calling from.", `${kind}.none`);
  }
  turn.st.manage = { kind, bookings };
  // The visit booked earlier in this call is the one meant by "move that to friday instead".
  const thisCall = bookings.findIndex((b) => b.id === turn.bookingId);
  if (bookings.length === 1 || thisCall >= 0) {
    turn.st.manage.chosen = Math.max(0, thisCall);
    const booking = bookings[turn.st.manage.chosen]!;
    // A new time said with the request is searched at once.
    const wish = kind === 'reschedule' ? readTimeWish(turn) : null;
    if (wish?.ok && wish.wish.kind !== 'asap') {
      turn.st.time = wish.wish;
      return offerMoves(turn, `Sure, let's move your ${describe(booking)}.`);
    }
    return actOn(turn, `I see your ${describe(booking)}.`);
  }
  const list = bookings.map(describe);
  const question = `Which one would you like to ${what}?`;
  return ask(turn, 'manage.pick', question, `${kind}.pick`, `I see ${bookings.length} upcoming appointments: ${list.slice(0, -1).join(', ')}, and ${list[list.length - 1]}.`);
}

async function offerMoves(turn: Turn, lead = ''): Promise<Reply> {
  const booking = chosen(turn);
  const wish = turn.st.time ?? { kind: 'asap' as const };
  const window = searchWindow(wish, turn.now);
  const zip = booking.zip ?? turn.facts.zip;
  if (!zip) return offerMessage(turn, `The caller wanted to move their ${describe(booking)}.`, "I'm sorry, I can't look up new times for that appointment.", 'reschedule.failed');
  const found = await turn.tools.findSlots({ serviceId: booking.serviceId, zip, from: window.from, ...(window.to ? { to: window.to } : {}) });
  const slots = found.ok ? found.slots.filter((s) => s.start !== booking.start) : [];
  if (slots.length === 0) return ask(turn, 'manage.time', 'What other day would work?', 'reschedule.no_slots', joinSay(lead, "I'm sorry, I don't have anything open then."));
  // The exact time asked for is free: only the caller's yes is missing.
  const exact = wish.kind === 'exact' ? slots.find((s) => Date.parse(s.start) === Date.parse(wish.start)) : undefined;
  // The exact time asked for is free: asking for it was the caller's yes.
  if (exact) return move(turn, exact);
  turn.st.offers = pickOffers(slots, wish.kind === 'exact' ? wish : undefined);
  return ask(turn, 'manage.choose', `I have ${speakOffers(turn.st.offers)}. Which works best?`, 'reschedule.offer', lead);
}

async function move(turn: Turn, slot: SlotOffer): Promise<Reply> {
  const booking = chosen(turn);
  const moved = await turn.tools.rescheduleBooking(booking.id, slot.start);
  if (moved.ok) {
    delete turn.st.manage;
    delete turn.st.offers;
    delete turn.st.time;
    return { ...ask(turn, 'anything_else', ANYTHING_ELSE, 'reschedule.done', `Done. Your ${describe(moved.booking)} is confirmed.`), outcome: 'booked' };
  }
  if ('alternatives' in moved && moved.alternatives.length > 0) {
    turn.st.offers = pickOffers(moved.alternatives);
    return ask(turn, 'manage.choose', `I do have ${speakOffers(turn.st.offers)}. Which works best?`, 'reschedule.slot_taken', "I'm sorry, that time was just taken.");
  }
  return offerMessage(turn, `The caller wanted to move their ${describe(booking)}; the agent could not.`, "I'm sorry, I couldn't move that appointment.", 'reschedule.failed');
}

export async function manageStep(turn: Turn): Promise<Reply> {
  const { st, heard } = turn;
  const manage = st.manage!;
  switch (st.step) {
    case 'manage.pick': {
      const choice = chooseOption(turn.raw, manage.bookings, { timeZone: turn.profile.timeZone, now: turn.now });
      if (choice.kind !== 'chosen') return misheard(ask(turn, 'manage.pick', 'Which appointment: the first, the second, or the third?', 'manage.pick', 'Sorry, I missed which one.'));
      manage.chosen = choice.index;
      return actOn(turn, 'Okay.');
    }
    case 'manage.cancel': {
      const answer = readYesNo(heard);
      if (answer === 'no') {
        delete st.manage;
        return ask(turn, 'anything_else', ANYTHING_ELSE, 'cancel.kept', "Okay, I'll leave it as it is.");
      }
      if (answer !== 'yes') return misheard(ask(turn, 'manage.cancel', 'Should I cancel it? Please say yes or no.', 'cancel.confirm', 'Sorry, I missed that.'));
      const booking = chosen(turn);
      const cancelled = await turn.tools.cancelBooking(booking.id, 'Cancelled by the caller on the phone');
      delete st.manage;
      if (!cancelled.ok) return offerMessage(turn, `The caller asked to cancel their ${describe(booking)}; the agent could not.`, "I'm sorry, I couldn't cancel that appointment.", 'cancel.failed');
      return { ...ask(turn, 'anything_else', ANYTHING_ELSE, 'cancel.done', `Done. Your ${describe(booking)} is cancelled.`), outcome: 'answered' };
    }
    case 'manage.time': {
      const read = readTimeWish(turn);
      if (!read.ok) {
        st.prompt = read.say;
        return { say: read.say, intent: 'reschedule.time', ...(read.misheard ? { misunderstood: true } : {}) };
      }
      st.time = read.wish;
      return offerMoves(turn);
    }
    case 'manage.choose': {
      const offers = st.offers ?? [];
      const choice = chooseOption(turn.raw, offers, { timeZone: turn.profile.timeZone, now: turn.now });
      // A plain yes to the times read out: the first (the one nearest the time asked for).
      const yes = choice.kind === 'none' && !choice.namedTime && readYesNo(heard) === 'yes';
      // The times were read out for this booking: the caller's pick is the yes ("friday afternoon's great": the first that fits).
      if (choice.kind === 'ambiguous') return move(turn, offers[choice.indexes[0]!]!);
      if (choice.kind === 'chosen' || yes) {
        return move(turn, choice.kind === 'chosen' ? offers[choice.index]! : nearestOffer(turn, offers));
      }
      if (choice.kind === 'none' && choice.namedTime) {
        const read = readTimeWish(turn);
        if (read.ok) {
          st.time = read.wish;
          return offerMoves(turn);
        }
      }
      return misheard(ask(turn, 'manage.choose', `I have ${speakOffers(offers)}. Which one would you like?`, 'reschedule.offer', 'Sorry, I missed that.'));
    }
    default: {
      // 'manage.move': the caller's yes moves the booking.
      const answer = readYesNo(heard);
      if (answer === 'yes' && manage.moveTo) return move(turn, manage.moveTo);
      if (answer === 'no') {
        delete manage.moveTo;
        return ask(turn, 'manage.time', 'When would work better?', 'reschedule.time', 'No problem.');
      }
      return misheard(ask(turn, 'manage.move', 'Should I move it? Please say yes or no.', 'reschedule.confirm', 'Sorry, I missed that.'));
    }
  }
}
