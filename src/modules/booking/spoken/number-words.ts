/**
 * Spoken numbers as digits: "three thirty" → 3 30, "forty five" → 45, "twenty first" → 21th.
 * Ordinals (spoken or written "10th", "22nd") all become `${n}th`, so later stages match one
 * form. "oh" stays a word: "three oh five" is read by the clock reader.
 */
const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50 };
const ORDINAL_UNITS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9,
  tenth: 10, eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15,
  sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19,
};
const ORDINAL_TENS: Record<string, number> = { twentieth: 20, thirtieth: 30 };
const WRITTEN_ORDINAL = /^(\d{1,2})(st|nd|rd|th)$/;

export function numberWordsToDigits(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1] ?? '';
    const written = WRITTEN_ORDINAL.exec(w);
    if (written) {
      out.push(`${Number(written[1])}th`);
    } else if (w in TENS) {
      const tens = TENS[w]!;
      const unit = UNITS[next];
      const ordinal = ORDINAL_UNITS[next];
      if (unit !== undefined && unit > 0 && unit < 10) {
        out.push(String(tens + unit));
        i++;
      } else if (ordinal !== undefined && ordinal < 10) {
        out.push(`${tens + ordinal}th`);
        i++;
      } else {
        out.push(String(tens));
      }
    } else if (w in UNITS) {
      out.push(String(UNITS[w]));
    } else if (w in ORDINAL_UNITS) {
      out.push(`${ORDINAL_UNITS[w]}th`);
    } else if (w in ORDINAL_TENS) {
      out.push(`${ORDINAL_TENS[w]}th`);
    } else {
      out.push(w);
    }
  }
  return out;
}
