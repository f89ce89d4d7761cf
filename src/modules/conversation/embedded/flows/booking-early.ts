import { expandWeeklyHours } from '../../../booking/engine/weekly-hours.ts';
import { createZoneClock } from '../../../booking/engine/zone-clock.ts';
import { weekText } from '../../company-facts/hours-text.ts';
import { placeNamed } from '../../company-facts/towns.ts';
import type { ServiceOffer } from '../../types.ts';
import type { TimeWish } from '../state.ts';
import { ask, joinSay, type Reply, type Turn } from '../turn.ts';
import { readName } from '../understand/details.ts';
import { harvest } from '../understand/harvest.ts';
import { withoutRejectedTime } from '../understand/rejected-time.ts';
import { matchService } from '../understand/service-match.ts';
import { readTimeWishIn, searchWindow } from './booking-time.ts';
import { checkZip } from './booking-slots.ts';
import { offerMessage } from './message.ts';

/**
 * Whatever the caller says during a booking, every detail in it is kept (a zip, an address, a
 * number, an email, a name, a time limit), and the two things that can end a booking are
 * checked as soon as they are known: the area (a zip, or a town outside it) and the times (a
 * limit the company is closed throughout, or has nothing free in). So a caller outside the area,
 * or whose only times are closed, hears it before giving every detail.
 */
const bookable = (turn: Turn): ServiceOffer[] => turn.profile.services.filter((s) => s.emergency === (turn.facts.emergency === true) || !s.emergency);
// A town is taken from "in …", "out in …", "from …", "live in …", so job words are never read as towns.
const PLACE_LEAD = new Set(['in', 'from', 'near', 'at', 'to']);

export interface EarlyResult {
  /** The booking cannot go on: what to say instead. */
  stop?: Reply;
  /** Something new was learned this turn. */
  learned: boolean;
}

function townOutsideArea(turn: Turn): string | null {
  const words = turn.heard.words;
  const area = turn.profile.facts.serviceArea;
  for (let i = 0; i < words.length - 1; i++) {
    if (!PLACE_LEAD.has(words[i]!)) continue;
    const place = placeNamed(words.slice(i + 1, i + 4), area);
    if (place && !/^\d/.test(place.said)) return place.servedZips.length === 0 ? place.said : null;
  }
  return null;
}

/** Whether the company's regular hours leave the wished-for window closed throughout. */
export function closedThroughout(turn: Turn, wish: TimeWish): boolean {
  if (wish.kind === 'asap') return false;
  const window = searchWindow(wish, turn.now);
  const from = Date.parse(window.from);
  const to = window.to ? Date.parse(window.to) : from + 7 * 86_400_000;
  const clock = createZoneClock(turn.profile.timeZone);
  const holidays = turn.profile.facts.holidays.map((h) => h.date);
  const open = expandWeeklyHours(clock, turn.profile.openHours, clock.localDayOf(from), clock.localDayOf(to), { overrides: turn.profile.facts.shortDays.map((d) => ({ date: d.date, ranges: d.ranges ?? [] })), holidays });
  return !open.some((i) => i.start < to && i.end > from);
}

function closedTimes(turn: Turn): Reply {
  delete turn.st.time;
  const lead = joinSay("I'm sorry, we aren't open then.", weekText(turn.profile.openHours));
  return ask(turn, 'book.time', 'Is there another time that would work for you, or would you like to leave a message?', 'book.closed_times', lead);
}

export async function takeDetails(turn: Turn): Promise<EarlyResult> {
  const { facts, st } = turn;
  const got = harvest(turn.heard, turn.raw);
  let learned = false;
  const keep = <K extends 'email' | 'address' | 'name' | 'phone'>(key: K, value: string | undefined) => {
    if (value && !facts[key]) {
      facts[key] = value;
      learned = true;
    }
  };
  keep('email', got.email);
  keep('address', got.address);
  // "it's Linda Marsh, four one three …": a name said with a number is a name, whatever was asked.
  keep('name', got.name ?? (got.phone ? (readName(turn.heard) ?? undefined) : undefined));
  keep('phone', got.phone);
  if (!facts.serviceId) {
    const match = matchService(turn.heard, bookable(turn));
    if (match.best) {
      facts.serviceId = match.best.id;
      delete st.serviceChoices;
      learned = true;
    } else if (match.tied.length > 1 && !st.serviceChoices) st.serviceChoices = match.tied.map((s) => s.id);
  }
  if (got.zip && got.zip !== facts.zip) {
    const verdict = await checkZip(turn, got.zip, facts.serviceId ?? bookable(turn)[0]?.id);
    if (!verdict.ok) return { stop: verdict.reply, learned: true };
    facts.zip = got.zip;
    learned = true;
  } else if (!facts.zip) {
    const outside = townOutsideArea(turn);
    if (outside) {
      const lead = `I'm sorry, we don't serve ${outside}, so I can't book a visit there.`;
      return { stop: offerMessage(turn, `Caller outside the service area (${outside}) asked for a visit.`, lead, 'book.out_of_area'), learned: true };
    }
  }
  if (got.timeText) {
    const read = readTimeWishIn(withoutRejectedTime(got.timeText).text, { timeZone: turn.profile.timeZone, now: turn.now, openHours: turn.profile.openHours });
    if (read.ok && read.wish.kind !== 'asap') {
      st.time = read.wish;
      learned = true;
      if (!facts.emergency && closedThroughout(turn, read.wish)) return { stop: closedTimes(turn), learned };
    } else if (read.ok && !st.time) {
      st.time = read.wish;
      learned = true;
    }
  }
  return { learned };
}
