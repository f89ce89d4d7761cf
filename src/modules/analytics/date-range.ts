import { AppError } from '../../errors.ts';
import { formatLocalDate, parseLocalDate } from '../booking/engine/local-date.ts';

export const MAX_RANGE_DAYS = 366;
// Dates a business has calls on; outside them the previous period or the zone's rules would be nonsense.
const FIRST_DATE = '2000-01-01';
const LAST_DATE = '2099-12-31';

export interface LocalRange {
  from: string;
  to: string;
  days: number;
}

/**
 * The range asked for (company-local dates, both inclusive) and the period of the same length
 * just before it. Pure; refuses a date that does not exist, `from` after `to` and a range longer
 * than MAX_RANGE_DAYS, naming the field.
 */
export function rangeAndPrevious(from: string, to: string): { range: LocalRange; previous: LocalRange } {
  const first = parseLocalDate(from);
  const last = parseLocalDate(to);
  const bounds = [parseLocalDate(FIRST_DATE)!, parseLocalDate(LAST_DATE)!] as const;
  if (first === null || first < bounds[0] || first > bounds[1]) throw new AppError('INVALID_DATE_RANGE', `from must be a date from ${FIRST_DATE} to ${LAST_DATE} (YYYY-MM-DD)`, { field: 'from' });
  if (last === null || last < bounds[0] || last > bounds[1]) throw new AppError('INVALID_DATE_RANGE', `to must be a date from ${FIRST_DATE} to ${LAST_DATE} (YYYY-MM-DD)`, { field: 'to' });
  if (first > last) throw new AppError('INVALID_DATE_RANGE', 'from must be on or before to', { field: 'from' });
  const days = last - first + 1;
  if (days > MAX_RANGE_DAYS) throw new AppError('RANGE_TOO_LONG', `Ask for at most ${MAX_RANGE_DAYS} days at a time.`, { field: 'to' });
  return {
    range: { from, to, days },
    previous: { from: formatLocalDate(first - days), to: formatLocalDate(first - 1), days },
  };
}
