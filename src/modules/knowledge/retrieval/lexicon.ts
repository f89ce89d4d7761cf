import { plainWords, normalizeSpeech } from './speech-text.ts';
import { ACTION_WORDS, stem, STOPWORDS, WEAK_WORDS } from './stem.ts';

/**
 * Vocabulary turned into concepts: every phrase of a synonym group ("hot water tank", "water
 * heater") reads as one concept term ("~water_heater"), so a caller's words and an entry's
 * words meet even when they differ. Pure.
 */
export interface Lexicon {
  /** Stemmed phrase ("hot water tank") -> concept term ("~water_heater"). */
  phrases: ReadonlyMap<string, string>;
  /** Concept term -> its phrases as written (normalised words), for full-text queries. */
  phrasesByConcept: ReadonlyMap<string, readonly string[]>;
  /** The first stemmed word of every phrase: most words start none, and need no longer lookups. */
  starts: ReadonlySet<string>;
  /** The longest phrase, in words. */
  maxWords: number;
}

export interface Analysis {
  /** The normalised text the analysis was made from. */
  text: string;
  /** Every token in order (stemmed words and concepts), stopwords included. */
  sequence: string[];
  /** The content terms in order of first use: concepts and stemmed words that are not stopwords. */
  terms: string[];
  /** A plain term's word as said (its first use), for full-text queries: "leaking" for "leak". */
  wordOf: ReadonlyMap<string, string>;
}

export const CONCEPT = '~';

const stems = (text: string) => plainWords(text).map(stem);
const WEAK_STEMS = new Set([...WEAK_WORDS].map(stem));
const ACTION_STEMS = new Set([...ACTION_WORDS].map(stem));
const STOP_STEMS = new Set([...STOPWORDS].map(stem));

/** Groups earlier in the list win a phrase that appears in more than one. */
export function buildLexicon(groups: readonly (readonly string[])[]): Lexicon {
  const phrases = new Map<string, string>();
  const phrasesByConcept = new Map<string, string[]>();
  const starts = new Set<string>();
  let maxWords = 1;
  for (const group of groups) {
    const [name] = group;
    if (name === undefined) continue;
    const concept = CONCEPT + plainWords(name).join('_');
    for (const term of group) {
      const key = stems(term);
      if (key.length === 0 || phrases.has(key.join(' '))) continue;
      phrases.set(key.join(' '), concept);
      starts.add(key[0]!);
      phrasesByConcept.set(concept, [...(phrasesByConcept.get(concept) ?? []), plainWords(term).join(' ')]);
      maxWords = Math.max(maxWords, key.length);
    }
  }
  return { phrases, phrasesByConcept, starts, maxWords };
}

interface Token {
  token: string;
  word: string;
  stop: boolean;
}

/** Replaces the longest vocabulary phrase at each position with its concept. */
function toSequence(words: string[], lexicon: Lexicon): Token[] {
  const stemmed = words.map(stem);
  const out: Token[] = [];
  for (let i = 0; i < words.length; ) {
    let matched = 0;
    const longest = lexicon.starts.has(stemmed[i]!) ? Math.min(lexicon.maxWords, words.length - i) : 0;
    for (let n = longest; n >= 1 && matched === 0; n--) {
      const concept = lexicon.phrases.get(stemmed.slice(i, i + n).join(' '));
      if (concept) {
        out.push({ token: concept, word: words.slice(i, i + n).join(' '), stop: false });
        matched = n;
      }
    }
    if (matched === 0) {
      out.push({ token: stemmed[i]!, word: words[i]!, stop: STOPWORDS.has(words[i]!) || STOP_STEMS.has(stemmed[i]!) });
      matched = 1;
    }
    i += matched;
  }
  return out;
}

/** A caller's question or an entry's phrasing, ready to compare. */
export function analyze(text: string, lexicon: Lexicon): Analysis {
  const normalized = normalizeSpeech(text);
  const sequence = toSequence(normalized === '' ? [] : normalized.split(' '), lexicon);
  const wordOf = new Map<string, string>();
  for (const t of sequence) if (!t.stop && !wordOf.has(t.token)) wordOf.set(t.token, t.word);
  return { text: normalized, sequence: sequence.map((t) => t.token), terms: [...wordOf.keys()], wordOf };
}

/** How much a term counts: what the question is about fully, what is to be done half, filler words a little. */
export function weightOf(term: string): number {
  // Concepts are named by their first phrase as written; plain terms are stems already.
  const bare = term.startsWith(CONCEPT) ? stem(term.slice(1)) : term;
  if (WEAK_STEMS.has(bare)) return 0.3;
  return ACTION_STEMS.has(bare) ? 0.5 : 1;
}
