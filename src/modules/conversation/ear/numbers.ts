/**
 * Numbers as a person says them on the phone. Pure.
 *   cardinal(149) 'one hundred forty-nine'   compact(149) 'one forty-nine'
 *   compact(1450) 'fourteen fifty'           compact(2600) 'twenty-six hundred'
 *   ordinal(19) 'nineteenth'                 digits('0123') 'zero one two three'
 */
const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ORDINAL_WORDS: Record<string, string> = {
  one: 'first', two: 'second', three: 'third', five: 'fifth', eight: 'eighth', nine: 'ninth', twelve: 'twelfth',
};

function underHundred(n: number): string {
  if (n < 20) return ONES[n]!;
  const unit = n % 10;
  return unit === 0 ? TENS[Math.floor(n / 10)]! : `${TENS[Math.floor(n / 10)]}-${ONES[unit]}`;
}

function underThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 0) return underHundred(rest);
  return rest === 0 ? `${ONES[hundreds]} hundred` : `${ONES[hundreds]} hundred ${underHundred(rest)}`;
}

/** Whole numbers from 0 to 999,999,999 in words. */
export function cardinal(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e9) return String(n);
  if (n < 1000) return underThousand(n);
  const parts: string[] = [];
  const millions = Math.floor(n / 1e6);
  const thousands = Math.floor((n % 1e6) / 1000);
  const rest = n % 1000;
  if (millions) parts.push(`${underThousand(millions)} million`);
  if (thousands) parts.push(`${underThousand(thousands)} thousand`);
  if (rest) parts.push(underThousand(rest));
  return parts.join(' ');
}

/**
 * The short form used for prices and street numbers: 149 'one forty-nine', 105 'one oh five',
 * 1450 'fourteen fifty', 2600 'twenty-six hundred'; round hundreds and thousands, and numbers
 * outside 100–9,999, stay cardinal.
 */
export function compact(n: number): string {
  if (!Number.isInteger(n) || n < 100 || n > 9999) return cardinal(n);
  if (n % 1000 === 0) return cardinal(n);
  const head = Math.floor(n / 100);
  const tail = n % 100;
  if (tail === 0) return `${underHundred(head)} hundred`;
  return `${underHundred(head)} ${tail < 10 ? `oh ${ONES[tail]}` : underHundred(tail)}`;
}

export function ordinal(n: number): string {
  const words = cardinal(n);
  const last = /([a-z]+)$/.exec(words)![1]!;
  const stem = words.slice(0, words.length - last.length);
  if (ORDINAL_WORDS[last]) return stem + ORDINAL_WORDS[last];
  if (last.endsWith('y')) return `${stem}${last.slice(0, -1)}ieth`;
  return `${words}th`;
}

/** Digit by digit: '0123' → 'zero one two three'. */
export const digits = (s: string): string => [...s.replace(/\D/g, '')].map((d) => ONES[Number(d)]).join(' ');
