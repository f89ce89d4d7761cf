/**
 * Speech-recognised text as the dialogue manager reads it: lower case, no punctuation, no
 * apostrophes ("that's" → "thats"), hesitations dropped, single spaces. Pure.
 */
const HESITATIONS = new Set(['um', 'umm', 'uh', 'uhh', 'uhm', 'er', 'erm', 'ah', 'ahh', 'hmm', 'hm', 'mm', 'mmm']);

export interface Heard {
  /** Normalised words joined by single spaces, with a space at each end for whole-word tests. */
  text: string;
  words: string[];
  /** The recogniser punctuated it as a question. */
  asked: boolean;
}

export function hear(raw: string): Heard {
  const words = raw
    .toLowerCase()
    .replace(/\buh[\s-]?huh\b/g, 'uhhuh')
    .replace(/[’‘`]/g, "'")
    .replace(/'/g, '')
    .replace(/[^a-z0-9:@.\s-]+/g, ' ')
    // Sentence punctuation goes; dots and dashes inside a token ("3.5", "606-14", "a.m.") stay.
    .replace(/(^|\s)[.-]+|[.-]+(?=\s|$)/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && !HESITATIONS.has(w));
  return { text: ` ${words.join(' ')} `, words, asked: raw.includes('?') };
}

/** Whether the heard text contains a match of the pattern (write patterns with \b or spaces). */
export const says = (heard: Heard, pattern: RegExp): boolean => pattern.test(heard.text);

/** 'john smith' → 'John Smith'; keeps inner capitals of words given in upper case. */
export const titleCase = (s: string): string => s.replace(/\b([a-z])([a-z']*)/g, (_m, first: string, rest: string) => first.toUpperCase() + rest);
