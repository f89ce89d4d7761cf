import { containsRange, overlapsAny, type Interval } from './intervals.ts';
import { clockTimeOrThrow, formatLocalDate } from './local-date.ts';
import type { TechnicianCalendar } from './technicians.ts';
import type { ArrivalWindow } from './types.ts';
import type { ZoneClock } from './zone-clock.ts';

/** The service's timing, in ms, and the company's per-day cap. */
export interface SlotRules {
  durationMs: number;
  bufferBeforeMs: number;
  bufferAfterMs: number;
  stepMs: number;
  /** Zero or less: no cap. */
  maxJobsPerDay: number;
}

/** A slot before formatting: instants in ms and the technicians who can take it. */
export interface RawSlot {
  start: number;
  end: number;
  technicianIds: string[];
  /** Arrival windows only: when each technician (same order) would start the job. */
  jobStarts?: number[];
  window?: { start: string; end: string; remaining: number; key: string };
  onCall: boolean;
}

/** Slot starts must lie in [from, to). */
export interface Bounds {
  from: number;
  to: number;
}

/**
 * Whether a technician can take a job at [start, end): it lies inside their open time, its
 * buffered range meets no existing buffered booking, and their local day is not full.
 */
function canTake(cal: TechnicianCalendar, start: number, end: number, day: number, rules: SlotRules): boolean {
  if (!containsRange(cal.open, start, end)) return false;
  if (overlapsAny(cal.busy, start - rules.bufferBeforeMs, end + rules.bufferAfterMs)) return false;
  return rules.maxJobsPerDay <= 0 || (cal.jobsByDay.get(day) ?? 0) < rules.maxJobsPerDay;
}

/**
 * Exact start times every `stepMs` from the start of each configured range in `anchors` (so a
 * repeated fall-back hour yields two distinct slots and a skipped hour none), kept when the
 * job lies inside `allowed` and at least one technician can take it. The grid depends only on
 * the configured ranges, never on the requested from/to, so a re-check of one slot agrees
 * with the listing that offered it. `regular` marks which slots need the on-call note.
 */
export function collectExactSlots(
  anchors: readonly Interval[],
  allowed: readonly Interval[],
  calendars: readonly TechnicianCalendar[],
  rules: SlotRules,
  bounds: Bounds,
  clock: ZoneClock,
  regular: readonly Interval[],
): RawSlot[] {
  const starts: number[] = [];
  for (const range of anchors) {
    const skip = Math.max(0, Math.ceil((bounds.from - range.start) / rules.stepMs));
    const stop = Math.min(range.end, bounds.to);
    for (let start = range.start + skip * rules.stepMs; start < stop; start += rules.stepMs) starts.push(start);
  }
  // Overlapping ranges can propose the same start twice.
  starts.sort((a, b) => a - b);
  const out: RawSlot[] = [];
  let previous = Number.NaN;
  for (const start of starts) {
    if (start === previous) continue;
    previous = start;
    const end = start + rules.durationMs;
    if (!containsRange(allowed, start, end)) continue;
    const day = clock.localDayOf(start);
    // Allocated on the first fit: most candidates of a busy calendar fit nobody.
    let technicianIds: string[] | undefined;
    for (const cal of calendars) {
      if (canTake(cal, start, end, day, rules)) (technicianIds ??= []).push(cal.id);
    }
    if (technicianIds) out.push({ start, end, technicianIds, onCall: !containsRange(regular, start, end) });
  }
  return out;
}

/**
 * One slot per arrival window per local day, while the window has room (capacity minus
 * bookings carrying its key `${localDate}@${start}`). The window is when the technician
 * arrives: a technician is eligible when the job can begin at some step inside the window
 * and run its whole length in their open time (it may end after the window does, as a
 * four-hour job booked into an 8–11 window ends at noon or later); the window must start in
 * bounds. The booking holds the technician for the job alone, from that first step.
 */
export function collectWindowSlots(
  windows: readonly ArrivalWindow[],
  firstDay: number,
  lastDay: number,
  calendars: readonly TechnicianCalendar[],
  rules: SlotRules,
  bounds: Bounds,
  clock: ZoneClock,
  bookedPerWindow: ReadonlyMap<string, number>,
): RawSlot[] {
  const out: RawSlot[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    for (const w of windows) {
      const startMin = clockTimeOrThrow(w.start);
      const endMin = clockTimeOrThrow(w.end);
      const start = clock.resolveLocal(day, startMin).ms;
      const end = clock.resolveLocal(endMin <= startMin ? day + 1 : day, endMin).ms;
      if (start < bounds.from || start >= bounds.to) continue;
      const key = `${formatLocalDate(day)}@${w.start}`;
      const remaining = w.capacity - (bookedPerWindow.get(key) ?? 0);
      if (remaining <= 0) continue;
      const technicianIds: string[] = [];
      const jobStarts: number[] = [];
      for (const cal of calendars) {
        for (let s = start; s < end; s += rules.stepMs) {
          if (canTake(cal, s, s + rules.durationMs, day, rules)) {
            technicianIds.push(cal.id);
            jobStarts.push(s);
            break;
          }
        }
      }
      if (technicianIds.length > 0) {
        out.push({ start, end, technicianIds, jobStarts, onCall: false, window: { start: w.start, end: w.end, remaining, key } });
      }
    }
  }
  return out;
}
