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
