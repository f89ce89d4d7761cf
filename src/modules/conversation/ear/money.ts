import { cardinal, compact } from './numbers.ts';

/**
 * Prices as said aloud. '$149 to $249' → 'one forty-nine to two forty-nine dollars',
 * '$1,400–$2,600 installed' → 'fourteen hundred to twenty-six hundred dollars installed',
 * '$89' → 'eighty-nine dollars', '$49.99' → 'forty-nine dollars and ninety-nine cents'.
 * Text around the amounts is kept.
 */
const AMOUNT = String.raw`\$\s?(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d{2}))?`;
const RANGE = new RegExp(`${AMOUNT}\\s*(?:to|-|–|—)\\s*${AMOUNT}`, 'g');
const SINGLE = new RegExp(AMOUNT, 'g');

const dollars = (whole: string) => Number(whole.replace(/,/g, ''));

function amount(whole: string, cents: string | undefined): string {
  const n = dollars(whole);
  const main = compact(n);
  if (!cents || cents === '00') return main;
  return `${main} dollars and ${cardinal(Number(cents))} cents`;
}

export function speakPrices(text: string): string {
  return text
    .replace(RANGE, (_m, w1: string, c1: string | undefined, w2: string, c2: string | undefined) => {
      const second = amount(w2, c2);
      return `${amount(w1, c1)} to ${second}${second.endsWith('cents') ? '' : ' dollars'}`;
    })
    .replace(SINGLE, (_m, w: string, c: string | undefined) => {
      const said = amount(w, c);
      if (said.endsWith('cents')) return said;
      return `${said} ${dollars(w) === 1 ? 'dollar' : 'dollars'}`;
    });
}
