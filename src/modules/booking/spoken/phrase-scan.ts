import { readClock, type SpokenClock } from './clock-phrase.ts';
import { readDay, type DayRead } from './day-phrase.ts';
import type { PartOfDay } from './types.ts';

export type TimePhrase =
  | { kind: 'at'; clock: SpokenClock }
  | { kind: 'between'; from: SpokenClock; to: SpokenClock }
  | { kind: 'after'; clock: SpokenClock }
  | { kind: 'before'; clock: SpokenClock };

/** The pieces of an utterance, each read once, in any order ("at 3 tomorrow afternoon"). */
export interface PhraseScan {
  day?: DayRead;
  part?: PartOfDay;
  time?: TimePhrase;
  /** "in 20 minutes", "2 hours from now". */
  inMinutes?: number;
}

const PARTS = new Set<string>(['morning', 'afternoon', 'evening', 'night']);
const UNTIL = new Set(['to', 'till', 'til', 'until', 'through', 'and']);
const AFTER = new Set(['after', 'since', 'from']);
const BEFORE = new Set(['before', 'by']);
const MINUTES: Record<string, number> = { minute: 1, minutes: 1, min: 1, mins: 1, hour: 60, hours: 60, hr: 60, hrs: 60 };

/**
 * Walks the tokens once, reading the first day, part of day, time and relative offset it finds.
 * Words it does not know are skipped: callers wrap times in whole sentences.
 */
export function scanPhrases(tokens: readonly string[], today: number): PhraseScan {
  const scan: PhraseScan = {};
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const unit = MINUTES[tokens[i + 2] ?? ''];
    if (t === 'in' && /^\d+$/.test(tokens[i + 1] ?? '') && unit !== undefined) {
      scan.inMinutes ??= Number(tokens[i + 1]) * unit;
      i += 3;
      continue;
    }
    if (scan.time === undefined && (t === 'between' || AFTER.has(t) || BEFORE.has(t) || (t === 'than' && (tokens[i - 1] === 'earlier' || tokens[i - 1] === 'later')))) {
      const first = readClock(tokens, i + 1);
      if (first) {
        const second = (t === 'between' || t === 'from') && UNTIL.has(tokens[first.next] ?? '') ? readClock(tokens, first.next + 1) : null;
        if (second) scan.time = { kind: 'between', from: first.clock, to: second.clock };
        else if (t === 'between') scan.time = { kind: 'at', clock: first.clock };
        else scan.time = { kind: BEFORE.has(t) || tokens[i - 1] === 'later' ? 'before' : 'after', clock: first.clock };
        i = second ? second.next : first.next;
        continue;
      }
    }
    if (PARTS.has(t)) {
      scan.part ??= t as PartOfDay;
      i++;
      continue;
    }
    const day = readDay(tokens, i, today);
    if (day) {
      if (!scan.day || day.specific > scan.day.specific) scan.day = day;
      if (day.kind === 'day' && day.part) scan.part ??= day.part;
      i = day.next;
      continue;
    }
    const clock = scan.time === undefined ? readClock(tokens, i) : null;
    if (clock) {
      const second = UNTIL.has(tokens[clock.next] ?? '') && tokens[clock.next] !== 'and' ? readClock(tokens, clock.next + 1) : null;
      scan.time = second ? { kind: 'between', from: clock.clock, to: second.clock } : { kind: 'at', clock: clock.clock };
      i = second ? second.next : clock.next;
      continue;
    }
    i++;
  }
  return scan;
}
