import { CONCEPT, weightOf, type Analysis, type Lexicon } from './lexicon.ts';

/**
 * PostgreSQL `to_tsquery` texts for finding candidate entries. Only [a-z0-9] words and
 * operators reach them, so they cannot be malformed. Pure.
 *
 * Each content term of the caller's question is a group: a plain word, or every phrase of a
 * vocabulary concept ("hot water tank" also finds "water heater"). `pairs` finds entries
 * sharing at least two groups with the caller; `singles` those sharing one topic group (not
 * only an action like "install"). Searching pairs first keeps a large knowledge base fast: the
 * entries worth scoring share more than one word with the question.
 */
export interface TsQueries {
  pairs: string;
  singles: string;
}

const MAX_TERMS = 8;
const MAX_PHRASES_PER_TERM = 12;
const WORD = /^[a-z0-9]+$/;

// All words of a phrase rather than the phrase (<->): the index answers that without reading
// every matching row again, and the scorer checks the phrase itself.
function phraseQuery(phrase: string): string | undefined {
  const words = phrase.split(' ').filter((w) => WORD.test(w));
  if (words.length === 0) return undefined;
  return words.length === 1 ? words[0]! : `(${words.join(' & ')})`;
}

function groupOf(term: string, analysis: Analysis, lexicon: Lexicon): string | undefined {
  const phrases = term.startsWith(CONCEPT) ? (lexicon.phrasesByConcept.get(term) ?? []) : [analysis.wordOf.get(term) ?? ''];
  const parts = [...new Set(phrases.slice(0, MAX_PHRASES_PER_TERM).map(phraseQuery).filter((p) => p !== undefined))];
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : `(${parts.join(' | ')})`;
}

export function buildTsQueries(analysis: Analysis, lexicon: Lexicon): TsQueries {
  const groups: { query: string; topic: boolean }[] = [];
  for (const term of analysis.terms) {
    const weight = weightOf(term);
    if (weight < 0.5 || groups.length === MAX_TERMS) continue;
    const query = groupOf(term, analysis, lexicon);
    if (query) groups.push({ query, topic: weight === 1 });
  }
  const pairs: string[] = [];
  for (let i = 0; i < groups.length; i++) {
    for (let j = i + 1; j < groups.length; j++) pairs.push(`(${groups[i]!.query} & ${groups[j]!.query})`);
  }
  const topics = groups.filter((g) => g.topic);
  return { pairs: pairs.join(' | '), singles: (topics.length > 0 ? topics : groups).map((g) => g.query).join(' | ') };
}
