import type { WeeklyHours } from '../../booking/engine/types.ts';
import { weekText, WEEKDAYS, type Weekday } from '../../conversation/company-facts/hours-text.ts';
import { sentencesOf, type Conflict } from './types.ts';

/**
 * Opening hours an entry states ("Monday to Friday from 7 am to 7 pm", "closed on Sundays")
 * against the configured weekly hours. Sentences about on-call or emergency service are not
 * office hours and are skipped. Pure.
 */
const DAY = String.raw`(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?s?(?![a-z])\.?`;
const DAYS = String.raw`(?:weekdays|weekends|${DAY}(?:\s*(?:to|through|thru|-|–|—)\s*${DAY})?(?:\s*(?:,|and|&)\s*${DAY})*)`;
const TIME = String.raw`(?:\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)?|noon|midnight)`;
const SPAN = String.raw`(${TIME})\s*(?:to|until|till|til|through|-|–|—)\s*(${TIME})`;
const DAYS_THEN_TIMES = new RegExp(String.raw`\b(${DAYS})\s*,?\s*(?:from|between|open|:)?\s*${SPAN}`, 'gi');
const TIMES_THEN_DAYS = new RegExp(String.raw`\bfrom\s+${SPAN}\s*,?\s*(?:on\s+)?(${DAYS})`, 'gi');
const CLOSED_ON = new RegExp(String.raw`\bclosed\s+(?:on\s+|all\s+day\s+)?(${DAYS})`, 'gi');
const EVERY_DAY = /\b(?:open\s+)?(?:seven|7)\s+days\s+a\s+week\b|\bopen\s+every\s+day\b/i;
const ON_CALL = /\b(emergenc\w*|on[- ]call|24\s*(hours|\/\s*7)|around the clock|after[- ]hours)\b/i;

const ORDER: Record<string, Weekday> = { mon: 'monday', tue: 'tuesday', wed: 'wednesday', thu: 'thursday', fri: 'friday', sat: 'saturday', sun: 'sunday' };
/** The clause as said, without the sentence's full stop the time ate ("4 pm."). */
const clause = (said: string) => said.trim().replace(/(?<=\b[ap]m)\.$/i, '');

const dayOf = (word: string): Weekday | null => ORDER[word.toLowerCase().slice(0, 3)] ?? null;

/** The weekdays a day expression names: "monday to friday", "mon-fri", "saturday and sunday", "weekdays". */
export function daysNamed(expr: string): Weekday[] {
  const e = expr.toLowerCase().trim();
  if (e === 'weekdays') return WEEKDAYS.slice(0, 5);
  if (e === 'weekends') return ['saturday', 'sunday'];
  const out: Weekday[] = [];
  for (const part of e.split(/\s*(?:,|and|&)\s*/)) {
    const [from, to] = part.split(/\s*(?:to|through|thru|-|–|—)\s*/).map((w) => dayOf(w));
    if (!from) continue;
    if (!to) {
      out.push(from);
      continue;
    }
    const a = WEEKDAYS.indexOf(from);
    const b = WEEKDAYS.indexOf(to);
    for (let i = a; ; i = (i + 1) % 7) {
      out.push(WEEKDAYS[i]!);
      if (i === b) break;
    }
  }
  return [...new Set(out)];
}

/** '7 am' → '07:00', '4:30 pm' → '16:30', 'noon' → '12:00'; without am/pm, `meridiem` decides. */
function clockOf(t: string, meridiem: 'am' | 'pm' | null): string | null {
  const s = t.toLowerCase().replace(/\./g, '').trim();
  if (s === 'noon') return '12:00';
  if (s === 'midnight') return '24:00';
  const m = /^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$/.exec(s);
  if (!m) return null;
  let h = Number(m[1]);
  const ampm = (m[3] as 'am' | 'pm' | undefined) ?? meridiem;
  if (h > 24 || Number(m[2] ?? 0) > 59) return null;
  if (ampm === 'pm' && h < 12) h += 12;
  if (ampm === 'am' && h === 12) h = 0;
  return `${String(h).padStart(2, '0')}:${m[2] ?? '00'}`;
}

const meridiemOf = (t: string): 'am' | 'pm' | null => (/p\.?m/i.test(t) || /noon/i.test(t) ? 'pm' : /a\.?m/i.test(t) ? 'am' : null);

/** A stated span as 24-hour clock times: "8 to 5 pm" reads 08:00–17:00, "7 am to 7" 07:00–19:00. */
export function spanOf(from: string, to: string): { start: string; end: string } | null {
  if (!meridiemOf(from) && !meridiemOf(to)) return null; // "from 2 to 4" may be anything (days, hours, people)
  const end = clockOf(to, meridiemOf(to) ?? 'pm');
  let start = clockOf(from, meridiemOf(from) ?? meridiemOf(to));
  if (start && end && start >= end && !meridiemOf(from)) start = clockOf(from, 'am');
  return start && end ? { start, end } : null;
}

function daySpan(hours: WeeklyHours, day: Weekday): { start: string; end: string } | null {
  const ranges = hours[day] ?? [];
  return ranges.length === 0 ? null : { start: ranges[0]!.start, end: ranges[ranges.length - 1]!.end };
}

export function hoursConflicts(text: string, hours: WeeklyHours): Conflict[] {
  const found: Conflict[] = [];
  const configured = weekText(hours);
  for (const sentence of sentencesOf(text)) {
    if (ON_CALL.test(sentence)) continue;
    const stated: { says: string; days: Weekday[]; span: { start: string; end: string } }[] = [];
    for (const m of sentence.matchAll(DAYS_THEN_TIMES)) {
      const span = spanOf(m[2]!, m[3]!);
      if (span) stated.push({ says: clause(m[0]), days: daysNamed(m[1]!), span });
    }
    for (const m of sentence.matchAll(TIMES_THEN_DAYS)) {
      const span = spanOf(m[1]!, m[2]!);
      if (span) stated.push({ says: clause(m[0]), days: daysNamed(m[3]!), span });
    }
    for (const s of stated) {
      const differs = s.days.some((d) => {
        const open = daySpan(hours, d);
        return !open || open.start !== s.span.start || open.end !== s.span.end;
      });
      if (differs) found.push({ topic: 'hours', says: s.says, configured });
    }
    for (const m of sentence.matchAll(CLOSED_ON)) {
      const open = daysNamed(m[1]!).filter((d) => daySpan(hours, d));
      if (open.length > 0) found.push({ topic: 'hours', says: m[0].trim(), configured });
    }
    const closedDays = WEEKDAYS.filter((d) => !daySpan(hours, d));
    if (EVERY_DAY.test(sentence) && closedDays.length > 0) found.push({ topic: 'hours', says: EVERY_DAY.exec(sentence)![0], configured });
  }
  return found;
}
