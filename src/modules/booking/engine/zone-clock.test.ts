import { describe, expect, it } from 'vitest';
import { containsRange, intersectIntervals, mergeIntervals, overlapsAny, subtractIntervals } from './intervals.ts';
import { parseLocalDate } from './local-date.ts';
import { createZoneClock } from './zone-clock.ts';

const day = (d: string) => parseLocalDate(d)!;
const iso = (ms: number) => new Date(ms).toISOString();

describe('createZoneClock', () => {
  const ny = createZoneClock('America/New_York');

  it('flags a local time in the spring-forward gap and moves it forward by the gap', () => {
    expect(ny.resolveLocal(day('2026-03-08'), 2 * 60 + 30)).toEqual({ ms: Date.parse('2026-03-08T07:30:00Z'), exists: false });
  });

  it('resolves a repeated fall-back time to its earlier instant and reports the later one', () => {
    const r = ny.resolveLocal(day('2026-11-01'), 60 + 30);
    expect([iso(r.ms), iso(r.laterMs!)]).toEqual(['2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z']);
  });

  it('reads offsets on both sides of a change within one UTC day', () => {
    expect(ny.offsetMinutes(Date.parse('2026-03-08T06:59:00Z'))).toBe(-300);
    expect(ny.offsetMinutes(Date.parse('2026-03-08T07:00:00Z'))).toBe(-240);
    expect(ny.localDayOf(Date.parse('2026-03-08T04:59:00Z'))).toBe(day('2026-03-07'));
    expect(ny.localDayOf(Date.parse('2026-03-08T05:00:00Z'))).toBe(day('2026-03-08'));
  });

  it('names zones and rejects unknown ones', () => {
    expect(createZoneClock('America/Phoenix').abbreviation(Date.parse('2026-07-01T00:00:00Z'))).toBe('MST');
    expect(() => createZoneClock('Mars/Olympus')).toThrow(RangeError);
  });
});

describe('intervals', () => {
  const i = (start: number, end: number) => ({ start, end });

  it('merges overlapping and touching intervals', () => {
    expect(mergeIntervals([i(5, 7), i(0, 2), i(2, 3), i(6, 9), i(4, 4)])).toEqual([i(0, 3), i(5, 9)]);
  });

  it('intersects and subtracts sorted lists', () => {
    expect(intersectIntervals([i(0, 10), i(20, 30)], [i(5, 25)])).toEqual([i(5, 10), i(20, 25)]);
    expect(subtractIntervals([i(0, 10), i(20, 30)], [i(2, 4), i(8, 22), i(29, 40)])).toEqual([i(0, 2), i(4, 8), i(22, 29)]);
  });

  it('answers containment and half-open overlap by binary search', () => {
    const list = [i(0, 10), i(20, 30)];
    expect(containsRange(list, 20, 30)).toBe(true);
    expect(containsRange(list, 5, 25)).toBe(false);
    expect(overlapsAny(list, 10, 20)).toBe(false);
    expect(overlapsAny(list, 9, 20)).toBe(true);
    expect(overlapsAny(list, 30, 40)).toBe(false);
  });
});
