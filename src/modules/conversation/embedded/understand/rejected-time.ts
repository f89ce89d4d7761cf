/**
 * A time the caller turns down in the same breath as the one they want: "not wednesday,
 * thursday would be better", "friday instead of monday", "rather the afternoon than the
 * morning". The rejected day or part of day is cut out, so only the wanted one is read. Pure.
 */
const WHEN_WORD = String.raw`(today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|weekend|mornings|afternoons|evenings)`;
const REJECTED = new RegExp(
  String.raw`\b(not|no not|instead of|rather than|than)\s+((on|in|the|this|that|next|a)\s+)?${WHEN_WORD}(\s+(morning|afternoon|evening|night))?(\s+(at|around)\s+\d{1,2}(:\d{2})?(\s*(am|pm))?)?\b`,
  'gi',
);

// "saturday really doesn't work", "mornings are no good for me": turned down after it is said.
const REJECTED_AFTER = new RegExp(
  String.raw`\b(on\s+)?${WHEN_WORD}s?(\s+(morning|afternoon|evening|night)s?)?\s+((really|just|also|either|is|are|wont|will)\s+)*(doesn'?t|does not|don'?t|do not|won'?t|will not|cant|can'?t|is no|are no|isn'?t|aren'?t|never)\s+(work|good|going to work|do it|happen|an option|possible)\b`,
  'gi',
);

const DAY = /\b(today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/gi;
// "…, actually no wait, make it friday, thursday I've got a thing": the clause after the last of these wins.
const CORRECTION = /\b(actually|no wait|make it|scratch that|change (it|that) to|how about|or rather)\b/gi;

/** The words with every rejected day or part of day taken out; `rejected` says whether any was. */
export function withoutRejectedTime(text: string): { text: string; rejected: boolean } {
  const whenOf = (m: RegExpMatchArray) => m[0].split(/\s+/).find((w) => new RegExp(`^${WHEN_WORD}s?$`, 'i').test(w))!.toLowerCase().replace(/s$/, '');
  const turnedDown = [...text.matchAll(REJECTED), ...text.matchAll(REJECTED_AFTER)].map(whenOf);
  let cut = text.replace(REJECTED, ' ').replace(REJECTED_AFTER, ' ');
  // The day turned down is not wanted wherever else it was said ("monday afternoon, actually not monday").
  for (const word of turnedDown) cut = cut.replace(new RegExp(`\\b${word}\\b`, 'gi'), ' ');
  const days = new Set([...cut.matchAll(DAY)].map((m) => m[0].toLowerCase()));
  if (days.size > 1) {
    const last = [...cut.matchAll(CORRECTION)].pop();
    const clause = last ? cut.slice(last.index).split(/[,.?!;]/)[0]! : '';
    if (new RegExp(DAY.source, 'i').test(clause)) cut = clause;
  }
  return { text: cut.replace(/\s+/g, ' ').trim(), rejected: cut !== text };
}
