import { DateTime } from 'luxon';
import { AppError, type ErrorCode } from '../errors.ts';
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

/** Company-local dates, both included: 'YYYY-MM-DD' and how many days they span. */
export interface LocalDateRange {
  from: string;
  to: string;
  days: number;
}

export const MAX_RANGE_DAYS = 366;
// Dates a business has calls on; outside them a previous period or the zone's rules would be nonsense.
const FIRST_DATE = '2000-01-01';
const LAST_DATE = '2099-12-31';

/**
 * The codes a bad range answers with. The analytics route says INVALID_DATE_RANGE for both; the
 * leads and export routes shipped with VALIDATION_FAILED and BAD_REQUEST and keep them. A range
 * too long is RANGE_TOO_LONG everywhere.
 */
export interface RangeErrorCodes {
  notADate: ErrorCode;
  backwards: ErrorCode;
}

/**
 * The one reading of a `from`..`to` query of company-local dates: without `to`, `today`; without
 * `from`, the 30 days ending with `to`. Pure; refuses a date that does not exist or lies outside
 * 2000–2099, `from` after `to` and more than MAX_RANGE_DAYS days, naming the field.
 */
export function parseLocalDateRange(range: { from?: string | undefined; to?: string | undefined }, today: string, codes: RangeErrorCodes): LocalDateRange {
  const bounds = [parseLocalDate(FIRST_DATE)!, parseLocalDate(LAST_DATE)!] as const;
  const day = (s: string, field: string) => {
    const d = parseLocalDate(s);
    if (d === null || d < bounds[0] || d > bounds[1]) throw new AppError(codes.notADate, `${field} must be a date from ${FIRST_DATE} to ${LAST_DATE} (YYYY-MM-DD)`, { field });
    return d;
  };
  const last = day(range.to ?? today, 'to');
  const first = range.from === undefined ? last - 29 : day(range.from, 'from');
  if (first > last) throw new AppError(codes.backwards, 'from must be on or before to', { field: 'from' });
  const days = last - first + 1;
  if (days > MAX_RANGE_DAYS) throw new AppError('RANGE_TOO_LONG', `Ask for at most ${MAX_RANGE_DAYS} days at a time.`, { field: 'to' });
  return { from: formatLocalDate(first), to: formatLocalDate(last), days };
}

export interface LocalDayRange extends Span {
  /** First and last company-local day of the range, inclusive (YYYY-MM-DD). */
  fromDate: string;
  toDate: string;
}

const LIST_RANGE_CODES: RangeErrorCodes = { notADate: 'VALIDATION_FAILED', backwards: 'BAD_REQUEST' };

/**
 * A list's `from`..`to` (parseLocalDateRange) as instants from the start of the first day to the
 * start of the day after the last; a DST day inside is 23 or 25 hours. Pure: the clock is an argument.
 */
export function localDayRange(range: { from?: string | undefined; to?: string | undefined }, timeZone: string, now: Date): LocalDayRange {
  const today = DateTime.fromJSDate(now, { zone: timeZone }).toISODate()!;
  const dates = parseLocalDateRange(range, today, LIST_RANGE_CODES);
  const first = DateTime.fromISO(dates.from, { zone: timeZone }).startOf('day');
  const last = DateTime.fromISO(dates.to, { zone: timeZone }).startOf('day');
  return { from: first.toJSDate(), to: last.plus({ days: 1 }).toJSDate(), fromDate: dates.from, toDate: dates.to };
}
