import type { Heard } from './heard.ts';

/**
 * Yes or no as callers say them: "yeah that's right", "yep", "sure go ahead", "no", "nope",
 * "that's not right", "not really". A yes word right after a negation ("not right", "not
 * correct") counts as no; when both are said, the first one wins ("no wait, yes" is a no:
 * the agent asks again rather than act on a mixed answer). Pure.
 */
const YES = [
  'yes', 'yeah', 'yea', 'yep', 'yup', 'ya', 'yah', 'sure', 'correct', 'right', 'thats right', 'that is right', 'sounds good', 'sounds great',
  'ok', 'okay', 'alright', 'all right', 'go ahead', 'please do', 'do it', 'absolutely', 'definitely', 'of course', 'that works', 'works for me',
  'perfect', 'great', 'uhhuh', 'mhm', 'affirmative', 'exactly', 'yes please', 'please', 'i do', 'it is', 'that is', 'book it', 'lets do it',
  // Said of the number the agent read out: "you can use this number", "this number's fine", "this is my cell".
  'this number', 'that number', 'this numbers fine', 'use this one', 'this one', 'my cell', 'thats fine', 'fine', 'thats good', 'good', 'works',
];
const NO = [
  'no', 'nope', 'nah', 'not really', 'negative', 'wrong', 'incorrect', 'thats wrong', 'not right', 'not correct', 'no thanks', 'no thank you',
  'dont', 'do not', 'i dont', 'it isnt', 'thats not', 'that is not', 'never mind', 'nevermind', 'not now', 'no way', 'not quite', 'cancel',
];

function firstAt(text: string, phrases: readonly string[]): number {
  let best = Infinity;
  for (const p of phrases) {
    const re = new RegExp(`\\s${p}\\s`, 'g');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      // "not right" is a no, not a yes.
      const before = text.slice(0, m.index).trimEnd();
      if (phrases === YES && /(\s|^)(not|isnt|dont|aint)$/.test(before)) continue;
      best = Math.min(best, m.index);
      break;
    }
  }
  return best;
}

export function readYesNo(heard: Heard): 'yes' | 'no' | null {
  const yes = firstAt(heard.text, YES);
  const no = firstAt(heard.text, NO);
  if (yes === Infinity && no === Infinity) return null;
  return yes < no ? 'yes' : 'no';
}
