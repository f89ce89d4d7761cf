import type { Instant, WeeklyHours } from '../engine/types.ts';

export interface SpokenTimeOptions {
  /** The company's IANA zone: every phrase is read on its local calendar. */
  timeZone: string;
  now: Instant;
  /** Open hours, to read a bare "at 8" as AM or PM when only one of them is open. */
  openHours?: WeeklyHours;
}

export type SpokenTime =
  | {
      kind: 'exact';
      /** ISO instant with the local offset. */
      start: string;
      localDate: string;
      localTime: string;
      /** Set when a fall-back repeats this local time: the other instant. `start` is the first. */
      repeatedStart?: string;
    }
  | { kind: 'range'; from: string; to: string; localDate?: string; label: string }
  | { kind: 'asap' }
  /** A local time skipped by a DST change: ask the caller again, never shift it silently. */
  | { kind: 'nonexistent'; localDate: string; localTime: string; message: string }
  | { kind: 'unknown' };

export type PartOfDay = 'morning' | 'afternoon' | 'evening' | 'night';

/** Local minutes [start, end) of each part of the day; night runs to midnight. */
export const PART_OF_DAY: Record<PartOfDay, { start: number; end: number }> = {
  morning: { start: 6 * 60, end: 12 * 60 },
  afternoon: { start: 12 * 60, end: 17 * 60 },
  evening: { start: 17 * 60, end: 20 * 60 },
  night: { start: 17 * 60, end: 24 * 60 },
};
