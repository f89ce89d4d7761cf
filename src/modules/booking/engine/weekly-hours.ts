import { clockTimeOrThrow, parseLocalDate, weekdayOf } from './local-date.ts';
import { mergeIntervals, type Interval } from './intervals.ts';
import type { DateOverride, TimeRange, WeeklyHours } from './types.ts';
import type { ZoneClock } from './zone-clock.ts';

/** Date-specific closures and replacements of regular hours. */
export interface Closures {
  overrides: readonly DateOverride[];
  holidays: readonly string[];
}

/**
 * The instants a weekly schedule is open, one interval per configured range, for ranges
 * starting on local days firstDay..lastDay (day numbers) plus those of the day before (which
 * may spill into firstDay past midnight). Sorted by start; not merged.
 *
 * Each range is resolved in real time: across a spring-forward an overnight '22:00'–'06:00'
 * range is an hour shorter and no instant lies in the skipped hour; across a fall-back it is
 * an hour longer and holds the repeated hour twice. A range edge in a gap moves forward to the
 * first instant that exists.
 */
export function expandWeeklyRanges(
  clock: ZoneClock,
  hours: WeeklyHours,
  firstDay: number,
  lastDay: number,
  closures?: Closures,
): Interval[] {
  const replaced = new Map<number, readonly TimeRange[]>();
  if (closures) {
    for (const o of closures.overrides) {
      const day = parseLocalDate(o.date);
      if (day !== null) replaced.set(day, o.closed ? [] : (o.ranges ?? []));
    }
    for (const h of closures.holidays) {
      const day = parseLocalDate(h);
      if (day !== null) replaced.set(day, []);
    }
  }
  const out: Interval[] = [];
  for (let day = firstDay - 1; day <= lastDay; day++) {
    const ranges = replaced.get(day) ?? hours[weekdayOf(day)] ?? [];
    for (const range of ranges) {
      const startMin = clockTimeOrThrow(range.start);
      const endMin = clockTimeOrThrow(range.end);
      const start = clock.resolveLocal(day, startMin).ms;
      const end = clock.resolveLocal(endMin <= startMin ? day + 1 : day, endMin).ms;
      if (end > start) out.push({ start, end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** expandWeeklyRanges merged: '22:00'–'24:00' Monday and '00:00'–'06:00' Tuesday make one interval. */
export function expandWeeklyHours(
  clock: ZoneClock,
  hours: WeeklyHours,
  firstDay: number,
  lastDay: number,
  closures?: Closures,
): Interval[] {
  return mergeIntervals(expandWeeklyRanges(clock, hours, firstDay, lastDay, closures));
}
