import { speakZip } from '../../ear/address.ts';
import { speakText } from '../../ear/text.ts';
import type { SlotOffer } from '../../types.ts';
import type { TimeWish } from '../state.ts';
import { pickOffers, speakOffers } from '../offers.ts';
import { chooseOption } from '../understand/choose-option.ts';
import { withoutRejectedTime } from '../understand/rejected-time.ts';
import { readYesNo } from '../understand/yes-no.ts';
import { ask, joinSay, type Reply, type Turn } from '../turn.ts';
import { readTimeWish, searchWindow } from './booking-time.ts';
import { offerMessage } from './message.ts';
import { advanceBooking } from './booking.ts';
import { takeDetails } from './booking-early.ts';
import { detailsReadBack, holdSlot } from './booking-hold.ts';
import { fieldNamed, fixDetail } from './booking-fix.ts';

/**
 * Booking, part two: times. Asks when, offers two or three free slots spoken for the ear,
 * and holds the one the caller picks (idempotent by call and turn, so a repeated webhook
 * holds once). The read-back and the confirmation are in booking-hold.ts, corrections in
 * booking-fix.ts.
 */

const TIME_QUESTION = 'When would you like us to come out? You can say something like tomorrow morning, or as soon as possible.';

export async function askTime(turn: Turn, lead = ''): Promise<Reply> {
  // An emergency never asks "when": the soonest times are offered at once.
  if (turn.facts.emergency) {
    turn.st.time = { kind: 'asap' };
    return offerSlots(turn, lead);
  }
  return ask(turn, 'book.time', TIME_QUESTION, 'book.time', lead);
}

/** Whether the company serves this zip for the service; out of area ends booking with an offer to take a message. */
export async function checkZip(turn: Turn, zip: string, serviceId = turn.facts.serviceId): Promise<{ ok: true } | { ok: false; reply: Reply }> {
  if (!serviceId) return { ok: true };
  const result = await turn.tools.findSlots({ serviceId, zip, ...(turn.facts.emergency ? { emergency: true } : {}) });
  if (result.ok) return { ok: true };
  if (result.code === 'INVALID_ZIP') {
    return { ok: false, reply: { ...ask(turn, 'book.zip', 'Could you say the five-digit zip code again, one digit at a time?', 'book.zip', "Sorry, that doesn't sound like a zip code I know."), misunderstood: true } };
  }
  const lead = result.code === 'OUT_OF_SERVICE_AREA'
    ? `I'm sorry, we don't serve the ${speakZip(zip)} area, so I can't book a visit there.`
    : "I'm sorry, I can't book that service for your area right now.";
  return { ok: false, reply: offerMessage(turn, `Caller outside the service area (zip ${zip}) asked for a visit.`, lead, 'book.out_of_area') };
}

// "no, I really can't do any earlier": the caller has no other time to offer.
const NO_OTHER_TIME = /\s(cant|can not|cannot|wont work|doesnt work|dont work|no other|not possible|no way)\s/;

export async function timeStep(turn: Turn): Promise<Reply> {
  // Details said instead of a time (a name and number after "we aren't open then") are kept,
  // and only what is still missing is asked before times are searched.
  const early = await takeDetails(turn);
  if (early.stop) return early.stop;
  const read = readTimeWish(turn);
  if (!read.ok && early.learned) return advanceBooking(turn, 'Got it.');
  if (!read.ok && (readYesNo(turn.heard) === 'no' || NO_OTHER_TIME.test(turn.heard.text))) {
    delete turn.st.time;
    return offerMessage(turn, 'The caller wanted a visit at a time the company is not open.', "I understand. I'm sorry we can't make that work.", 'book.no_time');
  }
  if (!read.ok) {
    turn.st.prompt = read.say;
    return { say: read.say, intent: 'book.time', ...(read.misheard ? { misunderstood: true } : {}) };
  }
  turn.st.time = read.wish;
  return advanceBooking(turn);
}

/** The offer nearest the exact time the caller asked for (else the first). */
export function nearestOffer(turn: Turn, offers: SlotOffer[]): SlotOffer {
  const wish = turn.st.time;
  if (wish?.kind !== 'exact') return offers[0]!;
  const target = Date.parse(wish.start);
  return [...offers].sort((a, b) => Math.abs(Date.parse(a.start) - target) - Math.abs(Date.parse(b.start) - target))[0]!;
}

async function freeSlots(turn: Turn, window: { from: string; to?: string }): Promise<SlotOffer[] | { code: string }> {
  const result = await turn.tools.findSlots({
    serviceId: turn.facts.serviceId!,
    zip: turn.facts.zip!,
    from: window.from,
    ...(window.to ? { to: window.to } : {}),
    ...(turn.facts.emergency ? { emergency: true } : {}),
  });
  return result.ok ? result.slots : { code: result.code };
}

const WIDEN_DAYS = 21;

/** Local "HH:MM" of an instant in a zone. */
const localClock = (iso: string, timeZone: string) => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

/** Whether the slot starts within the wished-for hours of the day (a range within one day; anything else fits). */
function withinHoursOf(wish: TimeWish, slot: SlotOffer, timeZone: string): boolean {
  if (wish.kind !== 'range' || Date.parse(wish.to) - Date.parse(wish.from) > 86_400_000) return true;
  const [from, to] = [localClock(wish.from, timeZone), localClock(wish.to, timeZone)];
  const start = slot.arrivalWindow?.start ?? slot.localStartTime;
  return start >= from && (to === '00:00' || start < to);
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const LOOK_BACK_MS = 6 * 3_600_000;

/**
 * The free times for the wish. With arrival windows, a part of one day ("wednesday afternoon")
 * takes the windows whose middle falls in it, so an 11-to-2 window is an afternoon one.
 */
async function slotsFor(turn: Turn, wish: TimeWish): Promise<SlotOffer[] | { code: string }> {
  const window = searchWindow(wish, turn.now);
  const oneDay = wish.kind === 'range' && window.to !== undefined && Date.parse(window.to) - Date.parse(window.from) <= 86_400_000;
  if (!oneDay || turn.profile.facts.arrivalWindows.length === 0) return freeSlots(turn, window);
  const from = Math.max(turn.now.getTime(), Date.parse(window.from) - LOOK_BACK_MS);
  const slots = await freeSlots(turn, { from: new Date(from).toISOString(), to: window.to! });
  if (!Array.isArray(slots)) return slots;
  const { timeZone } = turn.profile;
  const [lo, hi] = [minutesOf(localClock(window.from, timeZone)), minutesOf(localClock(window.to!, timeZone)) || 24 * 60];
  return slots.filter((s) => {
    if (Date.parse(s.start) >= Date.parse(window.from)) return true;
    if (!s.arrivalWindow || s.localDate !== new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(window.from))) return false;
    const middle = (minutesOf(s.arrivalWindow.start) + minutesOf(s.arrivalWindow.end)) / 2;
    return middle >= lo && middle < hi;
  });
}

/** Finds free times for the caller's wish (widening to the week after when it is full) and offers two or three. */
export async function offerSlots(turn: Turn, lead = ''): Promise<Reply> {
  const wish = turn.st.time ?? { kind: 'asap' as const };
  let slots = await slotsFor(turn, wish);
  let widened = false;
  if (Array.isArray(slots) && slots.length === 0 && wish.kind !== 'asap') {
    widened = true;
    const from = searchWindow(wish, turn.now).from;
    slots = await freeSlots(turn, { from, to: new Date(Date.parse(from) + WIDEN_DAYS * 86_400_000).toISOString() });
    // "after 11": the days after keep the caller's hours when any of them is free then.
    if (Array.isArray(slots)) {
      const sameHours = slots.filter((s) => withinHoursOf(wish, s, turn.profile.timeZone));
      if (sameHours.length > 0) slots = sameHours;
    }
  }
  if (!Array.isArray(slots) || slots.length === 0) {
    const sorry = "I'm sorry, I don't have any openings in the next week.";
    return offerMessage(turn, 'The caller wanted a visit but no time was free in the next week.', joinSay(lead, sorry), 'book.no_slots');
  }
  const offers = pickOffers(slots, wish.kind === 'exact' && !widened ? wish : undefined);
  turn.st.offers = offers;
  const exactFree = wish.kind === 'exact' && offers.some((o) => Date.parse(o.start) === Date.parse(wish.start));
  const opener = widened ? "I don't have anything open then. The closest I have is" : exactFree ? 'I can do' : wish.kind === 'exact' ? "That exact time isn't open, but I have" : 'I have';
  const surcharge = offers.some((o) => o.onCall) ? `Times outside regular hours have a surcharge: ${speakText(offers.find((o) => o.onCall)!.onCall!.surchargeNote)}` : '';
  const question = offers.length === 1 ? 'Does that work for you?' : 'Which works best for you?';
  // The first offer carries the read-back of the details, so the caller's pick can book it.
  const details = turn.st.readBack ? '' : detailsReadBack(turn);
  turn.st.readBack = true;
  return ask(turn, 'book.choose', joinSay(details, `${opener} ${speakOffers(offers)}.`, surcharge, question), 'book.offer', lead);
}

const DECLINES = /\s(figure (it|something) out|ill (call|get) back|call you back|ill think about it|let me think about it|ill check and|dont book( it| anything)?|no thanks)\s/;

/** The caller's pick among the offered times; another day or time named starts a new search. */
const CORRECTING = /\s(wrong|not right|incorrect|actually|change|fix|misspelled|spelled|typo|no)\s/;

export async function chooseStep(turn: Turn): Promise<Reply> {
  const offers = turn.st.offers ?? [];
  // "the address is wrong": a detail of the read-back corrected before a time is picked.
  const field = fieldNamed(turn);
  if (field && field !== 'time' && CORRECTING.test(turn.heard.text)) return fixDetail(turn, field);
  // "not wednesday, thursday would be better": the day turned down is no pick; the other is a new search.
  const wanted = withoutRejectedTime(turn.raw);
  const choice = chooseOption(wanted.text, offers, { timeZone: turn.profile.timeZone, now: turn.now });
  if (wanted.rejected && choice.kind !== 'chosen') {
    const read = readTimeWish(turn);
    if (read.ok) {
      turn.st.time = read.wish;
      return offerSlots(turn, 'No problem.');
    }
    delete turn.st.offers;
    return ask(turn, 'book.time', 'What day and time would work better?', 'book.time', 'No problem.');
  }
  // "ok I guess I'll figure something out, thanks": no pick, however it starts.
  if (DECLINES.test(turn.heard.text)) {
    delete turn.st.offers;
    delete turn.st.time;
    return offerMessage(turn, 'The caller wanted a visit but none of the times offered suited them.', "No problem, I won't book anything.", 'book.declined');
  }
  if (choice.kind === 'chosen') return holdSlot(turn, offers[choice.index]!);
  // A plain yes to several times: the first (the soonest, or the one nearest the time asked for).
  if (choice.kind === 'none' && !choice.namedTime && offers.length > 1 && readYesNo(turn.heard) === 'yes') return holdSlot(turn, nearestOffer(turn, offers));
  if (choice.kind === 'ambiguous') {
    turn.st.offers = choice.indexes.map((i) => offers[i]!);
    return ask(turn, 'book.choose', `Did you mean ${speakOffers(turn.st.offers)}?`, 'book.offer');
  }
  if (choice.namedTime) {
    const read = readTimeWish(turn);
    if (read.ok) {
      turn.st.time = read.wish;
      return offerSlots(turn);
    }
  }
  if (readYesNo(turn.heard) === 'no' || /\s(none|neither|something else|another|different|other|later|earlier)\s/.test(turn.heard.text)) {
    delete turn.st.offers;
    return ask(turn, 'book.time', 'What day and time would work better?', 'book.time', 'No problem.');
  }
  return { ...ask(turn, 'book.choose', `I have ${speakOffers(offers)}. Which one would you like?`, 'book.offer', 'Sorry, I missed that.'), misunderstood: true };
}
