/**
 * Half-open instant intervals [start, end) in epoch ms. "Sorted" lists below are sorted by
 * start, disjoint and non-touching (the output of mergeIntervals), so their ends are sorted
 * too and lookups are binary searches.
 */
export interface Interval {
  start: number;
  end: number;
}

/** Sorted, with overlapping and touching intervals joined; empty ones dropped. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) {
      if (i.end > last.end) last.end = i.end;
    } else {
      out.push({ start: i.start, end: i.end });
    }
  }
  return out;
}

export function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (end > start) out.push({ start, end });
    if (x.end < y.end) i++;
    else j++;
  }
  return out;
}

/** The parts of `a` outside every interval of `b`. */
export function subtractIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const x of a) {
    let cursor = x.start;
    while (j < b.length && b[j]!.end <= cursor) j++;
    let k = j;
    while (k < b.length && b[k]!.start < x.end) {
      const y = b[k]!;
      if (y.start > cursor) out.push({ start: cursor, end: y.start });
      cursor = Math.max(cursor, y.end);
      k++;
    }
    if (cursor < x.end) out.push({ start: cursor, end: x.end });
  }
  return out;
}

/** Index of the first interval whose end is after `t`, or length when none. */
function firstEndingAfter(sorted: readonly Interval[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.end > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Whether one interval of `sorted` contains all of [start, end). */
export function containsRange(sorted: readonly Interval[], start: number, end: number): boolean {
  const i = sorted[firstEndingAfter(sorted, start)];
  return i !== undefined && i.start <= start && i.end >= end;
}

/** Whether [start, end) shares any instant with an interval of `sorted`. */
export function overlapsAny(sorted: readonly Interval[], start: number, end: number): boolean {
  const i = sorted[firstEndingAfter(sorted, start)];
  return i !== undefined && i.start < end;
}
