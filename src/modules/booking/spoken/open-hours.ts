import { containsRange, type Interval } from '../engine/intervals.ts';
import type { WeeklyHours } from '../engine/types.ts';
import { expandWeeklyHours } from '../engine/weekly-hours.ts';
import type { ZoneClock } from '../engine/zone-clock.ts';

/** A company's open time around one local day, for reading what a caller meant on that day. */
export interface DayHours {
  isOpenAt(minuteOfDay: number): boolean;
  /** The instants open on the day (overnight ranges of the day before included), merged. */
  intervals: Interval[];
}

export function dayHours(clock: ZoneClock, hours: WeeklyHours, day: number): DayHours {
  const intervals = expandWeeklyHours(clock, hours, day, day);
  return {
    intervals,
    isOpenAt(minuteOfDay) {
      const t = clock.resolveLocal(day, minuteOfDay).ms;
      return containsRange(intervals, t, t);
    },
  };
}

/** The end of open time on the day that reaches past `from`, or null when none does. */
export function closingAfter(hours: DayHours, from: number, dayEnd: number): number | null {
  const ends = hours.intervals.filter((i) => i.end > from && i.start < dayEnd).map((i) => i.end);
  return ends.length > 0 ? Math.max(...ends) : null;
}

/** The start of open time on the day before `to`, or null when there is none. */
export function openingBefore(hours: DayHours, to: number, dayStart: number): number | null {
  const starts = hours.intervals.filter((i) => i.start < to && i.end > dayStart).map((i) => Math.max(i.start, dayStart));
  return starts.length > 0 ? Math.min(...starts) : null;
}
