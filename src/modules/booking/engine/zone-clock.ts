import { IANAZone } from 'luxon';
import { DAY_MS, MINUTE_MS } from './local-date.ts';

/**
 * Conversions between instants and company-local wall time in one IANA zone. Offsets come from
 * luxon (Intl) and are cached per UTC day, because an Intl lookup costs several microseconds
 * and the engine needs thousands per request. Assumes at most one offset change per UTC day,
 * which holds for every zone in the tz database since 1970.
 */
export interface ZoneClock {
  readonly timeZone: string;
  /** Offset from UTC in minutes at an instant (e.g. -300 for EST). */
  offsetMinutes(ms: number): number;
  /**
   * The instant of a local date (day number) and minute of day. A time skipped by a DST gap
   * does not exist: `exists` is false and the instant is shifted forward by the gap's length
   * (like Temporal's 'compatible'). A time repeated by a fall-back resolves to its earlier
   * instant and `laterMs` holds the other one.
   */
  resolveLocal(day: number, minuteOfDay: number): { ms: number; exists: boolean; laterMs?: number };
  /** Local day number of an instant. */
  localDayOf(ms: number): number;
  /** 'CDT', 'MST'; zones without letters read 'GMT+1'. */
  abbreviation(ms: number): string;
}

interface DayOffsets {
  start: number;
  end: number;
  /** First instant with the `end` offset, when the day holds a change. */
  changeAt: number;
}

// Zone rules do not change while the process runs, so offsets are remembered across requests
// (bounded: a zone's table is dropped when it grows past about a century of days).
const MAX_CACHED_DAYS = 40_000;
const offsetCache = new Map<string, Map<number, DayOffsets>>();
const nameCache = new Map<string, Map<number, string>>();

export function createZoneClock(timeZone: string): ZoneClock {
  const zone = IANAZone.create(timeZone);
  if (!zone.isValid) throw new RangeError(`unknown time zone '${timeZone}'`);
  let days = offsetCache.get(zone.name);
  if (!days || days.size > MAX_CACHED_DAYS) offsetCache.set(zone.name, (days = new Map()));
  let names = nameCache.get(zone.name);
  if (!names) nameCache.set(zone.name, (names = new Map()));

  const offsetsOfDay = (utcDay: number): DayOffsets => {
    let cached = days.get(utcDay);
    if (cached) return cached;
    const from = utcDay * DAY_MS;
    const start = zone.offset(from);
    const end = zone.offset(from + DAY_MS);
    let changeAt = from + DAY_MS;
    if (start !== end) {
      // Offset changes fall on whole minutes: binary search the first minute with `end`.
      let lo = 0;
      let hi = DAY_MS / MINUTE_MS;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (zone.offset(from + mid * MINUTE_MS) === end) hi = mid;
        else lo = mid + 1;
      }
      changeAt = from + lo * MINUTE_MS;
    }
    cached = { start, end, changeAt };
    days.set(utcDay, cached);
    return cached;
  };

  const offsetMinutes = (ms: number): number => {
    const d = offsetsOfDay(Math.floor(ms / DAY_MS));
    return ms < d.changeAt ? d.start : d.end;
  };

  return {
    timeZone,
    offsetMinutes,
    resolveLocal(day, minuteOfDay) {
      const wall = day * DAY_MS + minuteOfDay * MINUTE_MS;
      const before = offsetMinutes(wall - DAY_MS);
      const after = offsetMinutes(wall + DAY_MS);
      const early = wall - before * MINUTE_MS;
      const late = wall - after * MINUTE_MS;
      const earlyValid = offsetMinutes(early) === before;
      const lateValid = offsetMinutes(late) === after;
      if (earlyValid && lateValid) {
        if (early === late) return { ms: early, exists: true };
        return { ms: Math.min(early, late), exists: true, laterMs: Math.max(early, late) };
      }
      if (earlyValid) return { ms: early, exists: true };
      if (lateValid) return { ms: late, exists: true };
      // In a gap: read the wall time with the offset in force before it, which lands after it.
      return { ms: early, exists: false };
    },
    localDayOf(ms) {
      return Math.floor((ms + offsetMinutes(ms) * MINUTE_MS) / DAY_MS);
    },
    abbreviation(ms) {
      const offset = offsetMinutes(ms);
      let name = names.get(offset);
      if (name === undefined) {
        name = zone.offsetName(ms, { format: 'short', locale: 'en-US' }) ?? '';
        names.set(offset, name);
      }
      return name;
    },
  };
}
