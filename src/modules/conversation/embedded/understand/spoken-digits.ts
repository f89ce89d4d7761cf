import { normalizePhone } from '../../../../phone/normalize.ts';
import type { Heard } from './heard.ts';

/**
 * Digits as callers say them: "six oh six one four", "606 14", "sixty six fourteen",
 * "double five", "three one two five five five zero one two three". Pure.
 */
const UNITS: Record<string, string> = {
  zero: '0', oh: '0', o: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
};
const TEENS: Record<string, string> = {
  ten: '10', eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16', seventeen: '17', eighteen: '18', nineteen: '19',
};
const TENS: Record<string, string> = { twenty: '2', thirty: '3', forty: '4', fifty: '5', sixty: '6', seventy: '7', eighty: '8', ninety: '9' };
// Words a recogniser writes for a digit said among other digits ("six oh six one for").
const SOUNDALIKES: Record<string, string> = { for: '4', fore: '4', to: '2', too: '2', won: '1', ate: '8', tree: '3', free: '3', nein: '9' };
const REPEATS: Record<string, number> = { double: 2, triple: 3 };

/** Runs of consecutive digits said, e.g. "my zip is six oh six one four" → ['60614']. */
export function digitRuns(heard: Heard): string[] {
  const runs: string[] = [];
  let run = '';
  const end = () => {
    if (run) runs.push(run);
    run = '';
  };
  const words = heard.words.flatMap((w) => w.split('-'));
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const repeat = REPEATS[w];
    const next = words[i + 1];
    if (repeat !== undefined && next !== undefined && (UNITS[next] ?? (/^\d$/.test(next) ? next : undefined))) {
      run += (UNITS[next] ?? next).repeat(repeat);
      i++;
    } else if (/^\d+$/.test(w)) {
      run += w;
    } else if (UNITS[w] !== undefined && !(w === 'o' && run === '' && !UNITS[next ?? ''])) {
      run += UNITS[w];
    } else if (TEENS[w] !== undefined) {
      run += TEENS[w];
    } else if (TENS[w] !== undefined) {
      const unit = next === undefined ? undefined : UNITS[next];
      if (unit !== undefined && unit !== '0' && next !== 'oh' && next !== 'o') {
        run += TENS[w] + unit;
        i++;
      } else {
        run += `${TENS[w]}0`;
      }
    } else if (run !== '' && SOUNDALIKES[w] !== undefined && (next === undefined || UNITS[next] !== undefined || /^\d+$/.test(next))) {
      run += SOUNDALIKES[w];
    } else {
      end();
    }
  }
  end();
  return runs;
}

/** A US zip code said in the text: a run of five digits (or zip+4, whose first five count). */
export function readZip(heard: Heard): string | null {
  const runs = digitRuns(heard);
  const five = runs.filter((r) => r.length === 5);
  if (five.length > 0) return five[five.length - 1]!;
  const plusFour = runs.find((r) => r.length === 9);
  return plusFour ? plusFour.slice(0, 5) : null;
}

/** A phone number said in the text, as E.164, or null. */
export function readPhone(heard: Heard): string | null {
  const runs = digitRuns(heard);
  const whole = runs.find((r) => r.length === 10 || r.length === 11) ?? runs.join('');
  if (whole.length < 10 || whole.length > 11) return null;
  return normalizePhone(whole);
}
