import { speakPrices } from './money.ts';
import { speakPhone } from './phone.ts';

/**
 * Free text written by a company (a knowledge answer, a surcharge note) made ready for the
 * ear: prices spoken ("149 dollars" and "$149" alike), phone numbers digit by digit, "24/7"
 * as "twenty-four seven". Other words are left as written.
 */
const PHONE = /\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b/g;
const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(\.\d{2})?`;
const RANGE_DOLLARS = new RegExp(String.raw`\b${NUMBER}\s*(to|-|–)\s*${NUMBER}\s+dollars?\b`, 'g');
const BARE_DOLLARS = new RegExp(String.raw`\b${NUMBER}\s+dollars?\b`, 'g');

export function speakText(text: string): string {
  return speakPrices(
    text
      .replace(/\b24\s*\/\s*7\b/g, 'twenty-four seven')
      .replace(PHONE, (m) => speakPhone(m))
      .replace(RANGE_DOLLARS, (_m, w1: string, c1: string | undefined, _to: string, w2: string, c2: string | undefined) => `$${w1}${c1 ?? ''} to $${w2}${c2 ?? ''}`)
      .replace(BARE_DOLLARS, (_m, whole: string, cents: string | undefined) => `$${whole}${cents ?? ''}`),
  );
}
