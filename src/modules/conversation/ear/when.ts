import { cardinal, ordinal } from './numbers.ts';

/**
 * Dates and times as said aloud: 'Thursday, March 19th at two thirty in the afternoon',
 * 'between noon and four'. Input is local calendar data, never an instant (the caller hears
 * the company's local time).
 */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** '2026-03-19' → 'Thursday, March nineteenth'. */
export function speakDate(localDate: string): string {
  const [y, m, d] = localDate.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
  return `${weekday}, ${MONTHS[m - 1]} ${ordinal(d)}`;
}

function clock(hhmm: string): { h: number; m: number } {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return { h: h % 24, m };
}

/** '14:30' → 'two thirty', '09:05' → 'nine oh five', '12:00' → 'noon'. Without the part of day. */
export function speakClock(hhmm: string): string {
  const { h, m } = clock(hhmm);
  if (m === 0 && h === 12) return 'noon';
  if (m === 0 && h === 0) return 'midnight';
  const h12 = h % 12 === 0 ? 12 : h % 12;
  if (m === 0) return cardinal(h12);
  return `${cardinal(h12)} ${m < 10 ? `oh ${cardinal(m)}` : cardinal(m)}`;
}

function partOfDay(h: number): string {
  if (h < 12) return 'in the morning';
  if (h < 17) return 'in the afternoon';
  return 'in the evening';
}

/** '14:30' → 'two thirty in the afternoon'; noon and midnight stand alone. */
export function speakTime(hhmm: string): string {
  const said = speakClock(hhmm);
  if (said === 'noon' || said === 'midnight') return said;
  return `${said} ${partOfDay(clock(hhmm).h)}`;
}

/** An arrival window: 'between noon and four', 'between eight and noon'. */
export function speakWindow(start: string, end: string): string {
  return `between ${speakClock(start)} and ${speakClock(end)}`;
}

/** 'Thursday, March nineteenth at two thirty in the afternoon' or '…, between noon and four'. */
export function speakSlot(slot: { localDate: string; localStartTime: string; arrivalWindow?: { start: string; end: string } | null | undefined }): string {
  const day = speakDate(slot.localDate);
  return slot.arrivalWindow ? `${day}, ${speakWindow(slot.arrivalWindow.start, slot.arrivalWindow.end)}` : `${day} at ${speakTime(slot.localStartTime)}`;
}
