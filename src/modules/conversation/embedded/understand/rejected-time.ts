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

/** The words with every rejected day or part of day taken out; `rejected` says whether any was. */
export function withoutRejectedTime(text: string): { text: string; rejected: boolean } {
  const cut = text.replace(REJECTED, ' ');
  return { text: cut.replace(/\s+/g, ' ').trim(), rejected: cut !== text };
}
