import { formatLocalDate, parseClockTime } from '../../../booking/engine/local-date.ts';
import { createZoneClock } from '../../../booking/engine/zone-clock.ts';
import type { SpokenClock } from '../../../booking/spoken/clock-phrase.ts';
import { scanPhrases, type PhraseScan } from '../../../booking/spoken/phrase-scan.ts';
import { tokenizeSpeech } from '../../../booking/spoken/speech-tokens.ts';
import { PART_OF_DAY } from '../../../booking/spoken/types.ts';
import { hear } from './heard.ts';
import { readYesNo } from './yes-no.ts';

/**
 * Which of the options the agent read out the caller picked: "the first one", "the second",
 * "the last", "the earlier one", "tuesday", "two thirty", "the morning one", "friday
 * afternoon". Options are local calendar data (a slot offered, or one of the caller's
 * bookings). Pure: `now` and the zone place "tomorrow".
 */
export interface Choosable {
  localDate: string;
  localStartTime: string;
  arrivalWindow?: { start: string; end: string } | null | undefined;
}

export type Choice =
  | { kind: 'chosen'; index: number }
  | { kind: 'ambiguous'; indexes: number[] }
  /** Nothing picked. `namedTime`: the caller named a day or time none of the options has. */
  | { kind: 'none'; namedTime: boolean };

const ORDINALS: [RegExp, (count: number) => number][] = [
  [/\s(first|1st|number one|option one|earlier|earliest|sooner|soonest|former)\s/, () => 0],
  [/\s(second|2nd|number two|option two|middle)\s/, () => 1],
  [/\s(third|3rd|number three|option three)\s/, () => 2],
  [/\s(last|later|latest|latter)\s/, (n) => n - 1],
];
const NAMED_DAY = /\s(today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s/;
const MONTH = /\s(january|february|march|april|may|june|july|august|september|october|november|december)\s/;

/** Minutes of day the clock may mean: "two thirty" is 2:30 or 14:30 until AM/PM is said. */
function clockCandidates(c: SpokenClock): number[] {
  const at = (h: number) => h * 60 + c.minute + c.shift;
  if (c.hour === 24) return [0];
  if (c.meridiem === 'am') return [at(c.hour % 12)];
  if (c.meridiem === 'pm') return [at((c.hour % 12) + 12)];
  if (c.hour >= 1 && c.hour <= 12) return [at(c.hour % 12), at((c.hour % 12) + 12)];
  return [at(c.hour)];
}

function startsAt(o: Choosable, minutes: number[]): boolean {
  const start = parseClockTime(o.arrivalWindow?.start ?? o.localStartTime)!;
  const end = o.arrivalWindow ? parseClockTime(o.arrivalWindow.end)! : start + 1;
  return minutes.some((m) => m >= start && m < end);
}

function matchesScan(o: Choosable, scan: PhraseScan): boolean {
  const start = parseClockTime(o.arrivalWindow?.start ?? o.localStartTime)!;
  if (scan.day?.kind === 'day' && formatLocalDate(scan.day.day) !== o.localDate) return false;
  if (scan.day?.kind === 'days' && !(o.localDate >= formatLocalDate(scan.day.from) && o.localDate < formatLocalDate(scan.day.to))) return false;
  if (scan.part) {
    const window = PART_OF_DAY[scan.part];
    // An arrival window belongs to the part of the day its middle falls in ("the afternoon one" is 11 to 2).
    const at = o.arrivalWindow ? (start + parseClockTime(o.arrivalWindow.end)!) / 2 : start;
    if (at < window.start || at >= window.end) return false;
  }
  const time = scan.time;
  if (time?.kind === 'at' && !startsAt(o, clockCandidates(time.clock))) return false;
  if (time?.kind === 'between' && !startsAt(o, clockCandidates(time.from))) return false;
  if (time?.kind === 'after' && !clockCandidates(time.clock).some((m) => start >= m)) return false;
  if (time?.kind === 'before' && !clockCandidates(time.clock).some((m) => start < m)) return false;
  return true;
}

export function chooseOption(text: string, options: readonly Choosable[], context: { timeZone: string; now: Date }): Choice {
  const heard = hear(text);
  if (options.length === 0) return { kind: 'none', namedTime: false };
  const clock = createZoneClock(context.timeZone);
  // "the one on the 18th", "the morning one", "the later one": that "one" is not one o'clock.
  const spoken = text.replace(/\b(the|that|this)( (?!at\b|around\b|about\b)[a-z]+)? (one|ones)\b/gi, (_m, _the: string, word?: string) => `${word ?? ''} it`);
  const scan = scanPhrases(tokenizeSpeech(spoken).tokens, clock.localDayOf(context.now.getTime()));
  // "thursday, the earlier the better": a day none of the options is on asks for other times.
  if (scan.day && NAMED_DAY.test(heard.text) && !options.some((o) => matchesScan(o, { day: scan.day! }))) return { kind: 'none', namedTime: true };
  if (!MONTH.test(heard.text)) {
    for (const [pattern, index] of ORDINALS) {
      if (pattern.test(heard.text)) return { kind: 'chosen', index: Math.min(index(options.length), options.length - 1) };
    }
  }
  if (!scan.day && !scan.part && !scan.time) {
    if (options.length === 1 && (readYesNo(heard) === 'yes' || /\s(that one|that|it|this one|works|fine|good)\s/.test(heard.text))) return { kind: 'chosen', index: 0 };
    return { kind: 'none', namedTime: false };
  }
  const indexes = options.map((o, i) => (matchesScan(o, scan) ? i : -1)).filter((i) => i >= 0);
  if (indexes.length === 1) return { kind: 'chosen', index: indexes[0]! };
  if (indexes.length > 1) return { kind: 'ambiguous', indexes };
  return { kind: 'none', namedTime: true };
}
