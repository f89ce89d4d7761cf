import { DateTime } from 'luxon';
import { formatLocalDate, parseLocalDate, weekdayOf } from '../modules/booking/engine/local-date.ts';
import { WEEKDAYS } from '../modules/booking/engine/types.ts';
import { createZoneClock } from '../modules/booking/engine/zone-clock.ts';

export interface Span {
  from: Date;
  to: Date;
}

/**
 * The company-local day and week (Monday to Monday) that contain `now`, as instants. Pure: the
 * clock is an argument. A DST change inside the span makes it 23 or 25 hours long, as the
 * company's own clocks are.
 */
export function companyPeriods(now: Date, timeZone: string): { today: Span; week: Span } {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  const day = local.startOf('day');
  const week = local.startOf('week');
  return {
    today: { from: day.toJSDate(), to: day.plus({ days: 1 }).toJSDate() },
    week: { from: week.toJSDate(), to: week.plus({ weeks: 1 }).toJSDate() },
  };
}

export interface LocalDay extends Span {
  /** 'YYYY-MM-DD' on the company's calendar. */
  date: string;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
}

/**
 * Every company-local day from `first` to `last` ('YYYY-MM-DD', inclusive) as the instants it
 * spans: midnight to midnight on the company's clocks, so 23 or 25 hours across a DST change.
 * Through the booking engine's zone clock (cached offsets): a two-year range is 730 days.
 */
export function companyDays(first: string, last: string, timeZone: string): LocalDay[] {
  const clock = createZoneClock(timeZone);
  const out: LocalDay[] = [];
  const end = parseLocalDate(last)!;
  let from = clock.resolveLocal(parseLocalDate(first)!, 0).ms;
  for (let day = parseLocalDate(first)!; day <= end; day++) {
    const to = clock.resolveLocal(day + 1, 0).ms;
    out.push({ date: formatLocalDate(day), weekday: WEEKDAYS.indexOf(weekdayOf(day)), from: new Date(from), to: new Date(to) });
    from = to;
  }
  return out;
}
