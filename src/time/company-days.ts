import { DateTime } from 'luxon';

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
 */
export function companyDays(first: string, last: string, timeZone: string): LocalDay[] {
  const out: LocalDay[] = [];
  let day = DateTime.fromISO(first, { zone: timeZone }).startOf('day');
  const end = DateTime.fromISO(last, { zone: timeZone }).startOf('day');
  while (day <= end) {
    const next = day.plus({ days: 1 });
    out.push({ date: day.toISODate()!, weekday: day.weekday - 1, from: day.toJSDate(), to: next.toJSDate() });
    day = next;
  }
  return out;
}
