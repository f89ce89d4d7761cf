import { windowsText } from '../../conversation/company-facts/hours-text.ts';
import { sentencesOf, type Conflict } from './types.ts';

/**
 * Arrival windows an entry states ("a two-hour arrival window") against the configured ones
 * (none: the company books exact times). Pure.
 */
const HOURS_WORDS: Record<string, number> = { one: 1, an: 1, a: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };
const WINDOW = /\b(\d|one|two|three|four|five|six|an?)[- ](?:hour|hr)s?(?:[- ]long)?\s+(?:arrival\s+)?(?:time\s+)?window/i;
const ANY_WINDOW = /\barrival (window|time frame|timeframe)s?\b/i;

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function windowConflicts(text: string, windows: readonly { start: string; end: string }[]): Conflict[] {
  const found: Conflict[] = [];
  const configured = windowsText(windows) ?? 'No arrival windows: visits are booked at exact times.';
  const lengths = new Set(windows.map((w) => minutes(w.end) - minutes(w.start)));
  for (const sentence of sentencesOf(text)) {
    const m = WINDOW.exec(sentence);
    if (m) {
      const n = HOURS_WORDS[m[1]!.toLowerCase()] ?? Number(m[1]);
      if (!lengths.has(n * 60)) found.push({ topic: 'windows', says: `“${sentence}”`, configured });
    } else if (ANY_WINDOW.test(sentence) && windows.length === 0) {
      found.push({ topic: 'windows', says: `“${sentence}”`, configured });
    }
  }
  return found;
}
