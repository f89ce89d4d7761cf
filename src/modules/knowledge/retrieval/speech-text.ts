/**
 * Speech-recognised text to plain words: lower case, no punctuation, contractions spelled out,
 * and the fillers and pleasantries callers wrap a question in removed. Pure.
 */

// Spelled out so that "isn't working" and "is not working" read the same, and negations stay visible.
const CONTRACTIONS: [RegExp, string][] = [
  [/\bwon't\b/g, 'will not'],
  [/\bcan't\b/g, 'can not'],
  [/\bain't\b/g, 'is not'],
  [/n't\b/g, ' not'],
  [/'re\b/g, ' are'],
  [/'m\b/g, ' am'],
  [/'ll\b/g, ' will'],
  [/'ve\b/g, ' have'],
  [/'d\b/g, ' would'],
  [/\b(it|that|what|there|here|who|where|how|he|she)'s\b/g, '$1 is'],
  [/'s\b/g, ''],
];

/** Said anywhere, they carry nothing. */
const FILLER_WORDS = new Set(['um', 'umm', 'uh', 'uhh', 'uhm', 'erm', 'er', 'ah', 'hmm', 'mm', 'mhm']);

/** Phrases that wrap a question without being part of it. */
const FILLER_PHRASES = [
  'i was just wondering', 'i was wondering', 'i am wondering', 'i wanted to ask', 'i want to ask', 'i wanted to know',
  'i want to know', 'i would like to know', 'can you tell me', 'could you tell me', 'i have a question', 'quick question',
  'you know', 'i mean', 'thank you', 'thanks',
].map((p) => p.split(' '));

/** Openers, dropped only at the start ("yeah hi so ..."). */
const OPENERS = new Set(['yeah', 'yes', 'yep', 'hi', 'hello', 'hey', 'so', 'well', 'okay', 'ok', 'oh', 'alright', 'good', 'morning', 'afternoon', 'evening', 'there']);

const FILLER_STARTS = new Set(FILLER_PHRASES.map((p) => p[0]!));

function stripPhrases(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    const phrase = FILLER_STARTS.has(words[i]!) ? FILLER_PHRASES.find((p) => p.every((w, k) => words[i + k] === w)) : undefined;
    if (phrase) {
      i += phrase.length;
      continue;
    }
    out.push(words[i]!);
    i += 1;
  }
  return out;
}

/** Lower case, accents and punctuation removed, contractions expanded; keeps every word. */
export function plainWords(text: string): string[] {
  let s = text.toLowerCase();
  // Only text beyond printable ASCII can carry accents worth folding.
  if (/[^ -~]/.test(s)) s = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  s = s.replace(/[\u2018\u2019\u02bc`]/g, "'");
  if (s.includes("'")) for (const [pattern, replacement] of CONTRACTIONS) s = s.replace(pattern, replacement);
  s = s.replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, ' ');
  return s.split(' ').filter((w) => w !== '');
}

/**
 * Letters a recogniser spelled out one by one ("h o a", "e v") joined into the word they spell
 * ("hoa", "ev"). A lone "a" or "i" before them is the article or the pronoun ("a p m" is "a pm").
 */
export function joinSpelledLetters(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    let j = i;
    while (j < words.length && /^[a-z]$/.test(words[j]!)) j++;
    if (j - i >= 3 && (words[i] === 'a' || words[i] === 'i')) out.push(words[i++]!);
    if (j - i >= 2) {
      out.push(words.slice(i, j).join(''));
      i = j;
    } else {
      out.push(words[i]!);
      i += 1;
    }
  }
  return out;
}

/** The caller's words with fillers and openers removed, as one space-separated string. */
export function normalizeSpeech(text: string): string {
  const words = stripPhrases(joinSpelledLetters(plainWords(text).filter((w) => !FILLER_WORDS.has(w))));
  let start = 0;
  // Openers only count as filler while nothing else has been said; "hi" alone stays "hi".
  while (start < words.length - 1 && OPENERS.has(words[start]!)) start += 1;
  return words.slice(start).join(' ');
}
