import { CONCEPT, phrasesOfConcepts, type Analysis, type Lexicon } from './lexicon.ts';
import { STOPWORDS } from './stem.ts';

const MAX_PARTS = 64;
const WORD = /^[a-z0-9]+$/;

/**
 * A PostgreSQL `to_tsquery` text that finds entries sharing any content word with the caller,
 * or any phrase of a concept the caller used (so "hot water tank" also finds "water heater").
 * Only [a-z0-9] words reach it, so it cannot be malformed. Empty when there is nothing to search.
 */
export function buildTsQuery(analysis: Analysis, lexicon: Lexicon): string {
  const parts = new Set<string>();
  for (const word of analysis.text.split(' ')) {
    if (WORD.test(word) && !STOPWORDS.has(word)) parts.add(word);
  }
  const concepts = analysis.terms.filter((t) => t.startsWith(CONCEPT));
  for (const phrase of phrasesOfConcepts(concepts, lexicon)) {
    const words = phrase.split(' ').filter((w) => WORD.test(w));
    if (words.length === 1) parts.add(words[0]!);
    else if (words.length > 1) parts.add(`(${words.join(' <-> ')})`);
  }
  return [...parts].slice(0, MAX_PARTS).join(' | ');
}
