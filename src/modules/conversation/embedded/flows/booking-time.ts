import { DateTime } from 'luxon';
import { parseSpokenTime } from '../../../booking/spoken/parse-spoken-time.ts';
import { speakDate, speakTime } from '../../ear/when.ts';
import type { WeeklyHours } from '../../../booking/engine/types.ts';
import type { TimeWish } from '../state.ts';
import type { Turn } from '../turn.ts';
import { hear } from '../understand/heard.ts';
import { withoutRejectedTime } from '../understand/rejected-time.ts';

/**
 * What the caller said about when, as a wish the availability search can use, or why it
 * cannot be used. A time the clocks skip for daylight saving time is named, never moved.
 */
export type TimeRead = { ok: true; wish: TimeWish } | { ok: false; say: string; misheard: boolean };

const WHENEVER = /\s(any ?time|whenever|doesnt matter|dont care|no preference|anything|first available|soonest|earliest)\s/;

/** The caller's words read on the company's calendar. Pure. */
export function readTimeWishIn(text: string, context: { timeZone: string; now: Date; openHours?: WeeklyHours }): TimeRead {
  const parsed = parseSpokenTime(text, { timeZone: context.timeZone, now: context.now.toISOString(), ...(context.openHours ? { openHours: context.openHours } : {}) });
  switch (parsed.kind) {
    case 'asap':
      return { ok: true, wish: { kind: 'asap' } };
    case 'exact':
      return { ok: true, wish: { kind: 'exact', start: parsed.start } };
    case 'range':
      return { ok: true, wish: { kind: 'range', from: parsed.from, to: parsed.to } };
    case 'nonexistent':
      return {
        ok: false,
        say: `${speakTime(parsed.localTime)} doesn't exist on ${speakDate(parsed.localDate)}: the clocks jump forward an hour that night for daylight saving time. What other time would work?`,
        misheard: false,
      };
    default:
      if (WHENEVER.test(hear(text).text)) return { ok: true, wish: { kind: 'asap' } };
      return { ok: false, say: "Sorry, I didn't catch when. What day and time would work? For example, tomorrow morning, or as soon as possible.", misheard: true };
  }
}

// Words that name a day (or a span of days): without them, a time said keeps the day already talked about.
const NAMES_DAY = /\s(today|tonight|tomorrow|tmrw|overmorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|week|month|asap|soon|soonest|earliest|first available|january|february|march|april|may|june|july|august|september|october|november|december|\d{1,2}(st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s/;

/** The local day of the wish already talked about ("December 3"), when it is one day. */
function wishDay(wish: TimeWish | undefined, timeZone: string): string | null {
  if (!wish || wish.kind === 'asap') return null;
  if (wish.kind === 'range' && Date.parse(wish.to) - Date.parse(wish.from) > 86_400_000) return null;
  const at = DateTime.fromISO(wish.kind === 'exact' ? wish.start : wish.from, { zone: timeZone });
  return at.isValid ? at.toFormat('LLLL d').toLowerCase() : null;
}

/** A weekday said without a week ("tuesday morning", not "next tuesday" or "tuesday the 15th"). */
const WEEKDAY_ALONE = /\s(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s/;
const WEEK_NAMED = /\s(this|next|coming|following|today|tonight|tomorrow|tmrw|week|weekend|month|\d{1,2}(st|nd|rd|th)?)\s/;

/**
 * The days a weekday said alone is read among: the days talked about ("next week"), or the week
 * of the one day talked about ("next tuesday" … "make that wednesday").
 */
function wishSpan(wish: TimeWish | undefined, timeZone: string): { from: string; to: string } | null {
  if (!wish || wish.kind === 'asap') return null;
  if (wish.kind === 'range' && Date.parse(wish.to) - Date.parse(wish.from) > 86_400_000) return wish;
  const day = DateTime.fromISO(wish.kind === 'exact' ? wish.start : wish.from, { zone: timeZone });
  if (!day.isValid) return null;
  const week = day.startOf('week');
  return { from: week.toISO()!, to: week.plus({ weeks: 1 }).toISO()! };
}

/**
 * The caller's words after `before`, the wish already talked about: a time said alone ("one
 * o'clock or anything after") is on the day talked about, and a weekday said alone ("tuesday
 * morning" after "sometime next week", "wednesday" after "next tuesday") is the one among the
 * days talked about, or in the week of the day talked about. Pure.
 */
export function readTimeWishAfter(text: string, before: TimeWish | undefined, context: { timeZone: string; now: Date; openHours?: WeeklyHours }): TimeRead {
  const heard = hear(text).text;
  const day = NAMES_DAY.test(heard) ? null : wishDay(before, context.timeZone);
  if (day) {
    const onDay = readTimeWishIn(`${day} ${text}`, context);
    if (onDay.ok && onDay.wish.kind !== 'asap') return onDay;
  }
  const span = WEEKDAY_ALONE.test(heard) && !WEEK_NAMED.test(heard) ? wishSpan(before, context.timeZone) : null;
  if (span && Date.parse(span.from) > context.now.getTime()) {
    // Read as if said just before those days began: the weekday is the first one in them.
    const inSpan = readTimeWishIn(text, { ...context, now: new Date(Date.parse(span.from) - 1000) });
    const start = inSpan.ok && inSpan.wish.kind !== 'asap' ? Date.parse(inSpan.wish.kind === 'exact' ? inSpan.wish.start : inSpan.wish.from) : NaN;
    if (start >= Date.parse(span.from) && start < Date.parse(span.to)) return inSpan;
  }
  return readTimeWishIn(text, context);
}

/** The caller's wish this turn; a day turned down in the same breath ("not monday, tuesday") is not read. */
export const readTimeWish = (turn: Turn): TimeRead =>
  readTimeWishAfter(withoutRejectedTime(turn.raw).text, turn.st.time, { timeZone: turn.profile.timeZone, now: turn.now, openHours: turn.profile.openHours });

/** The availability search window for a wish: [from, to) as ISO instants (to absent: a week). */
export function searchWindow(wish: TimeWish, now: Date): { from: string; to?: string } {
  const nowMs = now.getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  if (wish.kind === 'asap') return { from: iso(nowMs) };
  if (wish.kind === 'exact') {
    const start = Date.parse(wish.start);
    return { from: iso(Math.max(nowMs, start - 6 * 3_600_000)), to: iso(Math.max(nowMs + 3_600_000, start + 30 * 3_600_000)) };
  }
  const from = Math.max(nowMs, Date.parse(wish.from));
  const to = Date.parse(wish.to);
  return to > from ? { from: iso(from), to: iso(to) } : { from: iso(nowMs) };
}
