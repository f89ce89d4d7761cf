import { numberWordsToDigits } from './number-words.ts';

/**
 * Speech-recognised text as tokens: lower case, no punctuation (':' kept for "3:30"), numbers
 * as digits, fillers dropped, and phone phrasings folded into the few forms the readers
 * understand ("a.m." → am, "o'clock" → oclock, "half an hour" → 30 minutes). "oh" is kept:
 * it is a digit in "three oh five", and the readers skip words they do not know.
 */
export interface SpeechTokens {
  tokens: string[];
  /** "as soon as possible", "asap", "soonest", "first available", "right now"... */
  asap: boolean;
}

// Applied in order, on the text with numbers already written as digits.
const PHRASES: [RegExp, string][] = [
  [/\b([ap]) m\b/g, '$1m'],
  [/\b(\d{1,2}(?::\d{2})?)(am|pm)\b/g, '$1 $2'],
  [/\bo ?clock\b/g, 'oclock'],
  [/\b12 noon\b/g, 'noon'],
  [/\b(mid ?day|lunch ?time|lunch)\b/g, 'noon'],
  // Typed in a chat: "tmrw pm", "2morrow".
  [/\b(tmrw|tmr|tmrow|tmw|tomoro|tomorow|tommorow|tommorrow|2morrow|2moro)\b/g, 'tomorrow'],
  [/\b(today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday) pm\b/g, '$1 afternoon'],
  [/\b(today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday) am\b/g, '$1 morning'],
  [/\bday after tomorrow\b/g, 'overmorrow'],
  [/\b1th thing( in the morning)?\b/g, 'morning'],
  [/\b(morning|afternoon|evening)s\b/g, '$1'],
  [/\bhalf an hour\b/g, '30 minutes'],
  [/\ban hour and a half\b/g, '90 minutes'],
  [/\ban hour\b/g, '1 hour'],
  [/\ba couple( of)? hours\b/g, '2 hours'],
  [/\b(a )?quarter of an hour\b/g, '15 minutes'],
  [/\ba (quarter|half)\b/g, '$1'],
  [/\b(this coming|coming)\b/g, 'next'],
  [/\b(\d+) (minutes?|hours?) from now\b/g, 'in $1 $2'],
];

const ASAP = /\b(a s a p|asap|as soon as (possible|you can|we can|they can|someone can)|soonest|earliest|1th available|next available|right away|right now|immediately|straight away|now)\b/g;

const FILLERS = new Set([
  'um', 'umm', 'uh', 'uhh', 'uhm', 'er', 'erm', 'ah', 'hmm', 'mm', 'like', 'so', 'well', 'okay', 'ok',
  'please', 'maybe', 'actually', 'basically', 'just', 'yeah', 'yes', 'i', 'mean', 'you', 'know',
]);

export function tokenizeSpeech(text: string): SpeechTokens {
  const words = text.toLowerCase().replace(/[^a-z0-9: ]+/g, ' ').split(/\s+/).filter((w) => w !== '');
  let s = ` ${numberWordsToDigits(words).join(' ')} `;
  for (const [pattern, replacement] of PHRASES) s = s.replace(pattern, replacement);
  const withoutAsap = s.replace(ASAP, ' ');
  return {
    tokens: withoutAsap.split(/\s+/).filter((w) => w !== '' && !FILLERS.has(w)),
    asap: withoutAsap !== s,
  };
}
