import { formatInstant, parseInstant } from '../engine/instants.ts';
import { formatClockTime, formatLocalDate, MINUTE_MS, spokenClockTime, spokenDate } from '../engine/local-date.ts';
import { createZoneClock, type ZoneClock } from '../engine/zone-clock.ts';
import { isBareClock, placeClock, type SpokenClock } from './clock-phrase.ts';
import { closingAfter, dayHours, openingBefore, type DayHours } from './open-hours.ts';
import { scanPhrases, type PhraseScan } from './phrase-scan.ts';
import { tokenizeSpeech } from './speech-tokens.ts';
import { PART_OF_DAY, type PartOfDay, type SpokenTime, type SpokenTimeOptions } from './types.ts';

interface DayContext {
  clock: ZoneClock;
  day: number;
  hours: DayHours | undefined;
  at(minuteOfDay: number): number;
}

/**
 * What a caller said about when, read on the company's calendar against `now`. A phrase with
 * no day means today, or tomorrow once today's time has passed. Ranges are not clipped to
 * `now` (availability applies the minimum notice). A local time skipped by a DST change is
 * reported as 'nonexistent', never moved.
 */
export function parseSpokenTime(text: string, options: SpokenTimeOptions): SpokenTime {
  const clock = createZoneClock(options.timeZone);
  const now = parseInstant(options.now);
  const today = clock.localDayOf(now);
  const { tokens, asap } = tokenizeSpeech(text);
  const scan = scanPhrases(tokens, today);

  if (scan.inMinutes !== undefined) return exactAt(clock, now + scan.inMinutes * MINUTE_MS);
  if (scan.day?.kind === 'days') {
    const { from, to, label } = scan.day;
    return { kind: 'range', from: formatInstant(clock.resolveLocal(from, 0).ms, clock), to: formatInstant(clock.resolveLocal(to, 0).ms, clock), label: `${label} (${spokenDate(from)} to ${spokenDate(to - 1)})` };
  }
  if (!scan.day && !scan.time && !scan.part) return asap ? { kind: 'asap' } : { kind: 'unknown' };

  const context = (day: number): DayContext => ({
    clock,
    day,
    hours: options.openHours ? dayHours(clock, options.openHours, day) : undefined,
    at: (minute) => clock.resolveLocal(day, minute).ms,
  });
  if (scan.day) return resolveOnDay(scan, context(scan.day.day));
  // No day said: today, unless what was said is already over today.
  const onToday = resolveOnDay(scan, context(today));
  const end = onToday.kind === 'exact' ? Date.parse(onToday.start) : onToday.kind === 'range' ? Date.parse(onToday.to) : Infinity;
  return end > now ? onToday : resolveOnDay(scan, context(today + 1));
}

function resolveOnDay(scan: PhraseScan, ctx: DayContext): SpokenTime {
  const part = scan.part ?? null;
  const place = (c: SpokenClock) => placeClock(c, part, ctx.hours?.isOpenAt);
  const dayStart = ctx.at(0);
  const dayEnd = ctx.at(1440);
  const label = (what: string) => `${spokenDate(ctx.day)}${what ? `, ${what}` : ''}`;
  const range = (from: number, to: number, what: string): SpokenTime => ({
    kind: 'range',
    from: formatInstant(from, ctx.clock),
    to: formatInstant(to, ctx.clock),
    localDate: formatLocalDate(ctx.day),
    label: label(what),
  });
  const time = scan.time;
  if (!time) {
    if (!part) return range(dayStart, dayEnd, '');
    const window = PART_OF_DAY[part];
    return range(ctx.at(window.start), ctx.at(window.end), part);
  }
  if (time.kind === 'at') return exactOnDay(ctx, place(time.clock));
  if (time.kind === 'between') {
    const [from, to] = placeRange(time.from, time.to, part, ctx);
    return range(ctx.at(from), ctx.at(to), `between ${spoken(from)} and ${spoken(to)}`);
  }
  const minute = place(time.clock);
  if (time.kind === 'after') {
    const from = ctx.at(minute);
    const to = (ctx.hours && closingAfter(ctx.hours, from, dayEnd)) ?? dayEnd;
    return range(from, Math.max(to, from), `after ${spoken(minute)}`);
  }
  const to = ctx.at(minute);
  const from = (ctx.hours && openingBefore(ctx.hours, to, dayStart)) ?? dayStart;
  return range(Math.min(from, to), to, `before ${spoken(minute)}`);
}

const spoken = (minute: number): string => (minute >= 1440 ? 'midnight' : spokenClockTime(minute));

/**
 * "between 8 and noon", "between 10 and 2", "between 8 and 11 pm": a bare end takes the
 * first reading after the start; a bare start with a fixed end takes the last reading before
 * it. An end still not after the start runs into the next day.
 */
function placeRange(a: SpokenClock, b: SpokenClock, part: PartOfDay | null, ctx: DayContext): [number, number] {
  const aBare = isBareClock(a);
  const bBare = isBareClock(b);
  let from = placeClock(a, part, ctx.hours?.isOpenAt);
  let to = placeClock(b, part, ctx.hours?.isOpenAt);
  if (aBare && !bBare && !part) {
    const am = placeClock({ ...a, meridiem: 'am' }, null);
    const pm = placeClock({ ...a, meridiem: 'pm' }, null);
    from = pm < to ? pm : am;
  } else if (bBare) {
    const am = placeClock({ ...b, meridiem: 'am' }, null);
    const pm = placeClock({ ...b, meridiem: 'pm' }, null);
    to = am > from ? am : pm > from ? pm : to;
  }
  return [from, to > from ? to : to + 1440];
}

function exactOnDay(ctx: DayContext, minuteOfDay: number): SpokenTime {
  const day = ctx.day + Math.floor(minuteOfDay / 1440);
  const minute = ((minuteOfDay % 1440) + 1440) % 1440;
  const local = ctx.clock.resolveLocal(day, minute);
  if (!local.exists) {
    return {
      kind: 'nonexistent',
      localDate: formatLocalDate(day),
      localTime: formatClockTime(minute),
      message: `${spokenClockTime(minute)} does not exist on ${spokenDate(day)}: the clocks skip that hour for daylight saving time.`,
    };
  }
  return exactAt(ctx.clock, local.ms, local.laterMs);
}

function exactAt(clock: ZoneClock, ms: number, repeatedMs?: number): SpokenTime {
  const start = formatInstant(ms, clock);
  return {
    kind: 'exact',
    start,
    localDate: start.slice(0, 10),
    localTime: start.slice(11, 16),
    ...(repeatedMs === undefined ? {} : { repeatedStart: formatInstant(repeatedMs, clock) }),
  };
}
