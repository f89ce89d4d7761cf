import { DAY_MS, MINUTE_MS, formatClockTime, formatLocalDate, spokenClockTime, spokenDate } from './local-date.ts';
import type { RawSlot } from './slots.ts';
import type { Slot } from './types.ts';
import type { ZoneClock } from './zone-clock.ts';

export interface LocalView {
  /** '2026-11-01T01:30:00-06:00' */
  iso: string;
  localDate: string;
  localTime: string;
  /** 'Sunday, November 1' */
  spokenDate: string;
  /** '1:30 AM' */
  spokenTime: string;
  zone: string;
}

/**
 * Instants as company-local text. One viewer serves one response: date texts are computed
 * once per local day, since a response lists hundreds of slots.
 */
export function createLocalViewer(clock: ZoneClock): (ms: number) => LocalView {
  const days = new Map<number, { localDate: string; spoken: string }>();
  return (ms) => {
    const offset = clock.offsetMinutes(ms);
    const wall = ms + offset * MINUTE_MS;
    const day = Math.floor(wall / DAY_MS);
    const msOfDay = wall - day * DAY_MS;
    const minuteOfDay = Math.floor(msOfDay / MINUTE_MS);
    let texts = days.get(day);
    if (!texts) days.set(day, (texts = { localDate: formatLocalDate(day), spoken: spokenDate(day) }));
    const seconds = Math.floor((msOfDay % MINUTE_MS) / 1000);
    const localTime = formatClockTime(minuteOfDay);
    const offsetText = `${offset < 0 ? '-' : '+'}${formatClockTime(Math.abs(offset))}`;
    return {
      iso: `${texts.localDate}T${localTime}:${seconds < 10 ? '0' : ''}${seconds}${offsetText}`,
      localDate: texts.localDate,
      localTime,
      spokenDate: texts.spoken,
      spokenTime: spokenClockTime(minuteOfDay),
      zone: clock.abbreviation(ms),
    };
  };
}

/** Formats raw slots as the API and the agent see them. */
export function createSlotFormatter(clock: ZoneClock, surchargeNote: string | undefined): (raw: RawSlot) => Slot {
  const view = createLocalViewer(clock);
  return (raw) => {
    const start = view(raw.start);
    const end = view(raw.end);
    const slot: Slot = {
      start: start.iso,
      end: end.iso,
      localDate: start.localDate,
      localStartTime: start.localTime,
      localEndTime: end.localTime,
      label: raw.window
        ? `${start.spokenDate}, arriving between ${start.spokenTime} and ${end.spokenTime} ${start.zone}`
        : `${start.spokenDate} at ${start.spokenTime} ${start.zone}`,
      technicianIds: raw.technicianIds,
    };
    if (raw.window) slot.arrivalWindow = { start: raw.window.start, end: raw.window.end, remaining: raw.window.remaining };
    if (raw.onCall && surchargeNote !== undefined) slot.onCall = { surchargeNote };
    return slot;
  };
}
