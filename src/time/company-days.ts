import { DateTime } from 'luxon';
import { AppError } from '../errors.ts';
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

export interface LocalDayRange extends Span {
  /** First and last company-local day of the range, inclusive (YYYY-MM-DD). */
  fromDate: string;
  toDate: string;
}

const MAX_RANGE_DAYS = 366;

/**
 * Company-local days `from`..`to` (both included) as instants from the start of the first to
 * the start of the day after the last; a DST day inside is 23 or 25 hours. Without `to`, today;
 * without `from`, the 30 days ending with `to`. Pure: the clock is an argument.
 */
export function localDayRange(range: { from?: string | undefined; to?: string | undefined }, timeZone: string, now: Date): LocalDayRange {
  const day = (s: string, field: string) => {
    const d = DateTime.fromISO(s, { zone: timeZone });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || !d.isValid) throw new AppError('VALIDATION_FAILED', `'${s}' is not a calendar date (YYYY-MM-DD)`, { field });
    return d.startOf('day');
  };
  const last = range.to ? day(range.to, 'to') : DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  const first = range.from ? day(range.from, 'from') : last.minus({ days: 29 });
  if (first > last) throw new AppError('BAD_REQUEST', '`from` is after `to`.', { field: 'from' });
  if (last.diff(first, 'days').days >= MAX_RANGE_DAYS) throw new AppError('RANGE_TOO_LONG', `Ask for at most ${MAX_RANGE_DAYS} days at a time.`, { field: 'to' });
  return { from: first.toJSDate(), to: last.plus({ days: 1 }).toJSDate(), fromDate: first.toISODate()!, toDate: last.toISODate()! };
}
