import { readYesNo } from '../understand/yes-no.ts';
import { ask, type Reply, type Turn } from '../turn.ts';
import { advanceBooking } from './booking.ts';
import { confirmHeld } from './booking-hold.ts';

/**
 * The caller's answer to the read-back: yes confirms; no asks what to change. A correction
 * releases the hold, asks for the detail again, and holds the same time afresh (or offers
 * new times when the time was wrong).
 */
type Field = 'name' | 'address' | 'phone' | 'time' | 'service';

const FIELDS: [RegExp, Field][] = [
  [/\s(name|spelling|spelled)\s/, 'name'],
  [/\s(address|street|zip|zip code|house number|apartment)\s/, 'address'],
  [/\s(number|phone|phone number|callback)\s/, 'phone'],
  [/\s(time|day|date|when|morning|afternoon|evening|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow)\s/, 'time'],
  [/\s(service|job|visit type)\s/, 'service'],
];

const FIX_QUESTION = 'What should I change: the name, the address, the phone number, or the time?';

export const fieldNamed = (turn: Turn): Field | null => FIELDS.find(([pattern]) => pattern.test(turn.heard.text))?.[1] ?? null;

export async function fixDetail(turn: Turn, field: Field): Promise<Reply> {
  const { facts, st } = turn;
  if (turn.bookingId) await turn.tools.cancelBooking(turn.bookingId, 'Caller corrected the details before confirming');
  turn.bookingId = undefined;
  delete st.readBack;
  const lead = "Okay, let's fix that.";
  switch (field) {
    case 'name':
      delete facts.name;
      return advanceBooking(turn, lead);
    case 'address':
      delete facts.address;
      delete facts.zip;
      return ask(turn, 'book.address', "What's the correct address, with the zip code?", 'book.address', lead);
    case 'phone':
      delete facts.phone;
      return ask(turn, 'book.phone_number', "What's the best number to reach you?", 'book.phone', lead);
    default:
      // A different time, or a different service (whose times differ too): choose again.
      if (field === 'service') delete facts.serviceId;
      delete st.time;
      delete st.held;
      delete st.offers;
      return advanceBooking(turn, lead);
  }
}

export async function confirmStep(turn: Turn): Promise<Reply> {
  const answer = readYesNo(turn.heard);
  const field = fieldNamed(turn);
  // "yes, but the name is wrong" corrects; a plain yes (even one repeating the day) confirms.
  if (field && (answer !== 'yes' || /\sbut\s/.test(turn.heard.text))) return fixDetail(turn, field);
  if (answer === 'yes') return confirmHeld(turn);
  if (answer === 'no') return ask(turn, 'book.fix', FIX_QUESTION, 'book.fix', 'Sorry about that.');
  return { ...ask(turn, 'book.confirm', 'Is everything I read back correct? Please say yes or no.', 'book.readback', 'Sorry, I missed that.'), misunderstood: true };
}

export async function fixStep(turn: Turn): Promise<Reply> {
  const field = fieldNamed(turn);
  if (field) return fixDetail(turn, field);
  if (readYesNo(turn.heard) === 'no' || /\s(nothing|its fine|all good|never mind)\s/.test(turn.heard.text)) {
    turn.st.step = 'book.confirm';
    return confirmHeld(turn);
  }
  return { ...ask(turn, 'book.fix', FIX_QUESTION, 'book.fix', 'Sorry, I missed that.'), misunderstood: true };
}
