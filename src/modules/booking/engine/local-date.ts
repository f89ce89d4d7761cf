import { WEEKDAYS, type Weekday } from './types.ts';

/**
 * Civil-calendar arithmetic with no time zone: a local date is a day number (days since
 * 1970-01-01) or its 'YYYY-MM-DD' spelling, a local time is minutes since local midnight.
 */

export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** Day number of 'YYYY-MM-DD', or null when it is not a real calendar date. */
export function parseLocalDate(date: string): number | null {
  const m = LOCAL_DATE.exec(date);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const day = ms / DAY_MS;
  return formatLocalDate(day) === date ? day : null;
}

export function formatLocalDate(day: number): string {
  const { year, month, dayOfMonth } = datePartsOf(day);
  return `${year}-${month < 10 ? '0' : ''}${month}-${dayOfMonth < 10 ? '0' : ''}${dayOfMonth}`;
}

/** Day number from calendar parts; month is 1-based. Null when the date does not exist. */
export function dayFromParts(year: number, month: number, dayOfMonth: number): number | null {
  const ms = Date.UTC(year, month - 1, dayOfMonth);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== dayOfMonth) return null;
  return ms / DAY_MS;
}

/** Calendar parts of a day number (H. Hinnant's civil_from_days; hot in slot formatting). */
export function datePartsOf(day: number): { year: number; month: number; dayOfMonth: number } {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, dayOfMonth: doy - Math.floor((153 * mp + 2) / 5) + 1 };
}

export function weekdayOf(day: number): Weekday {
  // 1970-01-01 was a Thursday (index 3 with Monday = 0).
  return WEEKDAYS[(((day + 3) % 7) + 7) % 7]!;
}

/** Minutes since midnight of 'HH:mm' ('24:00' allowed as the end of a day), or null. */
export function parseClockTime(time: string): number | null {
  const m = CLOCK_TIME.exec(time);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= 1440 ? minutes : null;
}

/** Like parseClockTime, for configuration already validated by the API schema. */
export function clockTimeOrThrow(time: string): number {
  const minutes = parseClockTime(time);
  if (minutes === null) throw new RangeError(`invalid local time '${time}' (expected HH:mm)`);
  return minutes;
}

// Every 'HH:mm' of a day, built once: slot formatting asks for hundreds per request.
const CLOCK_TIMES = Array.from({ length: 1441 }, (_, m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);

/** 'HH:mm' of a minute of day, 0–1440. */
export function formatClockTime(minuteOfDay: number): string {
  return CLOCK_TIMES[minuteOfDay] ?? `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 'Sunday, November 1'. */
export function spokenDate(day: number): string {
  const weekday = weekdayOf(day);
  const { month, dayOfMonth } = datePartsOf(day);
  return `${weekday[0]!.toUpperCase()}${weekday.slice(1)}, ${MONTH_NAMES[month - 1]} ${dayOfMonth}`;
}

/** '1:30 AM', '12:00 PM'. */
export function spokenClockTime(minuteOfDay: number): string {
  const h24 = Math.floor(minuteOfDay / 60) % 24;
  const m = minuteOfDay % 60;
  const h12 = h24 % 12 === 0 ? 12 : h24 % 12;
  return `${h12}:${String(m).padStart(2, '0')} ${h24 < 12 ? 'AM' : 'PM'}`;
}
