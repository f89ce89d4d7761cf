import { datePartsOf, dayFromParts, weekdayOf } from '../engine/local-date.ts';
import { WEEKDAYS, type Weekday } from '../engine/types.ts';
import type { PartOfDay } from './types.ts';

/** What a day phrase names: one local day (day number), or a span of days [from, to). */
export type DayRead =
  | { kind: 'day'; day: number; part?: PartOfDay; next: number; specific: number }
  | { kind: 'days'; from: number; to: number; label: string; next: number; specific: number };

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const PARTS = new Set<string>(['morning', 'afternoon', 'evening', 'night']);
const ordinal = (t: string | undefined): number | null => {
  const m = t === undefined ? null : /^(\d{1,2})th$/.exec(t);
  return m ? Number(m[1]) : null;
};
const cardinal = (t: string | undefined): number | null => (t !== undefined && /^\d{1,2}$/.test(t) ? Number(t) : null);
const weekdayIndex = (t: string | undefined): number => WEEKDAYS.indexOf(t as Weekday);

/** Days from `today` to the next `target` weekday: 1–7 (never today), or 0–6 when today counts. */
function daysUntil(today: number, target: number, todayCounts: boolean): number {
  const delta = (target - WEEKDAYS.indexOf(weekdayOf(today)) + 7) % 7;
  return delta === 0 && !todayCounts ? 7 : delta;
}

/** The next date, today included, with this day of month (skipping months too short for it). */
function nextDayOfMonth(today: number, dayOfMonth: number): number | null {
  const { year, month, dayOfMonth: todayOfMonth } = datePartsOf(today);
  for (let k = dayOfMonth >= todayOfMonth ? 0 : 1; k <= 12; k++) {
    const day = dayFromParts(year + Math.floor((month - 1 + k) / 12), ((month - 1 + k) % 12) + 1, dayOfMonth);
    if (day !== null) return day;
  }
  return null;
}

/** The next date, today included, of this month and day: this year or next. */
function nextMonthDay(today: number, month: number, dayOfMonth: number): number | null {
  const { year } = datePartsOf(today);
  const thisYear = dayFromParts(year, month, dayOfMonth);
  if (thisYear !== null && thisYear >= today) return thisYear;
  return dayFromParts(year + 1, month, dayOfMonth);
}

/**
 * Reads a day phrase at tokens[i]. Rules (documented for the agent):
 * - "tuesday", "on tuesday", "next tuesday": the first Tuesday after today, never today (said
 *   on a Monday, that is tomorrow); "this tuesday": today when today is Tuesday, else the same.
 * - "the 10th": the next 10th, today included; "march 10": the next March 10, today included.
 * - "this weekend" / "the weekend" / "next weekend": the coming Saturday–Sunday (today on a
 *   weekend). "this week": today to Sunday; "next week": Monday to Sunday after this week.
 * `specific` ranks readers so "tuesday the 10th" keeps the date over the weekday.
 */
export function readDay(tokens: readonly string[], i: number, today: number): DayRead | null {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  const day = (d: number, n: number, specific: number, part?: PartOfDay): DayRead => ({ kind: 'day', day: d, next: n, specific, ...(part ? { part } : {}) });
  if (t === 'today') return day(today, i + 1, 1);
  if (t === 'tonight') return day(today, i + 1, 1, 'night');
  if (t === 'tomorrow') return day(today + 1, i + 1, 1);
  if (t === 'overmorrow') return day(today + 2, i + 1, 1);
  if (t === 'this' && next !== undefined && PARTS.has(next)) return day(today, i + 2, 1, next as PartOfDay);
  if ((t === 'this' || t === 'next' || t === 'the') && next === 'weekend') return readDay(tokens, i + 1, today);
  if (t === 'weekend') {
    const sunday = weekdayOf(today) === 'sunday';
    const from = sunday ? today : today + daysUntil(today, 5, true);
    return { kind: 'days', from, to: sunday ? today + 1 : from + 2, label: 'this weekend', next: i + 1, specific: 1 };
  }
  if ((t === 'this' || t === 'next') && next === 'week') {
    const monday = today + daysUntil(today, 0, false);
    return t === 'this'
      ? { kind: 'days', from: today, to: monday, label: 'this week', next: i + 2, specific: 1 }
      : { kind: 'days', from: monday, to: monday + 7, label: 'next week', next: i + 2, specific: 1 };
  }
  if ((t === 'this' || t === 'next' || t === 'on') && weekdayIndex(next) >= 0) {
    const read = readDay(tokens, i + 1, today)!;
    if (t !== 'this' || read.kind !== 'day' || read.specific > 2) return read;
    return day(today + daysUntil(today, weekdayIndex(next), true), read.next, 2);
  }
  if (weekdayIndex(t) >= 0) {
    // "tuesday the 10th": the date wins.
    const dated = next === 'the' ? readDay(tokens, i + 1, today) : null;
    if (dated) return dated;
    return day(today + daysUntil(today, weekdayIndex(t), false), i + 1, 2);
  }
  const month = MONTHS.indexOf(t) + 1;
  if (month > 0) {
    const skip = next === 'the' ? 1 : 0;
    const dom = ordinal(tokens[i + 1 + skip]) ?? cardinal(tokens[i + 1 + skip]);
    const d = dom === null ? null : nextMonthDay(today, month, dom);
    return d === null ? null : day(d, i + 2 + skip, 3);
  }
  const start = t === 'the' || t === 'on' ? i + 1 : i;
  const dom = ordinal(tokens[start]);
  if (dom === null) return null;
  if (tokens[start + 1] === 'of' && MONTHS.includes(tokens[start + 2] ?? '')) {
    const d = nextMonthDay(today, MONTHS.indexOf(tokens[start + 2]!) + 1, dom);
    return d === null ? null : day(d, start + 3, 3);
  }
  const d = nextDayOfMonth(today, dom);
  return d === null ? null : day(d, start + 1, 3);
}
