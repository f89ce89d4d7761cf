import type { WeeklyHours } from '../../booking/engine/types.ts';
import { speakDate } from '../ear/when.ts';

/**
 * The company's hours, holidays and arrival windows in words, written from the booking
 * configuration itself so they can never disagree with what the agent books. Times are written
 * "7:30 am" (the ear module speaks them). Pure.
 */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
type Range = { start: string; end: string };

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** '07:30' → '7:30 am', '12:00' → '12 pm', '16:30' → '4:30 pm'. */
export function clockText(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${h12}${m ? `:${String(m).padStart(2, '0')}` : ''} ${h < 12 || h === 24 ? 'am' : 'pm'}`;
}

export const rangeText = (r: Range): string => `${clockText(r.start)} to ${clockText(r.end)}`;

function rangesText(ranges: readonly Range[]): string {
  if (ranges.length === 1) return rangeText(ranges[0]!);
  // Two or more ranges: the day's first opening to its last closing, and the breaks between.
  const breaks = ranges.slice(1).map((r, i) => `${clockText(ranges[i]!.end)} to ${clockText(r.start)}`);
  return `${rangeText({ start: ranges[0]!.start, end: ranges[ranges.length - 1]!.end })}, closed for lunch from ${breaks.join(' and ')}`;
}

const sameRanges = (a: readonly Range[] = [], b: readonly Range[] = []) => JSON.stringify(a) === JSON.stringify(b);

/** "Monday to Friday 7:30 am to 4:30 pm, closed for lunch from 12 pm to 1 pm, and Saturday 8 am to 2 pm. We're closed on Sunday." */
export function weekText(hours: WeeklyHours): string {
  const groups: { from: Weekday; to: Weekday; ranges: readonly Range[] }[] = [];
  for (const day of WEEKDAYS) {
    const ranges = hours[day] ?? [];
    if (ranges.length === 0) continue;
    const last = groups[groups.length - 1];
    if (last && sameRanges(last.ranges, ranges) && WEEKDAYS.indexOf(last.to) === WEEKDAYS.indexOf(day) - 1) last.to = day;
    else groups.push({ from: day, to: day, ranges });
  }
  if (groups.length === 0) return "We don't have regular opening hours set.";
  const parts = groups.map((g) => `${g.from === g.to ? cap(g.from) : `${cap(g.from)} to ${cap(g.to)}`} ${rangesText(g.ranges)}`);
  const closed = WEEKDAYS.filter((d) => (hours[d] ?? []).length === 0).map(cap);
  const open = `We're open ${parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join('; ')}; and ${parts[parts.length - 1]}`}.`;
  return closed.length === 0 ? open : `${open} We're closed on ${closed.length === 1 ? closed[0] : `${closed.slice(0, -1).join(', ')} and ${closed[closed.length - 1]}`}.`;
}

/** One day's hours: "On Saturday we're open 8 am to 2 pm." or "We're closed on Sunday." */
export function dayText(hours: WeeklyHours, day: Weekday): string {
  const ranges = hours[day] ?? [];
  return ranges.length === 0 ? `We're closed on ${cap(day)}.` : `On ${cap(day)} we're open ${rangesText(ranges)}.`;
}

/** The day's break(s): "We close for lunch from 12 pm to 1 pm." or null when no day has one. */
export function breakText(hours: WeeklyHours): string | null {
  const day = WEEKDAYS.find((d) => (hours[d] ?? []).length > 1);
  if (!day) return null;
  const ranges = hours[day]!;
  const breaks = ranges.slice(1).map((r, i) => `${clockText(ranges[i]!.end)} to ${clockText(r.start)}`);
  return `We close for lunch from ${breaks.join(' and ')}, and we're open ${rangeText({ start: ranges[0]!.start, end: ranges[ranges.length - 1]!.end })}.`;
}

export interface DayOff {
  date: string;
  name?: string;
  ranges?: readonly Range[];
}

/** Holidays and short days from `today` on: "We're closed on Thanksgiving (Thursday, November 26th), …". */
export function holidaysText(holidays: readonly { date: string; name: string }[], shortDays: readonly DayOff[], today: string, named?: string): string | null {
  const upcoming = holidays.filter((h) => h.date >= today).sort((a, b) => (a.date < b.date ? -1 : 1));
  const asked = named ? upcoming.filter((h) => h.name.toLowerCase().replace(/[^a-z ]/g, '').includes(named)) : [];
  const list = asked.length > 0 ? asked : upcoming;
  if (list.length === 0 && shortDays.length === 0) return null;
  const closed = list.map((h) => `${h.name} (${speakDate(h.date)})`);
  const parts = closed.length > 0 ? [`We're closed on ${closed.length === 1 ? closed[0] : `${closed.slice(0, -1).join(', ')} and ${closed[closed.length - 1]}`}.`] : [];
  if (asked.length === 0) {
    for (const d of shortDays.filter((s) => s.date >= today && s.ranges && s.ranges.length > 0)) parts.push(`On ${speakDate(d.date)} we're open ${rangesText(d.ranges!)}.`);
  }
  return parts.join(' ');
}

/** "Appointments come with an arrival window: 8 am to 10 am, 10 am to 12 pm, …" or null when the company books exact times. */
export function windowsText(windows: readonly Range[]): string | null {
  if (windows.length === 0) return null;
  const list = windows.map(rangeText);
  return `We schedule visits in arrival windows: ${list.length === 1 ? list[0] : `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`}. The technician arrives within the window you choose.`;
}
