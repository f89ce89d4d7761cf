// Calendar arithmetic on company-local dates ('YYYY-MM-DD') and wall times ('HH:mm'). A local
// date is a label, not an instant: it is turned into an instant only with the company's zone,
// so the browser's own zone never moves a day or an hour.

const pad = (n: number) => n.toString().padStart(2, '0');

function parseDate(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y!, m!, d!];
}

/** The date `days` after (or before) a local date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parseDate(date);
  const at = new Date(Date.UTC(y, m - 1, d + days));
  return `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  const [y, m, d] = parseDate(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** The Monday on or before a date: weeks run Monday to Sunday. */
export const mondayOf = (date: string): string => addDays(date, -((weekdayOf(date) + 6) % 7));

/** 'Wed, Dec 2' for a local date. */
export function dayLabel(date: string, options: Intl.DateTimeFormatOptions = { weekday: 'short', month: 'short', day: 'numeric' }): string {
  const [y, m, d] = parseDate(date);
  return new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** Minutes after midnight of 'HH:mm' ('24:00' is 1440). */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h! * 60 + m!;
}

/** '14:30' → '2:30 PM'. */
export function clockLabel(time: string): string {
  const minutes = minutesOf(time) % 1440;
  const h = Math.floor(minutes / 60);
  return `${h % 12 || 12}:${pad(minutes % 60)} ${h < 12 ? 'AM' : 'PM'}`;
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function zoneOffset(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(at / 1000) * 1000;
}

/**
 * The instant at which the zone's clock shows a local date and time (two passes, so the
 * offset is the one in force at that time, across DST changes).
 */
export function localInstant(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = parseDate(date);
  const wall = Date.UTC(y, m - 1, d, 0, minutesOf(time));
  const first = wall - zoneOffset(wall, timeZone);
  return new Date(wall - zoneOffset(first, timeZone));
}

/** [start, end) of a run of local days as instants: the bounds to ask the API for. */
export const localDaysSpan = (firstDate: string, days: number, timeZone: string) => ({
  from: localInstant(firstDate, '00:00', timeZone).toISOString(),
  to: localInstant(addDays(firstDate, days), '00:00', timeZone).toISOString(),
});

/** The local date and 'HH:mm' of an instant in a zone (for inputs showing company-local time). */
export function localParts(iso: string, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}
