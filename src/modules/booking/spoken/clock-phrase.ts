import type { PartOfDay } from './types.ts';

/** A time of day as said, before AM/PM is settled. */
export interface SpokenClock {
  /** 0–23 as said ("3", "15:30"), 24 for midnight. */
  hour: number;
  minute: number;
  meridiem: 'am' | 'pm' | null;
  /** Minutes added once the hour is placed: "quarter to eight" is 8:00 − 15, so 7:45 AM. */
  shift: number;
}

export interface ClockRead {
  clock: SpokenClock;
  next: number;
}

const UNIT_WORDS = new Set(['minute', 'minutes', 'min', 'mins', 'hour', 'hours', 'hrs', 'day', 'days', 'week', 'weeks', 'people', 'guys', 'th']);
const PAST = new Set(['past', 'after']);
const TO = new Set(['to', 'til', 'till', 'before', 'of']);
const isInt = (t: string | undefined): t is string => t !== undefined && /^\d{1,2}$/.test(t);

// A lone number is a time only beside words that make it one: "at 3", "3 tomorrow", a bare
// "3" answering "what time?". Not in "one of your guys" or "2 bathrooms".
const BEFORE_TIME = new Set(['at', 'around', 'about', 'by', 'after', 'before', 'between', 'from', 'and', 'to', 'till', 'until', 'til', 'say', 'or', 'since', 'than']);
const AFTER_TIME = new Set([
  'am', 'pm', 'oclock', 'morning', 'afternoon', 'evening', 'night', 'tonight', 'today', 'tomorrow', 'overmorrow', 'on', 'this', 'next',
  'in', 'at', 'works', 'would', 'is', 'sounds', 'ish', 'or', 'and', 'to', 'till', 'until', 'til', 'monday', 'tuesday', 'wednesday',
  'thursday', 'friday', 'saturday', 'sunday',
]);
function loneNumberIsTime(tokens: readonly string[], i: number): boolean {
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  return after === undefined || AFTER_TIME.has(after) || (before !== undefined && BEFORE_TIME.has(before));
}

/** An hour said after "half past" / "quarter to": 1–12, noon or midnight, with am/pm. */
function readHour(tokens: readonly string[], i: number): ClockRead | null {
  const t = tokens[i];
  if (t === 'noon') return { clock: { hour: 12, minute: 0, meridiem: 'pm', shift: 0 }, next: i + 1 };
  if (t === 'midnight') return { clock: { hour: 24, minute: 0, meridiem: null, shift: 0 }, next: i + 1 };
  if (!isInt(t) || Number(t) < 1 || Number(t) > 12) return null;
  return withMeridiem(tokens, i + 1, Number(t), 0);
}

function withMeridiem(tokens: readonly string[], i: number, hour: number, minute: number): ClockRead {
  const t = tokens[i];
  if ((t === 'am' || t === 'pm') && hour <= 12) return { clock: { hour, minute, meridiem: t, shift: 0 }, next: i + 1 };
  if (t === 'oclock') return withMeridiem(tokens, i + 1, hour, minute);
  return { clock: { hour, minute, meridiem: null, shift: 0 }, next: i };
}

const shifted = (read: ClockRead | null, shift: number): ClockRead | null => (read ? { clock: { ...read.clock, shift }, next: read.next } : null);

/**
 * Reads a time of day at tokens[i]: "noon", "midnight", "3", "3 pm", "3:30", "3 30", "3 oh 5",
 * "half past 2", "quarter to 5", "10 after 3", "20 minutes to 4", "25 to 5". "10 to 2" is left
 * to the caller as a range (10 until 2): minutes-to needs "minutes", "quarter" or 13–59.
 */
export function readClock(tokens: readonly string[], i: number): ClockRead | null {
  const t = tokens[i];
  if (t === undefined) return null;
  if (t === 'noon' || t === 'midnight') return readHour(tokens, i);
  const next = tokens[i + 1];
  if (t === 'half' && next === 'past') return shifted(readHour(tokens, i + 2), 30);
  if (t === 'quarter' && next !== undefined && PAST.has(next)) return shifted(readHour(tokens, i + 2), 15);
  if (t === 'quarter' && next !== undefined && TO.has(next)) return shifted(readHour(tokens, i + 2), -15);
  if (isInt(t) && Number(t) >= 1 && Number(t) <= 59) {
    const n = Number(t);
    const hasUnit = next === 'minutes' || next === 'minute';
    const link = tokens[i + (hasUnit ? 2 : 1)];
    if (link !== undefined && PAST.has(link)) {
      const read = readHour(tokens, i + (hasUnit ? 3 : 2));
      if (read) return shifted(read, n);
    }
    if (link !== undefined && TO.has(link) && (hasUnit || n > 12)) {
      const read = readHour(tokens, i + (hasUnit ? 3 : 2));
      if (read) return shifted(read, -n);
    }
  }
  const colon = /^(\d{1,2}):(\d{2})$/.exec(t);
  if (colon) {
    const [hour, minute] = [Number(colon[1]), Number(colon[2])];
    return hour <= 23 && minute <= 59 ? withMeridiem(tokens, i + 1, hour, minute) : null;
  }
  const compact = /^(\d{1,2})(\d{2})$/.exec(t);
  if (compact && (next === 'am' || next === 'pm') && Number(compact[2]) <= 59) return withMeridiem(tokens, i + 1, Number(compact[1]), Number(compact[2]));
  if (!isInt(t) || Number(t) > 23 || (next !== undefined && UNIT_WORDS.has(next))) return null;
  const hour = Number(t);
  if (next === 'oh' && isInt(tokens[i + 2]) && Number(tokens[i + 2]) <= 9) return withMeridiem(tokens, i + 3, hour, Number(tokens[i + 2]));
  if (next === 'hundred') return { clock: { hour, minute: 0, meridiem: hour === 0 || hour > 12 ? null : 'am', shift: 0 }, next: i + 2 };
  if (next !== undefined && /^\d{2}$/.test(next) && Number(next) >= 10 && Number(next) <= 59 && !UNIT_WORDS.has(tokens[i + 2] ?? '')) {
    return withMeridiem(tokens, i + 2, hour, Number(next));
  }
  return loneNumberIsTime(tokens, i) ? withMeridiem(tokens, i + 1, hour, 0) : null;
}

/** Whether the clock still needs AM or PM chosen. */
export const isBareClock = (c: SpokenClock): boolean => c.meridiem === null && c.hour >= 1 && c.hour <= 12;

/**
 * Minutes after local midnight (may reach 1440: midnight ends the day). A bare hour takes the
 * part of day said with it; else the open hours when exactly one of AM/PM is open; else phone
 * habit: 1–7 and 12 are PM, 8–11 AM.
 */
export function placeClock(c: SpokenClock, part: PartOfDay | null, isOpen?: (minute: number) => boolean): number {
  const at = (hour24: number) => hour24 * 60 + c.minute + c.shift;
  if (c.hour === 24) return at(24);
  if (c.meridiem === 'am') return at(c.hour % 12);
  if (c.meridiem === 'pm') return at((c.hour % 12) + 12);
  if (!isBareClock(c)) return at(c.hour);
  const am = at(c.hour % 12);
  const pm = at((c.hour % 12) + 12);
  if (part === 'morning') return am;
  if (part === 'night' && c.hour === 12) return at(24);
  if (part !== null) return pm;
  if (isOpen) {
    const amOpen = isOpen(am);
    if (amOpen !== isOpen(pm)) return amOpen ? am : pm;
  }
  return c.hour >= 8 && c.hour <= 11 ? am : pm;
}
