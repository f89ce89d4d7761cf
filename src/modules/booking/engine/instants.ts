import { DAY_MS, MINUTE_MS, formatClockTime, formatLocalDate } from './local-date.ts';
import type { Instant } from './types.ts';
import type { ZoneClock } from './zone-clock.ts';

/** Epoch ms of an ISO 8601 string (with an offset or Z) or of epoch ms itself. */
export function parseInstant(value: Instant): number {
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) throw new RangeError(`invalid instant '${String(value)}'`);
  return ms;
}

/** '2026-11-01T01:30:00-06:00': the instant written in company-local time with its offset. */
export function formatInstant(ms: number, clock: ZoneClock): string {
  const offset = clock.offsetMinutes(ms);
  const wall = ms + offset * MINUTE_MS;
  const day = Math.floor(wall / DAY_MS);
  const msOfDay = wall - day * DAY_MS;
  const seconds = Math.floor((msOfDay % MINUTE_MS) / 1000);
  return (
    `${formatLocalDate(day)}T${formatClockTime(Math.floor(msOfDay / MINUTE_MS))}:${String(seconds).padStart(2, '0')}` +
    `${offset < 0 ? '-' : '+'}${formatClockTime(Math.abs(offset))}`
  );
}
