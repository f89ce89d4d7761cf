import { weightOf, type Analysis } from './lexicon.ts';

/**
 * The caller's terms the entry has, said right after a topic word the entry has nowhere ("car"
 * in "car air conditioning", "gate" in "gate opener"): the caller asks about another kind of
 * that thing, so the shared word proves less.
 */
export function qualifiedElsewhere(query: Analysis, phrasing: ReadonlySet<string>, answer: ReadonlySet<string>): ReadonlySet<string> {
  const content = new Set(query.terms);
  const out = new Set<string>();
  for (let i = 1; i < query.sequence.length; i++) {
    const [before, t] = [query.sequence[i - 1]!, query.sequence[i]!];
    if (phrasing.has(t) && content.has(before) && weightOf(before) === 1 && !phrasing.has(before) && !answer.has(before)) out.add(t);
  }
  return out;
}
