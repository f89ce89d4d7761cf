import { intersectIntervals, mergeIntervals, subtractIntervals, type Interval } from './intervals.ts';
import { parseInstant } from './instants.ts';
import { normalizeZipList } from './zip.ts';
import { expandWeeklyHours } from './weekly-hours.ts';
import type { Service, Technician } from './types.ts';
import type { ZoneClock } from './zone-clock.ts';

/** An existing booking or hold with instants in epoch ms. */
export interface BusyBooking {
  technicianId: string;
  start: number;
  end: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  windowKey?: string;
}

/** What the slot search needs to know about one technician, built once per request. */
export interface TechnicianCalendar {
  id: string;
  /** When the technician may be on a job: company hours ∩ own hours − time off. */
  open: readonly Interval[];
  /** Existing bookings and holds, each widened by its own buffers, merged. */
  busy: Interval[];
  /** Existing bookings and holds per company-local start day (day number). */
  jobsByDay: Map<number, number>;
}

const skillKey = (skill: string): string => skill.trim().toLowerCase();

/**
 * Active technicians holding every required skill (case-insensitive) and covering the zip;
 * narrowed to one technician when the caller asked for them.
 */
export function selectQualifiedTechnicians(
  technicians: readonly Technician[],
  service: Service,
  zip: string,
  technicianId?: string,
): Technician[] {
  const required = service.requiredSkills.map(skillKey);
  return technicians.filter((t) => {
    if (!t.active) return false;
    if (technicianId !== undefined && t.id !== technicianId) return false;
    const skills = new Set(t.skills.map(skillKey));
    if (!required.every((s) => skills.has(s))) return false;
    return t.zips.length === 0 || normalizeZipList(t.zips).has(zip);
  });
}

export function buildTechnicianCalendar(
  tech: Technician,
  companyOpen: readonly Interval[],
  bookings: readonly BusyBooking[],
  clock: ZoneClock,
  firstDay: number,
  lastDay: number,
): TechnicianCalendar {
  let open = tech.weeklyHours ? intersectIntervals(companyOpen, expandWeeklyHours(clock, tech.weeklyHours, firstDay, lastDay)) : companyOpen;
  if (tech.timeOff.length > 0) {
    const off = mergeIntervals(tech.timeOff.map((t) => ({ start: parseInstant(t.start), end: parseInstant(t.end) })));
    open = subtractIntervals(open, off);
  }
  const busy: Interval[] = [];
  const jobsByDay = new Map<number, number>();
  for (const b of bookings) {
    busy.push({ start: b.start - b.bufferBeforeMinutes * 60_000, end: b.end + b.bufferAfterMinutes * 60_000 });
    const day = clock.localDayOf(b.start);
    jobsByDay.set(day, (jobsByDay.get(day) ?? 0) + 1);
  }
  return { id: tech.id, open, busy: mergeIntervals(busy), jobsByDay };
}
