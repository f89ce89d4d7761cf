import { AppError } from '../../errors.ts';
import { parseClockTime, parseLocalDate } from './engine/local-date.ts';
import { WEEKDAYS, type TimeRange, type WeeklyHours } from './engine/types.ts';
import { normalizeZip } from './engine/zip.ts';

/**
 * Checks of booking configuration that a JSON schema cannot express: real dates, ranges a
 * day can hold, unique keys, zips. Pure; each failure names the field.
 */

const invalid = (field: string, message: string) => new AppError('INVALID_BOOKING_SETTINGS', `${field}: ${message}`, { field });

function assertRange(range: TimeRange, field: string): void {
  const start = parseClockTime(range.start);
  const end = parseClockTime(range.end);
  if (start === null || start >= 1440) throw invalid(`${field}.start`, `'${range.start}' is not a start time (00:00 to 23:59)`);
  if (end === null) throw invalid(`${field}.end`, `'${range.end}' is not a time (00:00 to 24:00)`);
}

export function assertWeeklyHours(hours: WeeklyHours, field: string): void {
  for (const day of WEEKDAYS) (hours[day] ?? []).forEach((r, i) => assertRange(r, `${field}.${day}[${i}]`));
}

export function assertLocalDate(date: string, field: string): void {
  if (parseLocalDate(date) === null) throw invalid(field, `'${date}' is not a calendar date (YYYY-MM-DD)`);
}

/** Each date at most once in a list. */
export function assertUniqueDates(items: readonly { date: string }[], field: string): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    assertLocalDate(item.date, `${field}[${i}].date`);
    if (seen.has(item.date)) throw invalid(`${field}[${i}].date`, `${item.date} is listed twice`);
    seen.add(item.date);
  });
}

export function assertOverrides(overrides: readonly { date: string; closed?: true; ranges?: readonly TimeRange[] }[]): void {
  assertUniqueDates(overrides, 'overrides');
  overrides.forEach((o, i) => {
    if ((o.closed === true) === (o.ranges !== undefined)) throw invalid(`overrides[${i}]`, 'give either closed: true or ranges, not both or neither');
    (o.ranges ?? []).forEach((r, j) => assertRange(r, `overrides[${i}].ranges[${j}]`));
  });
}

export function assertArrivalWindows(windows: readonly { start: string; end: string; capacity: number }[]): void {
  const starts = new Set<string>();
  windows.forEach((w, i) => {
    assertRange(w, `arrivalWindows[${i}]`);
    if (parseClockTime(w.end)! <= parseClockTime(w.start)!) throw invalid(`arrivalWindows[${i}]`, 'a window must end after it starts on the same day');
    if (starts.has(w.start)) throw invalid(`arrivalWindows[${i}].start`, `two windows start at ${w.start}`);
    starts.add(w.start);
  });
}

/** 5-digit zips, deduplicated in order; ZIP+4 becomes its zip; anything else is a 400 naming the entry. */
export function normalizeZipInput(zips: readonly string[], field: string): string[] {
  const out = new Set<string>();
  zips.forEach((raw, i) => {
    const zip = normalizeZip(raw);
    if (zip === null) throw new AppError('INVALID_ZIP', `${field}[${i}]: '${raw}' is not a US zip code`, { field: `${field}[${i}]` });
    out.add(zip);
  });
  return [...out];
}

/** Trimmed, lower case, deduplicated: skills match across services and technicians by this form. */
export const normalizeSkills = (skills: readonly string[]): string[] => [...new Set(skills.map((s) => s.trim().toLowerCase()).filter(Boolean))];

export function assertTimeOff(items: readonly { start: string; end: string }[], field = 'timeOff'): void {
  items.forEach((t, i) => {
    if (!(Date.parse(t.end) > Date.parse(t.start))) throw invalid(`${field}[${i}]`, 'end must be after start');
  });
}
