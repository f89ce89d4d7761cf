import { CONCEPT, weightOf, type Analysis, type Lexicon } from './lexicon.ts';

/**
 * PostgreSQL `to_tsquery` texts for finding candidate entries, most selective first. Only
 * [a-z0-9] words and operators reach them, so they cannot be malformed. Pure.
 *
 * Each content term of the caller's question is a group: a plain word, or every phrase of a
 * vocabulary concept ("hot water tank" also finds "water heater"). Tier m finds the entries that
 * share at least m groups with the caller, so the search can take the entries that share the
 * most without ranking every entry that shares one word ("water" in a plumber's knowledge base).
 * Tiers use topic and action terms; a tier of single terms uses topic terms only, as an action
 * ("install") alone says nothing about what the caller asks.
 */
const MAX_TERMS = 8;
const MAX_TRIPLE_TERMS = 6;
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

function combinations<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  return items.flatMap((item, i) => combinations(items.slice(i + 1), size - 1).map((rest) => [item, ...rest]));
}

/** Queries for entries sharing at least 3, 2 and 1 of the caller's term groups, in that order; tiers that cannot match are left out. */
export function buildTsQueryTiers(analysis: Analysis, lexicon: Lexicon): string[] {
  const groups: { query: string; topic: boolean }[] = [];
  for (const term of analysis.terms) {
    const weight = weightOf(term);
    if (weight < 0.5 || groups.length === MAX_TERMS) continue;
    const query = groupOf(term, analysis, lexicon);
    if (query) groups.push({ query, topic: weight === 1 });
  }
  const tier = (size: number, from: typeof groups) =>
    from.length < size ? '' : combinations(from.map((g) => g.query), size).map((c) => (c.length === 1 ? c[0]! : `(${c.join(' & ')})`)).join(' | ');
  const topics = groups.filter((g) => g.topic);
  return [tier(3, groups.slice(0, MAX_TRIPLE_TERMS)), tier(2, groups), tier(1, topics.length > 0 ? topics : groups)].filter((q) => q !== '');
}
