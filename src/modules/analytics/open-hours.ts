import { parseLocalDate } from '../booking/engine/local-date.ts';
import type { DateOverride, WeeklyHours } from '../booking/engine/types.ts';
import { expandWeeklyHours } from '../booking/engine/weekly-hours.ts';
import { createZoneClock } from '../booking/engine/zone-clock.ts';
import type { LocalDay } from '../../time/company-days.ts';

export interface OpeningHours {
  weeklyHours: WeeklyHours;
  overrides: readonly DateOverride[];
  holidays: readonly string[];
}

/**
 * When the company is open across a run of its days, by the booking engine's own calendar
 * (weekly hours, date overrides, holidays, DST): one PostgreSQL multirange literal for the
 * whole run, and per day the open instants within it as text, which a kept day is compared
 * with (hours changed since: computed again). Pure.
 */
export function openHoursOf(days: readonly LocalDay[], timeZone: string, hours: OpeningHours): { multirange: string; perDay: string[] } {
  if (days.length === 0) return { multirange: '{}', perDay: [] };
  const clock = createZoneClock(timeZone);
  const first = parseLocalDate(days[0]!.date)!;
  const last = parseLocalDate(days.at(-1)!.date)!;
  const open = expandWeeklyHours(clock, hours.weeklyHours, first, last, { overrides: hours.overrides, holidays: hours.holidays });
  const iso = (ms: number) => new Date(ms).toISOString();
  const multirange = `{${open.map((i) => `[${iso(i.start)},${iso(i.end)})`).join(',')}}`;
  let k = 0;
  const perDay = days.map((day) => {
    const from = day.from.getTime();
    const to = day.to.getTime();
    while (k < open.length && open[k]!.end <= from) k++;
    const parts: string[] = [];
    for (let j = k; j < open.length && open[j]!.start < to; j++) parts.push(`${iso(Math.max(open[j]!.start, from))}/${iso(Math.min(open[j]!.end, to))}`);
    return parts.join(',');
  });
  return { multirange, perDay };
}
