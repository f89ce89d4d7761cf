import { speakPrices } from './money.ts';
import { speakPhone } from './phone.ts';
import { speakClock } from './when.ts';

/**
 * Free text written by a company (a knowledge answer, a surcharge note) made ready for the
 * ear: prices spoken ("149 dollars" and "$149" alike), phone numbers digit by digit, "24/7"
 * as "twenty-four seven", clock times as words ("7 am" → "seven a.m."). Other words are left
 * as written.
 */
const CLOCK = /\b(\d{1,2})(?::(\d{2}))?\s?([ap])\.?\s?m\b\.?/gi;
const PHONE = /\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b/g;
const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(\.\d{2})?`;
const RANGE_DOLLARS = new RegExp(String.raw`\b${NUMBER}\s*(to|-|–)\s*${NUMBER}\s+dollars?\b`, 'g');
const BARE_DOLLARS = new RegExp(String.raw`\b${NUMBER}\s+dollars?\b`, 'g');

export function speakText(text: string): string {
  return speakPrices(
    text
      .replace(/\b24\s*\/\s*7\b/g, 'twenty-four seven')
      .replace(CLOCK, (m, h: string, min: string | undefined, ap: string) => {
        const hour = Number(h);
        if (hour < 1 || hour > 12) return m;
        return `${speakClock(`${String(hour).padStart(2, '0')}:${min ?? '00'}`).replace(/^noon$/, 'twelve')} ${ap.toLowerCase()}.m.`;
      })
      .replace(PHONE, (m) => speakPhone(m))
      .replace(RANGE_DOLLARS, (_m, w1: string, c1: string | undefined, _to: string, w2: string, c2: string | undefined) => `$${w1}${c1 ?? ''} to $${w2}${c2 ?? ''}`)
      .replace(BARE_DOLLARS, (_m, whole: string, cents: string | undefined) => `$${whole}${cents ?? ''}`),
  );
}
